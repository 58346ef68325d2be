package io.selfeval.extract.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * The glued numbers of a budget row as the arithmetic splits them ({@link GluedNumbers}), with
 * the amount unit a form may glue after each amount ({@code 10萬10萬100%20}): the unit is a
 * certain end of an amount, so a reading is kept only when the units end exactly its amounts,
 * and the cells' spans leave the units out.
 */
final class GluedBudgetRun {

  private static final List<String> AMOUNTS = List.of("initial", "adjusted", "executed");
  private static final String NUMBER_CHARS = "0123456789.%,";

  /** The run without its units, as {@link GluedNumbers} reads it. */
  final String digits;
  /** The text index of each character of digits. */
  private final int[] at;
  /** Ends (in digits) of the numbers a unit follows. */
  private final java.util.Set<Integer> unitEnds = new java.util.HashSet<>();

  private GluedBudgetRun(String digits, int[] at) {
    this.digits = digits;
    this.at = at;
  }

  /** The end of a budget row's run of numbers (with glued units) starting at from. */
  static int end(GluedText text, int from) {
    int p = from;
    while (p < text.length()) {
      if (NUMBER_CHARS.indexOf(text.at(p)) >= 0) {
        p++;
        continue;
      }
      int unit = p > from && Character.isDigit(text.at(p - 1))
          ? text.labelAt("glued_amount_units", p) : 0;
      if (unit == 0) {
        break;
      }
      p += unit;
    }
    return p;
  }

  static GluedBudgetRun of(GluedText text, int from, int to) {
    StringBuilder d = new StringBuilder();
    int[] at = new int[to - from];
    List<Integer> ends = new ArrayList<>();
    int p = from;
    while (p < to) {
      if (NUMBER_CHARS.indexOf(text.at(p)) >= 0) {
        at[d.length()] = p;
        d.append(text.at(p));
        p++;
        continue;
      }
      ends.add(d.length());
      p += Math.max(1, text.labelAt("glued_amount_units", p));
    }
    GluedBudgetRun run = new GluedBudgetRun(d.toString(), java.util.Arrays.copyOf(at,
        d.length()));
    run.unitEnds.addAll(ends);
    return run;
  }

  /** True when the run prints units: then only readings the units end are kept. */
  boolean hasUnits() {
    return !unitEnds.isEmpty();
  }

  /** The readings whose amounts the units end exactly (all of them when none is printed). */
  List<String[]> kept(List<String[]> readings, List<String> cols) {
    if (unitEnds.isEmpty()) {
      return readings;
    }
    List<String[]> out = new ArrayList<>();
    for (String[] r : readings) {
      java.util.Set<Integer> ends = new java.util.HashSet<>();
      int p = 0;
      for (int c = 0; c < cols.size(); c++) {
        p += r[c] == null ? 0 : r[c].length();
        if (r[c] != null && AMOUNTS.contains(cols.get(c))) {
          ends.add(p);
        }
      }
      if (ends.equals(unitEnds)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The text span of column c's number in a reading, or null where it has none. */
  int[] span(String[] reading, int c) {
    if (reading[c] == null) {
      return null;
    }
    int p = 0;
    for (int k = 0; k < c; k++) {
      p += reading[k] == null ? 0 : reading[k].length();
    }
    return new int[] {at[p], at[p + reading[c].length() - 1] + 1};
  }
}
