package io.selfeval.extract;

/**
 * Column positions read from a header row. Data rows are read relative to their label cell, so a
 * row printed one cell to the left or right of its header still reads right.
 */
final class Columns {

  static final int INITIAL = 0;
  static final int ADJUSTED = 1;
  static final int EXECUTED = 2;
  static final int WEIGHT = 3;
  static final int RATE = 4;
  static final int SCORE = 5;

  private final int[] index;
  private final int labelColumn;

  private Columns(int[] index, int labelColumn) {
    this.index = index;
    this.labelColumn = labelColumn;
  }

  /** From a budget header: 年初预算数 全年预算数 全年执行数 分值 执行率 得分. */
  static Columns ofBudgetHeader(TableRow header) {
    int[] idx = {
        header.find(c -> c.contains("年初预算")),
        header.find(c -> c.contains("全年预算")),
        header.find(c -> c.contains("执行数")),
        header.find(c -> c.startsWith("分值")),
        header.find(c -> c.startsWith("执行率")),
        header.find(c -> c.contains("得分"))};
    return new Columns(idx, idx[INITIAL] - 1);
  }

  /** Index in a data row whose label stands at {@code labelAt}; -1 when the header lacks it. */
  int at(int labelAt, int column) {
    return index[column] < 0 ? -1 : labelAt + (index[column] - labelColumn);
  }
}
