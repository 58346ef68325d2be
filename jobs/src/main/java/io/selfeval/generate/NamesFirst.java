package io.selfeval.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Variant NAMES_FIRST of the flattened layouts: a PDF's text prints a table line by line, so a
 * row whose name wraps onto a second line (its last character alone) lets the name of the row
 * below come before the first row's values: {@code 资金拨付准确 率 开展专项检查次数 ≥96% 100% 10 10
 * ≥30次 39次 10 10}. One pair of rows per form, in one 二级指标, neither with a deviation reason.
 */
final class NamesFirst {

  /** Cells of a printed indicator row: 绩效指标, 一级, 二级, then the name. */
  private static final int NAME = 3;
  /** A name shorter than this does not wrap. */
  private static final int MIN_WRAPPED = 4;

  private NamesFirst() {}

  /**
   * Rewrites one drawn pair of indicator rows of {@code rows} (starting at {@code first}, one per
   * entry of {@code genRows}): the first row's cells become its levels, its name cut before the
   * last character, that character, the second row's name, both rows' values; the second row's
   * cells are emptied (its words are printed with the first). No pair fits: nothing changes.
   */
  static void print(List<String[]> rows, int first, List<GenRow> genRows,
      SplittableRandom own) {
    List<Integer> pairs = new ArrayList<>();
    for (int i = 0; i + 1 < genRows.size(); i++) {
      String[] a = rows.get(first + i);
      String[] b = rows.get(first + i + 1);
      if (genRows.get(i).reason == null && genRows.get(i + 1).reason == null
          && b[1].isEmpty() && b[2].isEmpty() && a[NAME].length() >= MIN_WRAPPED) {
        pairs.add(i);
      }
    }
    if (pairs.isEmpty()) {
      return;
    }
    int i = pairs.get(own.nextInt(pairs.size()));
    String[] a = rows.get(first + i);
    String[] b = rows.get(first + i + 1);
    List<String> cells = new ArrayList<>(List.of(a).subList(0, NAME));
    String name = a[NAME];
    cells.add(name.substring(0, name.length() - 1));
    cells.add(name.substring(name.length() - 1));
    cells.add(b[NAME]);
    cells.addAll(List.of(a).subList(NAME + 1, a.length - 1)); // the empty reason last
    cells.addAll(List.of(b).subList(NAME + 1, b.length - 1));
    rows.set(first + i, cells.toArray(new String[0]));
    String[] empty = new String[b.length];
    java.util.Arrays.fill(empty, "");
    rows.set(first + i + 1, empty);
  }
}
