package io.selfeval.extract;

import java.util.List;

/** One table row: its cells in printed order. */
record TableRow(List<Cell> cells) {

  int line() {
    return cells.get(0).line();
  }

  String text(int i) {
    return i >= 0 && i < cells.size() ? cells.get(i).text() : null;
  }

  int size() {
    return cells.size();
  }

  boolean isEmpty() {
    return cells.stream().allMatch(c -> c.text() == null);
  }

  /** Last line of the last non-empty cell (or of the last cell). */
  int lastLine() {
    for (int i = cells.size() - 1; i >= 0; i--) {
      if (cells.get(i).text() != null) {
        return cells.get(i).lastLine();
      }
    }
    return cells.get(cells.size() - 1).lastLine();
  }

  /** Index of the first cell whose compact text satisfies the test, or -1. */
  int find(java.util.function.Predicate<String> test) {
    for (int i = 0; i < cells.size(); i++) {
      if (test.test(cells.get(i).compact())) {
        return i;
      }
    }
    return -1;
  }

  /** The row as one readable line, for warnings and fact texts. */
  String describe() {
    StringBuilder sb = new StringBuilder();
    for (Cell c : cells) {
      if (c.text() != null) {
        if (sb.length() > 0) {
          sb.append(" | ");
        }
        sb.append(c.text());
      }
    }
    return sb.length() > 300 ? sb.substring(0, 300) : sb.toString();
  }
}
