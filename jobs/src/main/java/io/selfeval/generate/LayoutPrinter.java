package io.selfeval.generate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Prints the rows of a generated form in one of the text layouts real reports reach us in, with
 * the noise of conversions, and says on which line each row starts. The layout and noises of a
 * document are drawn from the seed and written to the manifest.
 */
final class LayoutPrinter {

  /**
   * The text layouts a form is printed in. FLAT_LINE: the title and the whole table on one line,
   * cells separated by single spaces, empty cells gone (a web page or .doc turned into text);
   * FLAT_PDF: the same words wrapped into lines of a page's width (PDF-to-text of such a table).
   * MIXED draws a layout per table among those before it. PARAGRAPHS: a cell per paragraph, one
   * blank line between cells, a longer run between rows, empty cells gone and a cell's remark
   * ({@code (万元)}, {@code (50分)}) a paragraph of its own (a web page copied to text).
   * GLUED: the title and every cell glued
   * to the next with no separator, empty cells gone, as document-sharing sites and extractors
   * give a Word/Excel form (under the FOOTER noise the text is cut into pages, each led by its
   * number, {@code 2、}, wherever the page ends, even inside a cell, and the site's banner leads
   * the document); not in {@link #drawLayout}'s draw: drawn apart under --glued
   * ({@link #drawGlued}).
   * FLAT_WRAPPED: FLAT_LINE as a spreadsheet turned into text prints it, each row line by line:
   * header cells too long for their column wrap after two characters ({@code 年度 / 指标值}), so
   * the indicator header's words come out of order (the first lines of its cells, then the
   * second lines), and the budget total row's label, a cell merged with the header's, is printed
   * before the header, not before its numbers; drawn for half the FLAT_LINE documents from a
   * stream of their own ({@link #drawWrapped}), without BLANK_SCORES or GLUED (a budget row
   * without its label is placed by its arithmetic alone).
   * PIPE_WRAPPED: PIPE with rows over two lines ({@link #pipeWrappedNoises}).
   */
  enum Layout { TAB, CELL_LINES, PIPE, MARKDOWN, SPACES, HTML, MIXED, FLAT_LINE, FLAT_PDF,
    PARAGRAPHS, GLUED, FLAT_WRAPPED, PIPE_WRAPPED }

  /**
   * PIPE_WRAPPED: PIPE where a third of the indicator rows hold a line break in a cell, as a web
   * page's table copied to text prints it: an empty cell between the values (a qualitative row's
   * 度量单位) ends the first line with {@code |} and the next starts with one; else the name is
   * cut in two across the lines. Drawn for half the PIPE documents from a stream of their own
   * ({@link #drawWrapped}), without DROPPED_CELLS (the header's count of cells tells the two
   * lines are one row).
   */
  static Set<Noise> pipeWrappedNoises(Set<Noise> drawn) {
    Set<Noise> n = drawn.isEmpty() ? EnumSet.noneOf(Noise.class) : EnumSet.copyOf(drawn);
    n.remove(Noise.DROPPED_CELLS);
    return n;
  }

  /** A header cell longer than this wraps in FLAT_WRAPPED. */
  private static final int WRAP_WIDTH = 4;
  /** Characters of a wrapped header cell on its first line. */
  private static final int WRAP_FIRST = 2;

  /**
   * FLAT_WRAPPED instead of a drawn FLAT_LINE (PIPE_WRAPPED instead of PIPE), from the
   * document's own stream: no other document's layout or noises change.
   */
  static boolean drawWrapped(SplittableRandom own) {
    return own.nextBoolean();
  }

  /** The noises of a FLAT_WRAPPED document: those drawn, less BLANK_SCORES and GLUED. */
  static Set<Noise> wrappedNoises(Set<Noise> drawn) {
    Set<Noise> n = drawn.isEmpty() ? EnumSet.noneOf(Noise.class) : EnumSet.copyOf(drawn);
    n.remove(Noise.BLANK_SCORES);
    n.remove(Noise.GLUED);
    return n;
  }

  /** One document in this many is printed GLUED under --glued. */
  private static final int GLUED_ONE_IN = 8;

  /**
   * Template variants of a form, drawn per document for the layouts that keep cell borders
   * (neither flattened nor mixed): COLUMNS, 指标性质 / 指标值 / 度量单位 cells (comparator, value,
   * unit) and a 评分标准 column of percentages; POINTS_LEVELS, each 一级指标 printed as its points
   * only, {@code (50分)}; SHORT_TOTAL, the total row as {@code 总分 | 100 | 96 | 优};
   * HEADER_TOTAL, the total printed as a field above the budget block, {@code 自评得分：96}, and
   * no 总分 row (so no grade).
   */
  enum Variant {
    COLUMNS, POINTS_LEVELS, SHORT_TOTAL, HEADER_TOTAL, ORDINALS, NO_WEIGHTS, COEFFICIENTS,
    UNIT_TABLE, WEIGHTED_LEVELS, SCRAMBLED_LEVELS, NAMES_FIRST, PINYIN, GARBLED_SCHEME,
    ITEM_SCORES, RATE_TAIL, TAIL_AMOUNTS_LOST, TAIL_NO_LABEL, GARBLED_TARGETS,
    SOURCE_BUDGET, WEIGHT_FIRST
  }

  /**
   * WEIGHT_FIRST ({@link WeightFirst}), drawn for half the glued documents left without another
   * glued variant (after GARBLED_SCHEME), from a stream of their own: the indicator header
   * prints 分值 before the values (三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分), rows numbered
   * 指标1…, and OCR damaged the targets' comparators (≥ as 2, 工, ^ or 5=; % as $).
   */
  static boolean drawWeightFirst(SplittableRandom own) {
    return own.nextBoolean();
  }

  /**
   * GARBLED_SCHEME, drawn for half the glued documents left without another glued variant (after
   * WEIGHTED_LEVELS), from a stream of their own: a sharing site's OCR of a project form whose
   * 一级指标 header and level cells came out scrambled ({@code 级标一指}, {@code 出标产指}, no
   * points), the table printed from 二级指标 with 得分 and no 分值 column, the budget block as
   * 预算数(A) | 执行数(B) | 执行率(B/A) | 得分(10分*执行率) with the rate as a fraction ({@code 0.9457}),
   * no 年初预算数 and no source row, and a 总分 row with the total alone (no grade).
   */
  static boolean drawGarbledScheme(SplittableRandom own) {
    return own.nextBoolean();
  }

  /**
   * ITEM_SCORES ({@link ItemScores}): drawn for a third of the flat_line (not flat_wrapped) and
   * flat_pdf documents from a stream of their own; their project forms print scored items.
   */
  static boolean drawItemScores(SplittableRandom own, Layout layout) {
    return (layout == Layout.FLAT_LINE || layout == Layout.FLAT_PDF) && own.nextInt(3) == 0;
  }

  /**
   * SOURCE_BUDGET ({@link SourceFunds}): drawn for a quarter of the flat_line (not flat_wrapped)
   * and flat_pdf documents from a stream of their own; their project forms print the budget block
   * by source of funds.
   */
  static boolean drawSourceBudget(SplittableRandom own, Layout layout) {
    return (layout == Layout.FLAT_LINE || layout == Layout.FLAT_PDF) && own.nextInt(4) == 0;
  }

  /**
   * The noises of an ITEM_SCORES document: those drawn, less BLANK_SCORES. The items' points
   * stand outside the generated form's 100, so Σ 分值 = 100, which places a budget row printed
   * without its 执行率 and 得分, does not hold there.
   */
  static Set<Noise> itemScoreNoises(Set<Noise> drawn) {
    Set<Noise> n = drawn.isEmpty() ? EnumSet.noneOf(Noise.class) : EnumSet.copyOf(drawn);
    n.remove(Noise.BLANK_SCORES);
    return n;
  }

  /**
   * NAMES_FIRST, a flat_wrapped variant: in each form, two rows of one 二级指标 (neither with a
   * deviation reason) print as a PDF's text gives a row whose name wraps onto a second line
   * next to a row below it: the first name without its last character, that character as a
   * word of its own, the second name, then the first row's values and the second's
   * ({@code 资金拨付准确 率 开展专项检查次数 ≥96% 100% 10 10 ≥30次 39次 10 10}). Drawn for half the
   * flat_wrapped documents from a stream of their own, the pair from another.
   */
  static boolean drawNamesFirst(SplittableRandom own) {
    return own.nextBoolean();
  }

  /**
   * NO_WEIGHTS, a flat_wrapped variant: the indicator table prints no 分值 column (年度指标值 |
   * 实际完成值 | 得分, as some templates do), so the rows' weights are not printed; drawn for half
   * the flat_wrapped documents from a stream of their own.
   */
  static boolean drawNoWeights(SplittableRandom own) {
    return own.nextBoolean();
  }

  /**
   * ORDINALS, the glued forms' variant: each row's name led by its number in its 二级指标
   * ({@code 指标1…指标2…}), as templates number their rows; drawn for half the glued documents
   * from the glued draw's own stream, so no other document changed.
   */
  static boolean drawOrdinals(SplittableRandom gluedStream) {
    return gluedStream.nextBoolean();
  }

  /**
   * COEFFICIENTS, the other glued variant: the indicator table as unit-level forms print it,
   * without level columns (指标名称 | 计量单位 | 指标性质 | 年初指标值 | 全年完成值 | 得分系数(%) |
   * 指标权重(分) | 指标得分(分) | 是否核心指标); drawn, after ORDINALS, for half the glued documents
   * without it, from the same stream.
   */
  static boolean drawCoefficients(SplittableRandom gluedStream) {
    return gluedStream.nextBoolean();
  }

  /**
   * UNIT_TABLE, drawn for half the COEFFICIENTS documents from the same stream: the unit-level
   * table without 系数 and 是否核心指标 columns (指标名称 | 计量单位 | 指标性质 | 指标值 | 指标权重(分) |
   * 全年完成值 | 指标得分(分) | 说明), so no cell ends a row; the comparator stands in 指标性质.
   */
  static boolean drawUnitTable(SplittableRandom gluedStream) {
    return gluedStream.nextBoolean();
  }

  /**
   * WEIGHTED_LEVELS, drawn for half the glued documents left without another glued variant, from
   * a stream of their own: the indicator table as unit-wide (整体支出) forms head it, 分解目标 |
   * 自评权重 | 二级指标 | 三级指标 | 年度指标值 | 全年完成值 | 分值 | 得分 | 偏差及原因分析, the
   * level's points in a cell of their own (glued: {@code 产出指标50数量指标…}). Half of those (the
   * same stream) add SCRAMBLED_LEVELS: each 一级指标 cell's characters in another order
   * ({@code 出标产指}), as a sharing site's OCR of a vertical cell prints it.
   */
  static Set<Variant> drawWeightedLevels(SplittableRandom own) {
    if (!own.nextBoolean()) {
      return Set.of();
    }
    return own.nextBoolean() ? EnumSet.of(Variant.WEIGHTED_LEVELS, Variant.SCRAMBLED_LEVELS)
        : EnumSet.of(Variant.WEIGHTED_LEVELS);
  }

  /**
   * The variants of a document, drawn from the second stream of {@link #drawLayout} (none for the
   * flattened and mixed layouts).
   */
  static Set<Variant> drawVariants(SplittableRandom rnd, Layout layout) {
    Set<Variant> v = EnumSet.noneOf(Variant.class);
    if (layout == Layout.MIXED || layout == Layout.FLAT_LINE || layout == Layout.FLAT_PDF
        || layout == Layout.GLUED || layout == Layout.FLAT_WRAPPED) {
      return v;
    }
    // the template variants only, in their order: the others are drawn from streams of their own
    for (Variant x : List.of(Variant.COLUMNS, Variant.POINTS_LEVELS, Variant.SHORT_TOTAL,
        Variant.HEADER_TOTAL)) {
      if (rnd.nextDouble() < 0.3) {
        v.add(x);
      }
    }
    return v;
  }

  static String variantNames(Set<Variant> variants) {
    List<String> s = new ArrayList<>();
    variants.forEach(x -> s.add(x.name().toLowerCase(Locale.ROOT)));
    return String.join(",", s);
  }

  /** Noises of conversion. */
  enum Noise { FOOTER, REPEATED_HEADER, TRADITIONAL, BLANK_SCORES, GLUED, DROPPED_CELLS }

  /** Role of a row, for the noises that touch particular rows. */
  enum Role { NAME, BUDGET_HEADER, BUDGET_TOTAL, BUDGET_LINE, GOALS, INDICATOR_HEADER,
    INDICATOR, TOTAL }

  /** Header characters as traditional ones (the records keep them as printed). */
  private static final Map<Character, Character> TRADITIONAL = Map.ofEntries(
      Map.entry('绩', '績'), Map.entry('评', '評'), Map.entry('预', '預'), Map.entry('执', '執'),
      Map.entry('资', '資'), Map.entry('总', '總'), Map.entry('额', '額'), Map.entry('项', '項'),
      Map.entry('实', '實'), Map.entry('际', '際'), Map.entry('标', '標'), Map.entry('数', '數'),
      Map.entry('级', '級'), Map.entry('门', '門'), Map.entry('万', '萬'), Map.entry('况', '況'),
      Map.entry('计', '計'), Map.entry('体', '體'));

  private final Layout layout;
  private final Set<Noise> noises;
  private final SplittableRandom rnd;
  private final List<String> out;
  private int page = 1;
  /** PARAGRAPHS: the blank lines between two rows beyond the one after every cell. */
  private final int rowGap;
  /** A cell's remark printed as a paragraph of its own: 资金情况 | (万元), 产出指标 | (50分). */
  private static final java.util.regex.Pattern REMARK =
      java.util.regex.Pattern.compile("(.+?)\\s*([(（][^()（）]*(?:分|元)[^()（）]*[)）])");
  /** A FLAT_LINE title, printed at the head of its table's line. */
  private String pendingTitle;
  /** GLUED with variant PINYIN: labels and header words annotated ({@link PinyinNoise}). */
  private boolean pinyin;

  LayoutPrinter(Layout layout, Set<Noise> noises, SplittableRandom rnd, List<String> out) {
    this.layout = layout;
    this.noises = noises;
    this.rnd = rnd;
    this.out = out;
    this.rowGap = layout == Layout.PARAGRAPHS ? 2 + rnd.nextInt(8) : 0;
  }

  /**
   * A document's layout, drawn from its own random stream among those before PARAGRAPHS; a tenth
   * of the documents, drawn from a second stream ({@code later}), are printed in PARAGRAPHS
   * instead, so adding it left every other document's draws as they were.
   */
  static Layout drawLayout(SplittableRandom rnd, SplittableRandom later) {
    Layout drawn = Layout.values()[rnd.nextInt(Layout.PARAGRAPHS.ordinal())];
    return later.nextDouble() < 0.1 ? Layout.PARAGRAPHS : drawn;
  }

  /**
   * GLUED, drawn from a stream of its own so that adding it left every other document's layout
   * and noises as they were drawn before.
   */
  static boolean drawGlued(SplittableRandom own) {
    return own.nextInt(GLUED_ONE_IN) == 0;
  }

  static Set<Noise> drawNoises(SplittableRandom rnd, Layout layout) {
    Set<Noise> n = EnumSet.noneOf(Noise.class);
    for (Noise x : Noise.values()) {
      if (rnd.nextDouble() < 0.3) {
        n.add(x);
      }
    }
    if (n.contains(Noise.REPEATED_HEADER)) {
      n.add(Noise.FOOTER);
    }
    if (n.contains(Noise.BLANK_SCORES) && n.contains(Noise.DROPPED_CELLS)) {
      // a budget row with a blank 年初预算数 dropped and no 执行率 or 得分 printed has no
      // arithmetic to place its two amounts: no reader can tell 全年预算数 from 全年执行数
      n.remove(rnd.nextBoolean() ? Noise.BLANK_SCORES : Noise.DROPPED_CELLS);
    }
    return n;
  }

  static String names(Set<Noise> noises) {
    List<String> s = new ArrayList<>();
    noises.forEach(x -> s.add(x.name().toLowerCase(Locale.ROOT)));
    return String.join(",", s);
  }

  /** Prints the glued table's header words and labels with pinyin ({@link PinyinNoise}). */
  LayoutPrinter withPinyin(boolean annotated) {
    pinyin = annotated;
    return this;
  }

  /** A title line, traditional when the document is. */
  int title(String text) {
    String printed = noises.contains(Noise.TRADITIONAL) ? traditional(text) : text;
    if (layout == Layout.GLUED && noises.contains(Noise.FOOTER)
        && out.stream().noneMatch(l -> l.contains("由会员分享"))) {
      out.add("《" + printed + ".docx》由会员分享，可在线阅读，更多相关《" + printed
          + ".docx(3页珍藏版)》请在某某文库上搜索。");
    }
    if (layout == Layout.FLAT_LINE || layout == Layout.GLUED || layout == Layout.FLAT_WRAPPED) {
      pendingTitle = printed;
      return out.size() + 1;
    }
    out.add(printed);
    return out.size();
  }

  /** Prints one table; returns the 1-based line each row starts on. */
  int[] table(List<String[]> rows, List<Role> roles) {
    Layout l = layout == Layout.MIXED
        ? Layout.values()[rnd.nextInt(Layout.MIXED.ordinal())] : layout;
    boolean wrapRows = l == Layout.PIPE_WRAPPED;
    l = wrapRows ? Layout.PIPE : l;
    if (l == Layout.FLAT_LINE || l == Layout.FLAT_PDF || l == Layout.FLAT_WRAPPED) {
      return flat(rows, roles, l == Layout.FLAT_PDF);
    }
    if (l == Layout.GLUED) {
      return glued(rows, roles);
    }
    int[] lines = new int[rows.size()];
    int breakAfter = -1;
    if (noises.contains(Noise.FOOTER)) {
      List<Integer> candidates = new ArrayList<>();
      for (int i = 0; i + 1 < rows.size(); i++) {
        if (roles.get(i) == Role.INDICATOR && roles.get(i + 1) == Role.INDICATOR) {
          candidates.add(i);
        }
      }
      breakAfter = candidates.isEmpty() ? -1 : candidates.get(rnd.nextInt(candidates.size()));
    }
    String[] indicatorHeader = null;
    if (l == Layout.HTML) {
      out.add("<table>");
    }
    for (int i = 0; i < rows.size(); i++) {
      String[] cells = rows.get(i).clone();
      Role role = roles.get(i);
      if (noises.contains(Noise.TRADITIONAL)
          && (role == Role.BUDGET_HEADER || role == Role.INDICATOR_HEADER)) {
        for (int c = 0; c < cells.length; c++) {
          cells[c] = traditional(cells[c]);
        }
      }
      if (role == Role.INDICATOR_HEADER) {
        indicatorHeader = cells;
      }
      lines[i] = wrapRows && role == Role.INDICATOR && rnd.nextInt(3) == 0
          ? wrappedPipeRow(cells)
          : row(l, cells, i == 0, noises.contains(Noise.DROPPED_CELLS)
          && (role == Role.BUDGET_TOTAL || role == Role.INDICATOR));
      if (i == breakAfter) {
        pageBreak(l, indicatorHeader);
      }
    }
    if (l == Layout.HTML) {
      out.add("</table>");
    }
    return lines;
  }

  /**
   * The table as words separated by single spaces: on one line after its title (FLAT_LINE), or
   * wrapped at a page width drawn per table, with a page footer (and the indicator header printed
   * again) between two lines of indicator rows under the FOOTER noise (FLAT_PDF).
   */
  private int[] flat(List<String[]> rows, List<Role> roles, boolean pdf) {
    List<String> words = new ArrayList<>();
    int[] firstWord = new int[rows.size()];
    List<String> header = new ArrayList<>();
    int firstIndicator = -1;
    for (int i = 0; i < rows.size(); i++) {
      Role role = roles.get(i);
      boolean traditionalHeader = noises.contains(Noise.TRADITIONAL)
          && (role == Role.BUDGET_HEADER || role == Role.INDICATOR_HEADER);
      firstWord[i] = words.size();
      firstIndicator = firstIndicator < 0 && role == Role.INDICATOR ? words.size()
          : firstIndicator;
      for (String cell : wrapped(rows.get(i), role)) {
        String c = traditionalHeader ? traditional(cell) : cell;
        for (String w : c.split(" ")) {
          if (!w.isEmpty()) {
            words.add(w);
            if (role == Role.INDICATOR_HEADER) {
              header.add(w);
            }
          }
        }
      }
    }
    int[] lineOfWord = new int[words.size()];
    if (!pdf) {
      StringBuilder line = new StringBuilder(pendingTitle == null ? "" : pendingTitle);
      pendingTitle = null;
      for (String w : words) {
        line.append(line.length() == 0 ? "" : " ").append(w);
      }
      out.add(line.toString());
      java.util.Arrays.fill(lineOfWord, out.size());
    } else {
      int width = 40 + rnd.nextInt(80);
      boolean footer = noises.contains(Noise.FOOTER);
      StringBuilder line = new StringBuilder();
      for (int w = 0; w < words.size(); w++) {
        if (line.length() > 0 && line.length() + 1 + words.get(w).length() > width) {
          out.add(line.toString());
          line.setLength(0);
          if (footer && firstIndicator >= 0 && w > firstIndicator + 8) {
            footer = false;
            pageBreakWords(header);
          }
        }
        line.append(line.length() == 0 ? "" : " ").append(words.get(w));
        lineOfWord[w] = out.size() + 1;
      }
      out.add(line.toString());
    }
    int[] lines = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      lines[i] = lineOfWord[Math.min(firstWord[i], words.size() - 1)];
    }
    return lines;
  }

  /**
   * A row's cells as FLAT_WRAPPED prints them (as given in other layouts): the indicator header's
   * long cells wrapped, the first lines of every cell before the second lines; the budget total
   * row without its label (printed with the header, where its merged cell starts).
   */
  private String[] wrapped(String[] cells, Role role) {
    if (layout != Layout.FLAT_WRAPPED) {
      return cells;
    }
    if (role == Role.BUDGET_TOTAL) {
      List<String> c = new ArrayList<>(List.of(cells));
      c.removeIf(x -> x.equals("合计"));
      return c.toArray(new String[0]);
    }
    if (role != Role.INDICATOR_HEADER) {
      return cells;
    }
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (String c : cells) {
      boolean wraps = c.length() > WRAP_WIDTH;
      first.add(wraps ? c.substring(0, WRAP_FIRST) : c);
      second.add(wraps ? c.substring(WRAP_FIRST) : "");
    }
    first.addAll(second);
    return first.toArray(new String[0]);
  }

  /**
   * The table's cells glued with no separator after its title; under FOOTER cut into pages at
   * drawn places, each page led by its number ({@code 1、}, {@code 2、}).
   */
  private int[] glued(List<String[]> rows, List<Role> roles) {
    StringBuilder text = new StringBuilder(pendingTitle == null ? "" : pendingTitle);
    pendingTitle = null;
    int[] firstChar = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      boolean traditionalHeader = noises.contains(Noise.TRADITIONAL)
          && (roles.get(i) == Role.BUDGET_HEADER || roles.get(i) == Role.INDICATOR_HEADER);
      firstChar[i] = text.length();
      String[] cells = rows.get(i);
      for (int c = 0; c < cells.length; c++) {
        String cell = (traditionalHeader ? traditional(cells[c]) : cells[c]).replace(" ", "");
        text.append(pinyin && PinyinNoise.labelCell(roles.get(i), c, cell)
            ? PinyinNoise.annotate(cell) : cell);
      }
    }
    List<Integer> cuts = new ArrayList<>();
    if (noises.contains(Noise.FOOTER)) {
      int pages = 2 + rnd.nextInt(2);
      for (int p = 1; p < pages; p++) {
        cuts.add(text.length() * p / pages + rnd.nextInt(20));
      }
    }
    int[] lineOfChar = new int[text.length() + 1];
    int from = 0;
    for (int c = 0; c <= cuts.size(); c++) {
      int to = c < cuts.size() ? Math.min(cuts.get(c), text.length()) : text.length();
      String prefix = noises.contains(Noise.FOOTER) ? page++ + "、" : "";
      out.add(prefix + text.substring(from, to));
      java.util.Arrays.fill(lineOfChar, from, to + 1, out.size());
      from = to;
    }
    int[] lines = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      lines[i] = lineOfChar[firstChar[i]];
    }
    return lines;
  }

  /**
   * A pipe row over two lines: broken at its first empty cell among the values, or inside its
   * name (the fourth cell); returns the first line's number.
   */
  private int wrappedPipeRow(String[] cells) {
    int at = out.size() + 1;
    int k = -1;
    for (int c = 4; c < cells.length - 4 && k < 0; c++) {
      k = cells[c].isEmpty() ? c : -1;
    }
    List<String> c = List.of(cells);
    if (k > 0) {
      out.add("| " + String.join(" | ", c.subList(0, k)) + " |");
      out.add("| " + String.join(" | ", c.subList(k + 1, c.size())) + " |");
    } else {
      String name = cells[3];
      int half = Math.max(1, name.length() / 2);
      out.add("| " + String.join(" | ", c.subList(0, 3)) + " | " + name.substring(0, half));
      out.add(name.substring(half) + " | " + String.join(" | ", c.subList(4, c.size())) + " |");
    }
    return at;
  }

  private void pageBreakWords(List<String> header) {
    out.add("");
    out.add(rnd.nextBoolean() ? "- " + page + " -" : "第 " + page + " 页 共 " + (page + 1) + " 页");
    page++;
    out.add("");
    if (noises.contains(Noise.REPEATED_HEADER)) {
      out.add(String.join(" ", header));
    }
  }

  private void pageBreak(Layout l, String[] header) {
    out.add("");
    out.add(rnd.nextBoolean() ? "- " + page + " -" : "第 " + page + " 页 共 " + (page + 1) + " 页");
    page++;
    out.add("");
    if (noises.contains(Noise.REPEATED_HEADER) && header != null) {
      row(l, header, false, false);
    }
  }

  private int row(Layout l, String[] cells, boolean first, boolean dropEmpty) {
    List<String> c = new ArrayList<>();
    for (String s : cells) {
      if (!dropEmpty && l != Layout.PARAGRAPHS || !s.isEmpty()) {
        c.add(s);
      }
    }
    int at = out.size() + 1;
    switch (l) {
      case PARAGRAPHS -> {
        for (String s : c) {
          java.util.regex.Matcher m = REMARK.matcher(s);
          if (m.matches()) {
            out.add(m.group(1));
            out.add("");
            out.add(m.group(2));
          } else {
            out.add(s);
          }
          out.add("");
        }
        for (int k = 0; k < rowGap; k++) {
          out.add("");
        }
      }
      case TAB -> out.add(String.join("\t", c));
      case CELL_LINES -> {
        for (String s : c) {
          out.add("\t" + s);
        }
        out.add("");
      }
      case PIPE -> out.add("| " + String.join(" | ", c) + " |");
      case MARKDOWN -> {
        out.add("| " + String.join(" | ", c) + " |");
        if (first) {
          out.add("|" + "---|".repeat(c.size()));
        }
      }
      case SPACES -> out.add(String.join("    ", c));
      case HTML -> out.add("<tr><td>" + String.join("</td><td>", c) + "</td></tr>");
      default -> throw new IllegalStateException(l.name());
    }
    return at;
  }

  static String traditional(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      sb.append(TRADITIONAL.getOrDefault(ch, ch));
    }
    return sb.toString();
  }
}
