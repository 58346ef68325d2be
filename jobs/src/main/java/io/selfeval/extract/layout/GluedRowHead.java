package io.selfeval.extract.layout;

import io.selfeval.extract.vocab.Vocabulary;
import java.util.Arrays;

/**
 * The front of a glued indicator row whose numbers were split off: its name, the unit and the
 * 指标性质 printed after it, and its 年初指标值 and 全年完成值 ({@code 财政供养人员控制率%定量指标100%92%},
 * {@code 党性教育培训次数次26次12次}, {@code 资金使用合规性好好}). A margin label printed where a page
 * broke ({@code 绩效指标}) is left out before the name. The name is given only where its end is
 * certain: a 指标性质 word after it, or a unit cell that the values repeat; and the values only
 * where they read as one target and one actual. Otherwise the head is not read (null).
 */
final class GluedRowHead {

  /** Spans of the head string; targetTo is -1 when no values were printed. */
  record Head(int nameFrom, int nameTo, int valuesFrom, int targetTo, int valuesTo) {}

  /** A 指标性质 word this long or longer is also found with its characters in another order. */
  private static final int SCRAMBLED_MIN = 4;
  private static final int MIN_NAME = 2;

  private final String head;
  private final boolean unitColumn;

  private GluedRowHead(String s, boolean unitColumn) {
    this.head = s;
    this.unitColumn = unitColumn;
  }

  /** The head of {@code s} (folded, no blanks); unitColumn: the header has a 计量单位 column. */
  static Head read(String s, boolean unitColumn) {
    return new GluedRowHead(s, unitColumn).read();
  }

  private Head read() {
    int from = afterMargin();
    int[] nature = nature(from);
    int nameEnd;
    int values;
    if (nature != null) {
      nameEnd = nature[0];
      values = nature[1];
    } else {
      nameEnd = valueStart(from);
      values = nameEnd;
      if (values < head.length() && isPercent(head.charAt(values))) {
        values++; // the unit cell % (a value never starts with it)
      }
    }
    if (nature != null || values == nameEnd) {
      nameEnd = withoutUnit(from, nameEnd, values);
    }
    if (nameEnd < 0 || nameEnd - from < MIN_NAME || hasDigit(from, nameEnd)) {
      return null;
    }
    if (values == head.length()) {
      return new Head(from, nameEnd, values, -1, values);
    }
    String[] split = GluedRows.split(head.substring(values));
    return split == null ? null
        : new Head(from, nameEnd, values, values + split[0].length(), head.length());
  }

  /** Past the margin labels and level names at the start. */
  private int afterMargin() {
    int p = 0;
    boolean more = true;
    while (more) {
      more = false;
      for (String group : new String[] {"glued_margin_labels", "flat_level1_names",
          "flat_level2_names"}) {
        int len = longestAt(group, p);
        if (len > 0 && head.length() - p - len >= MIN_NAME) {
          p += len;
          more = true;
        }
      }
    }
    return p;
  }

  private int longestAt(String group, int p) {
    int best = 0;
    for (String w : Vocabulary.labels(group)) {
      if (w.length() > best && head.startsWith(w, p)) {
        best = w.length();
      }
    }
    return best;
  }

  /** The span of a 指标性质 word after the name's first characters, or null. */
  private int[] nature(int from) {
    for (int k = from + MIN_NAME; k < head.length(); k++) {
      for (String w : Vocabulary.labels("indicator_nature_words")) {
        if (head.startsWith(w, k) || scrambled(w, k)) {
          return new int[] {k, k + w.length()};
        }
      }
    }
    return null;
  }

  /** The characters of w in another order at k (the sharing site's cells are sometimes so). */
  private boolean scrambled(String w, int k) {
    if (w.length() < SCRAMBLED_MIN || k + w.length() > head.length()) {
      return false;
    }
    char[] a = w.toCharArray();
    char[] b = head.substring(k, k + w.length()).toCharArray();
    Arrays.sort(a);
    Arrays.sort(b);
    return Arrays.equals(a, b);
  }

  /** Where the values start: a digit, a comparator, %, or a value printed twice; else the end. */
  private int valueStart(int from) {
    for (int k = from; k < head.length(); k++) {
      char c = head.charAt(k);
      if (Character.isDigit(c) || GluedRows.isComparatorChar(c) || isPercent(c)
          || GluedRows.startsWithAny(head, k, "glued_comparator_words")) {
        return k;
      }
    }
    for (int len = 1; from + MIN_NAME + 2 * len <= head.length(); len++) {
      int a = head.length() - 2 * len;
      if (head.substring(a, a + len).equals(head.substring(a + len))) {
        return a;
      }
    }
    return head.length();
  }

  /**
   * The name's end without the unit cell printed after it: the unit the values end with must
   * end the name's text too (else -1: nothing tells the name from the unit and the values).
   */
  private int withoutUnit(int from, int nameEnd, int values) {
    String unit = unitSuffix(head.substring(values));
    if (unit == null && values == head.length() && nameEnd > from) {
      unit = isPercent(head.charAt(nameEnd - 1)) ? head.substring(nameEnd - 1, nameEnd) : null;
    }
    if (unit == null || !unitColumn) {
      return nameEnd;
    }
    return head.startsWith(unit, nameEnd - unit.length()) ? nameEnd - unit.length() : -1;
  }

  private static String unitSuffix(String values) {
    String best = null;
    for (String u : Vocabulary.labels("flat_unit_words")) {
      if (values.endsWith(u) && (best == null || u.length() > best.length())) {
        best = u;
      }
    }
    return best;
  }

  private boolean hasDigit(int from, int to) {
    for (int k = from; k < to; k++) {
      if (Character.isDigit(head.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPercent(char c) {
    return c == '%' || c == '‰';
  }
}
