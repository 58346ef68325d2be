package io.selfeval.extract.layout;

import io.selfeval.extract.vocab.Vocabulary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The 执行率 | 执行率权重 | 执行率得分 cells that end the budget block of unit-wide (部门整体) forms,
 * glued after the amounts ({@code 79.27107.93} = 79.27 | 10 | 7.93). They are read where the
 * amounts before them are not (lost by OCR, {@code .32.06.5}, or not printed at all), by the
 * identity the three obey, 得分 = 权重 × 执行率 to the cent, and only where one reading fits; the
 * amounts stay empty. A rate above 100 % (a capped score) is not read: the score no longer
 * tells the split, nor a 权重 that is not whole or half points. The three are the total row's
 * when printed on it or on the block's only row (its label lost), there only with the rate's %,
 * or on a source row that repeats the total row's amounts digit for digit (the whole budget is
 * that source's, so its rate is the total's).
 */
final class GluedBudgetTail {

  private static final List<String> TAIL = List.of("rate", "weight", "score");
  /** Letters OCR makes of digits (O for 0, I and l for 1) before the numbers of a row. */
  private static final String OCR_LETTERS = "OoIl";

  private final GluedForm form;
  private final GluedText text;
  private final int columns;
  /** The total row left unread: label start and end, digits start and end; null when none. */
  private int[] unreadTotal;

  /** The tail reader of a budget block whose header has that many columns. */
  GluedBudgetTail(GluedForm form, GluedText text, int columns) {
    this.form = form;
    this.text = text;
    this.columns = columns;
  }

  /**
   * True when a budget header's columns end in 执行率 | 权重 | 得分 in this order (执行率 | 执行率权重
   * | 执行率得分, 预算执行率 | 权重 | 得分); the usual 分值 | 执行率 | 得分 does not.
   */
  static boolean heads(List<String> cols) {
    return cols.size() >= TAIL.size()
        && cols.subList(cols.size() - TAIL.size(), cols.size()).equals(TAIL);
  }

  /**
   * Numbers right after the header with no row label (the block's one row, its label lost):
   * read as the total row's tail. Returns where the numbers end, or from when none were read.
   */
  int unlabelled(int from) {
    int v = from;
    while (v < text.length() && v - from < 2 && OCR_LETTERS.indexOf(text.at(v)) >= 0) {
      v++;
    }
    int end = GluedBudgetRun.end(text, v);
    int[][] tail = read(text, v, end, true);
    if (tail == null) {
      return from;
    }
    emit(null, tail);
    return end;
  }

  /**
   * A total row whose numbers no reading of the amounts placed: its own tail when it has one
   * with a % (true), else it is kept for a source row that repeats its amounts (false).
   */
  boolean total(int label, int labelEnd, int from, int to) {
    int[][] tail = read(text, from, to, true);
    if (tail != null) {
      emit(new int[] {label, labelEnd}, tail);
      return true;
    }
    unreadTotal = new int[] {label, labelEnd, from, to};
    return false;
  }

  /**
   * A source row [from, to) after an unread total row: when its digits are the total's then a
   * tail, the tail is the total row's (true; the source row is then not read by itself).
   */
  boolean source(int from, int to) {
    if (unreadTotal == null) {
      return false;
    }
    String amounts = text.folded.substring(unreadTotal[2], unreadTotal[3]);
    final int[] total = unreadTotal;
    unreadTotal = null;
    if (amounts.isEmpty() || !text.folded.startsWith(amounts, from)) {
      return false;
    }
    int[][] tail = read(text, from + amounts.length(), to, false);
    if (tail == null) {
      return false;
    }
    emit(new int[] {total[0], total[1]}, tail);
    return true;
  }

  private void emit(int[] label, int[][] tail) {
    List<int[]> cells = new ArrayList<>();
    cells.add(label);
    for (int c = 0; c < columns - TAIL.size(); c++) {
      cells.add(null);
    }
    cells.add(tail[0]);
    cells.add(tail[1]);
    cells.add(tail[2]);
    form.warn("a glued budget row's amounts were not read; its 执行率 | 权重 | 得分 were, by 得分 = "
        + "权重 × 执行率: " + text.text(tail[0][0], tail[2][1]), tail[0][0]);
    if (label == null) {
      form.row(Vocabulary.labels("budget_total_labels").get(0), cells);
    } else {
      form.row(cells);
    }
  }

  /**
   * True when a reading's 权重 is whole or half points, at least 1, and its 执行率 and 得分 are
   * above 0: a budget block's 权重 is so, and digits lost by OCR ({@code .50.80.20}) otherwise
   * fit as 0.8 % | 0.2 | 0.
   */
  private static boolean plausible(String s, int[] r) {
    BigDecimal rate = new BigDecimal(s.substring(r[0], r[1]).replace("%", ""));
    BigDecimal weight = new BigDecimal(s.substring(r[1], r[2]));
    BigDecimal score = new BigDecimal(s.substring(r[2]));
    return weight.compareTo(BigDecimal.ONE) >= 0
        && GluedNumbers.wholeOrHalfPoints(weight)
        && rate.signum() > 0 && score.signum() > 0;
  }

  /**
   * The spans of 执行率, 权重 and 得分 at the end of [from, to) where one reading of its digits
   * fits 得分 = 权重 × 执行率 (every reading starting each number at the same place), else null;
   * {@code percent}: only readings whose 执行率 ends with a %.
   */
  static int[][] read(GluedText t, int from, int to, boolean percent) {
    if (to <= from) {
      return null;
    }
    String s = t.folded.substring(from, to);
    List<int[]> readings = GluedCoefficientTable.tails(s).stream()
        .filter(r -> plausible(s, r) && (!percent || s.charAt(r[1] - 1) == '%')).toList();
    if (readings.isEmpty()) {
      return null;
    }
    int[] first = readings.get(0);
    for (int[] r : readings) {
      if (r[0] != first[0] || r[1] != first[1] || r[2] != first[2]) {
        return null;
      }
    }
    return new int[][] {{from + first[0], from + first[1]}, {from + first[1], from + first[2]},
        {from + first[2], to}};
  }
}
