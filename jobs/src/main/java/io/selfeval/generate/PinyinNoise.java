package io.selfeval.generate;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Variant PINYIN of a glued document: a document-sharing site's pinyin after some characters
 * ({@code 预(yù)算}, {@code 執(zhí)行}) of the form's header words and labels: the header rows, the
 * name and budget row labels, the level cells, the 总分 label. Values (names, targets, numbers)
 * are printed without, so the truth, the printed values, stays as it is; the reader must find its
 * words across the annotations and keep them in what it prints.
 */
final class PinyinNoise {

  /** One glued document in this many, left to the variant's own stream. */
  private static final int ONE_IN = 3;

  /** Characters the site annotates, simplified and traditional, with their toned syllable. */
  private static final Map<Character, String> SYLLABLES = Map.ofEntries(
      Map.entry('预', "yù"), Map.entry('預', "yù"), Map.entry('执', "zhí"),
      Map.entry('執', "zhí"), Map.entry('标', "biāo"), Map.entry('標', "biāo"),
      Map.entry('数', "shù"), Map.entry('數', "shù"), Map.entry('额', "é"),
      Map.entry('額', "é"), Map.entry('资', "zī"), Map.entry('資', "zī"),
      Map.entry('值', "zhí"), Map.entry('级', "jí"), Map.entry('級', "jí"),
      Map.entry('单', "dān"), Map.entry('称', "chēng"), Map.entry('实', "shí"),
      Map.entry('實', "shí"), Map.entry('总', "zǒng"), Map.entry('總', "zǒng"));

  private PinyinNoise() {}

  /** True for the glued documents printed with the annotations (a stream of their own). */
  static boolean draw(SplittableRandom own) {
    return own.nextInt(ONE_IN) == 0;
  }

  /** The cell with the syllable in parentheses after each annotated character. */
  static String annotate(String cell) {
    StringBuilder sb = new StringBuilder(cell.length() * 2);
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      sb.append(c);
      String s = SYLLABLES.get(c);
      if (s != null) {
        sb.append('(').append(s).append(')');
      }
    }
    return sb.toString();
  }

  /** True for a cell of header words or a label: never a value the truth holds. */
  static boolean labelCell(LayoutPrinter.Role role, int c, String cell) {
    return switch (role) {
      case BUDGET_HEADER, INDICATOR_HEADER -> true;
      case NAME -> c == 0 || c == 4;
      case BUDGET_TOTAL, BUDGET_LINE -> c <= 1 && !cell.matches("[0-9.,%]*");
      case TOTAL -> c == 0;
      case INDICATOR -> c <= 1 && cell.length() <= 6 && cell.endsWith("指标");
      default -> false;
    };
  }
}
