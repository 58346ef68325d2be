package io.selfeval.generate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The merged cells of a form's table as Word and Excel users lay them out: names, goals and the
 * total merged across the empty cells to their right, the 得分 header over the last column, and
 * the row headers (资金情况, 年度总体目标, 绩效指标, each 一级 and 二级 indicator) merged down over
 * the rows they head. A merged cell shows its text in its top-left cell and covers only empty
 * cells, so the grid read back is the printed rows.
 */
final class Merges {

  /** A merged region, rows and columns inclusive. */
  record Region(int firstRow, int firstColumn, int lastRow, int lastColumn) {

    boolean single() {
      return firstRow == lastRow && firstColumn == lastColumn;
    }
  }

  private static final Set<LayoutPrinter.Role> ACROSS = EnumSet.of(LayoutPrinter.Role.NAME,
      LayoutPrinter.Role.GOALS, LayoutPrinter.Role.TOTAL);
  private static final Set<LayoutPrinter.Role> BUDGET = EnumSet.of(
      LayoutPrinter.Role.BUDGET_HEADER, LayoutPrinter.Role.BUDGET_TOTAL,
      LayoutPrinter.Role.BUDGET_LINE);

  private Merges() {}

  /** The regions of more than one cell; every cell of the table is in at most one. */
  static List<Region> of(List<String[]> rows, List<LayoutPrinter.Role> roles) {
    List<Region> out = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      String[] cells = rows.get(r);
      LayoutPrinter.Role role = roles.get(r);
      if (ACROSS.contains(role)) {
        for (int c = role == LayoutPrinter.Role.GOALS ? 1 : 0; c < cells.length; c++) {
          int end = c;
          while (end + 1 < cells.length && cells[end + 1].isEmpty()) {
            end++;
          }
          if (!cells[c].isEmpty() && end > c) {
            out.add(new Region(r, c, r, end));
          }
          c = Math.max(c, cells[c].isEmpty() ? c : end);
        }
      }
      if (BUDGET.contains(role) && cells.length == 9 && cells[8].isEmpty()) {
        out.add(new Region(r, 7, r, 8));
      }
      switch (role) {
        case BUDGET_HEADER -> down(out, rows, roles, r, 0, BUDGET);
        case GOALS -> down(out, rows, roles, r, 0, EnumSet.of(LayoutPrinter.Role.GOALS));
        case INDICATOR_HEADER -> down(out, rows, roles, r, 0,
            EnumSet.of(LayoutPrinter.Role.INDICATOR));
        case INDICATOR -> {
          down(out, rows, roles, r, 1, EnumSet.of(LayoutPrinter.Role.INDICATOR));
          down(out, rows, roles, r, 2, EnumSet.of(LayoutPrinter.Role.INDICATOR));
        }
        default -> {
          // other rows are merged across only
        }
      }
    }
    return out;
  }

  /** Merges a cell with text down over the following rows of the roles that are empty there. */
  private static void down(List<Region> out, List<String[]> rows, List<LayoutPrinter.Role> roles,
      int r, int c, Set<LayoutPrinter.Role> over) {
    if (rows.get(r)[c].isEmpty()) {
      return;
    }
    int end = r;
    while (end + 1 < rows.size() && over.contains(roles.get(end + 1))
        && rows.get(end + 1)[c].isEmpty() && !coveredAcross(out, end + 1, c)) {
      end++;
    }
    if (end > r) {
      out.add(new Region(r, c, end, c));
    }
  }

  private static boolean coveredAcross(List<Region> regions, int r, int c) {
    for (Region g : regions) {
      if (g.firstRow() <= r && r <= g.lastRow() && g.firstColumn() <= c
          && c <= g.lastColumn()) {
        return true;
      }
    }
    return false;
  }

  /** The region whose top-left cell is (r, c), or null. */
  static Region at(List<Region> regions, int r, int c) {
    for (Region g : regions) {
      if (g.firstRow() == r && g.firstColumn() == c) {
        return g;
      }
    }
    return null;
  }

  /** The region that covers (r, c) without starting there, or null. */
  static Region covering(List<Region> regions, int r, int c) {
    for (Region g : regions) {
      if (g.firstRow() <= r && r <= g.lastRow() && g.firstColumn() <= c
          && c <= g.lastColumn() && (g.firstRow() != r || g.firstColumn() != c)) {
        return g;
      }
    }
    return null;
  }
}
