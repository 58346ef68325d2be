package io.selfeval.extract.layout;

import io.selfeval.extract.Texts;
import io.selfeval.extract.vocab.Vocabulary;
import io.selfeval.model.Warning;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a flattened budget block that splits the project's money by source of funds, the
 * Hubei-style 财政预算支出项目绩效目标自评表: {@code 项目资金 | 中央 | 省、地 | 本级 | 其他 | 合计 |
 * 执行数 | 执行率}, each amount with {@code (万元)}. A PDF's text interleaves the header words with
 * their units, splits {@code 执行 … 率}, prints only the sources that are not empty and scatters
 * the numbers among other cells' words, so no number can be told to belong to a source column by
 * its position. The form's arithmetic places them instead: 执行数 is the last amount before the
 * rate and 合计 the one before it, taken only when 执行数 / 合计 is the printed rate (to its
 * decimals) and the source amounts before 合计 add up to 合计; otherwise nothing is placed and
 * {@link #UNCONFIRMED} says why. The block comes out as a header row (合计, 执行数, 执行率) and one
 * row of its numbers, the words it used taken out of the stream.
 */
final class SourceBudget {

  static final String UNCONFIRMED = "SOURCE_BUDGET_UNCONFIRMED";

  /** How many words after the header the block's numbers and rate may spread over. */
  private static final int WINDOW = 40;
  private static final Pattern UNIT = Pattern.compile("[(（](万元|元)[)）]");
  private static final Pattern BRACKETS = Pattern.compile("[(（][^()（）]*[)）]");
  private static final Pattern AMOUNT = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)%");

  /** The block read: its two rows, and the words it used (to be left out of the stream). */
  record Block(List<FlatForm.Piece> pieces, boolean[] used, int start) {}

  private SourceBudget() {}

  /**
   * The source-of-funds budget blocks of the words (one per form), in order; a block whose
   * numbers were not confirmed is left out with a warning, its words left in the stream.
   */
  static List<Block> read(List<FlatForm.Token> words, List<Warning> warnings) {
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      int[] header = header(words, i);
      if (header != null) {
        Block b = numbers(words, i, header, warnings);
        if (b != null) {
          out.add(b);
        }
        i = header[1] - 1;
      }
    }
    return out;
  }

  /** The word without its bracketed parts ({@code 执行(万元)(万元)} is 执行). */
  private static String bare(FlatForm.Token t) {
    return BRACKETS.matcher(t.folded()).replaceAll("");
  }

  /**
   * At word i: two or more source words, 合计, 执行数 and 执行率 (or 执行 … 率 with units between);
   * {sources, end} or null.
   */
  private static int[] header(List<FlatForm.Token> words, int i) {
    int j = i;
    while (j < words.size()
        && Vocabulary.isExactLabel("budget_source_columns", bare(words.get(j)))) {
      j++;
    }
    int sources = j - i;
    if (sources < 2 || j + 2 >= words.size()
        || !Vocabulary.isExactLabel("budget_source_total", bare(words.get(j)))
        || !"executed".equals(Vocabulary.budgetColumn(bare(words.get(j + 1))))) {
      return null;
    }
    String rate = bare(words.get(j + 2));
    if ("rate".equals(Vocabulary.budgetColumn(rate))) {
      return new int[] {sources, j + 3};
    }
    int k = j + 3;
    while (k < words.size() && bare(words.get(k)).isEmpty()) {
      k++;
    }
    return rate.equals("执行") && k < words.size() && bare(words.get(k)).equals("率")
        ? new int[] {sources, k + 1} : null;
  }

  private static Block numbers(List<FlatForm.Token> words, int start, int[] header,
      List<Warning> warnings) {
    int end = header[1];
    List<Integer> amounts = new ArrayList<>();
    int rateFrom = -1;
    int rateTo = -1;
    for (int k = end; k < Math.min(words.size(), end + WINDOW); k++) {
      String f = words.get(k).folded();
      if (RATE.matcher(f).matches()) {
        rateFrom = k;
        rateTo = k + 1;
        break;
      }
      if (AMOUNT.matcher(f).matches()) {
        if (k + 1 < words.size() && words.get(k + 1).folded().equals("%")) {
          rateFrom = k;
          rateTo = k + 2;
          break;
        }
        amounts.add(k);
      }
    }
    int line = words.get(start).line();
    if (rateFrom < 0 || amounts.size() < 3 || amounts.size() > header[0] + 2) {
      warnings.add(new Warning(UNCONFIRMED, "budget block by source of funds: " + amounts.size()
          + " amounts and " + (rateFrom < 0 ? "no" : "a") + " rate after its header for "
          + header[0] + " sources; its figures were not read", line));
      return null;
    }
    String why = unconfirmed(words, amounts, rateFrom);
    if (why != null) {
      warnings.add(new Warning(UNCONFIRMED, "budget block by source of funds not read: " + why,
          line));
      return null;
    }
    boolean[] used = new boolean[words.size()];
    for (int k = start; k < end; k++) {
      used[k] = true;
    }
    amounts.forEach(k -> used[k] = true);
    for (int k = rateFrom; k < rateTo; k++) {
      used[k] = true;
    }
    return new Block(pieces(words, start, end, amounts, rateFrom, rateTo), used, start);
  }

  /** Why the amounts are not confirmed by the form's identities, or null when they are. */
  private static String unconfirmed(List<FlatForm.Token> words, List<Integer> amounts,
      int rateAt) {
    int n = amounts.size();
    BigDecimal total = Texts.number(words.get(amounts.get(n - 2)).text());
    BigDecimal executed = Texts.number(words.get(amounts.get(n - 1)).text());
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 0; k < n - 2; k++) {
      sum = sum.add(Texts.number(words.get(amounts.get(k)).text()));
    }
    if (total == null || executed == null || total.signum() <= 0
        || sum.compareTo(total) != 0) {
      return "the sources add up to " + sum + ", not to 合计 " + total;
    }
    java.util.regex.Matcher m = RATE.matcher(words.get(rateAt).folded() + "%");
    String printed = m.lookingAt() ? m.group(1) : words.get(rateAt).folded();
    BigDecimal rate = new BigDecimal(printed);
    BigDecimal computed = executed.multiply(BigDecimal.valueOf(100))
        .divide(total, Math.max(0, rate.scale()), RoundingMode.HALF_UP);
    return computed.compareTo(rate) == 0 ? null
        : "执行数 " + executed + " / 合计 " + total + " is " + computed + " %, not the printed "
            + rate + " %";
  }

  private static List<FlatForm.Piece> pieces(List<FlatForm.Token> words, int start, int end,
      List<Integer> amounts, int rateFrom, int rateTo) {
    String unit = "";
    for (int k = start; k < end; k++) {
      java.util.regex.Matcher m = UNIT.matcher(words.get(k).folded());
      if (m.find()) {
        unit = "(" + m.group(1) + ")";
        break;
      }
    }
    int n = amounts.size();
    int headerLine = words.get(start).line();
    int totalAt = amounts.get(n - 2);
    int executedAt = amounts.get(n - 1);
    String rate = words.get(rateFrom).text() + (rateTo - rateFrom > 1 ? "%" : "");
    List<String> head = List.of("项目资金", "合计" + unit, "执行数" + unit, "执行率");
    // the block's one row has no label of its own: named as the total, as FlatForm names a
    // budget row whose label cell was merged away
    List<String> row = List.of("资金总额", words.get(totalAt).text(),
        words.get(executedAt).text(), rate);
    int[] rowLines = {words.get(totalAt).line(), words.get(totalAt).line(),
        words.get(executedAt).line(), words.get(rateFrom).line()};
    int[] headLines = {headerLine, headerLine, headerLine, headerLine};
    return List.of(new FlatForm.Piece(null, head, headLines, headerLine),
        new FlatForm.Piece(null, row, rowLines, rowLines[0]));
  }
}
