package io.selfeval.extract.layout;

import io.selfeval.extract.vocab.Vocabulary;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The front of a coefficient-table row whose target does not begin as a value does, so that
 * {@link GluedRowHead} cannot tell where the name ends: OCR made the target's comparator and
 * first digit a character ({@code 组织宣传活动次数次到0次43次}: 到0次 for ≥40次; {@code 第O份}). The
 * row is then name | 计量单位 | target | actual with no 指标性质 printed: the actual is a number and
 * a unit word, the target ends in that word, and the unit cell, the same word, stands between
 * the name and the target. Read only where a place of the unit cell leaves a name with no
 * digit and a target that holds the word once, at its end (so at most one place does: the last
 * before the target's own); otherwise null.
 */
final class GluedUnitCellHead {

  private static final Pattern NUMBER_END = Pattern.compile("(?:0|[1-9]\\d*)(?:\\.\\d+)?$");
  private static final int MIN_NAME = 2;

  private GluedUnitCellHead() {}

  /** The head of {@code s} (folded, no blanks), or null. */
  static GluedRowHead.Head read(String s) {
    String unit = unitEnding(s);
    if (unit == null || startsWithLabel(s)) {
      return null;
    }
    Matcher m = NUMBER_END.matcher(s.substring(0, s.length() - unit.length()));
    if (!m.find()) {
      return null;
    }
    int actual = m.start();
    int found = -1;
    for (int p = MIN_NAME; p + unit.length() < actual && found < 0; p++) {
      if (s.startsWith(unit, p) && fits(s.substring(0, p), s.substring(p + unit.length(),
          actual), unit)) {
        found = p;
      }
    }
    return found < 0 ? null
        : new GluedRowHead.Head(0, found, found + unit.length(), actual, s.length());
  }

  private static boolean fits(String name, String target, String unit) {
    return !name.matches(".*\\d.*") && target.endsWith(unit)
        && target.indexOf(unit) == target.length() - unit.length()
        && target.length() > unit.length();
  }

  /** The longest unit word the row ends with after a digit. */
  private static String unitEnding(String s) {
    String best = null;
    for (String u : Vocabulary.labels("flat_unit_words")) {
      int at = s.length() - u.length();
      if (at > 0 && s.endsWith(u) && Character.isDigit(s.charAt(at - 1))
          && (best == null || u.length() > best.length())) {
        best = u;
      }
    }
    return best;
  }

  /** A margin label or level name before the name would be read as part of it: not read. */
  private static boolean startsWithLabel(String s) {
    for (String group : new String[] {"glued_margin_labels", "flat_level1_names",
        "flat_level2_names"}) {
      for (String w : Vocabulary.labels(group)) {
        if (s.startsWith(w)) {
          return true;
        }
      }
    }
    return false;
  }
}
