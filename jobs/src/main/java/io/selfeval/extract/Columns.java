package io.selfeval.extract;

import io.selfeval.extract.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * Column positions read from a budget header by its words (see {@code vocabulary.json}). Data
 * rows are read relative to their label cell, so a row printed one cell to the left or right of
 * its header still reads right.
 */
final class Columns {

  static final int INITIAL = 0;
  static final int ADJUSTED = 1;
  static final int EXECUTED = 2;
  static final int WEIGHT = 3;
  static final int RATE = 4;
  static final int SCORE = 5;
  static final List<String> NAMES =
      List.of("initial", "adjusted", "executed", "weight", "rate", "score");

  private final int[] index;
  private final int labelColumn;
  private final boolean ratePercent;

  private Columns(int[] index, int labelColumn, boolean ratePercent) {
    this.index = index;
    this.labelColumn = labelColumn;
    this.ratePercent = ratePercent;
  }

  /**
   * A budget header: a row naming 全年执行数 (or a synonym) and one of 年初预算数 / 全年预算数 /
   * a single 预算数, or two of them; null for any other row.
   */
  static Columns ofBudgetHeader(TableRow header) {
    int[] idx = {-1, -1, -1, -1, -1, -1};
    int single = -1;
    boolean percent = false;
    for (int i = 0; i < header.size(); i++) {
      String c = header.cells().get(i).compact();
      if (c.isEmpty() || c.length() > 24) {
        continue;
      }
      String col = Vocabulary.budgetColumn(c);
      int k = col == null ? -1 : NAMES.indexOf(col);
      if (k >= 0 && idx[k] < 0) {
        idx[k] = i;
        percent |= k == RATE && c.contains("%");
      } else if (k < 0 && single < 0 && Vocabulary.isExactLabel("budget_single_column", c)) {
        single = i;
      }
    }
    if (idx[ADJUSTED] < 0 && idx[INITIAL] < 0 && single >= 0) {
      idx[ADJUSTED] = single;
    }
    if (idx[ADJUSTED] < 0 && idx[INITIAL] >= 0 && !header.cells().get(idx[INITIAL]).compact()
        .contains("年初")) {
      // a lone 预算数(A) beside 执行数(B): the budget the rate B/A is measured against
      idx[ADJUSTED] = idx[INITIAL];
      idx[INITIAL] = -1;
    }
    int amounts = (idx[INITIAL] >= 0 ? 1 : 0) + (idx[ADJUSTED] >= 0 ? 1 : 0)
        + (idx[EXECUTED] >= 0 ? 1 : 0);
    if (amounts < 2 && !(amounts == 1 && rateTail(idx))) {
      return null;
    }
    int first = Integer.MAX_VALUE;
    for (int i : idx) {
      if (i >= 0) {
        first = Math.min(first, i);
      }
    }
    return new Columns(idx, first - 1, percent);
  }

  /**
   * True when the header ends in 执行率 | 权重 | 得分, in this order and side by side (执行率 |
   * 执行率权重 | 执行率得分): with them one amount word makes a budget header, the others garbled.
   */
  private static boolean rateTail(int[] idx) {
    return idx[RATE] >= 0 && idx[WEIGHT] == idx[RATE] + 1 && idx[SCORE] == idx[RATE] + 2;
  }

  /** Index in a data row whose label stands at {@code labelAt}; -1 when the header lacks it. */
  int at(int labelAt, int column) {
    return index[column] < 0 ? -1 : labelAt + (index[column] - labelColumn);
  }

  boolean has(int column) {
    return index[column] >= 0;
  }

  /** The header's columns (INITIAL … SCORE) in printed order. */
  List<Integer> order() {
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < index.length; k++) {
      if (index[k] >= 0) {
        out.add(k);
      }
    }
    out.sort(java.util.Comparator.comparingInt(k -> index[k]));
    return out;
  }

  int count() {
    int n = 0;
    for (int i : index) {
      n += i >= 0 ? 1 : 0;
    }
    return n;
  }

  /** The header prints the rate as "执行率(%)": a bare 25 under it is 25 %. */
  boolean ratePercent() {
    return ratePercent;
  }
}
