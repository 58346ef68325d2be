package io.selfeval.extract.layout;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * One numbered glued row under a header that prints 分值 right after the name and 得分 last
 * ({@code 三级指标分值年度指标值全年实际值得分}), whose values OCR damaged so that no reading of
 * {@link GluedRows} fits ({@code 指标1采购的原原种合格率8采购的原原种合格率290$290%8}: ≥ printed as
 * 2, % as $). The values are not read; what the form's arithmetic pins down is: the name is the
 * row's ordinal label (指标1) and the text up to the first digit, the 分值 is the one number at the
 * start of the digits after it with 得分 ≤ 分值 ≤ the level's points, the 得分 the one number
 * ending the row that is ≤ 分值. A row where either has two readings is not read.
 */
final class GluedWeightFirstRow {


  private GluedWeightFirstRow() {}

  /** The header's order is name, 分值, values, 得分 (and a reason or nothing after). */
  static boolean applies(List<GluedRows.Col> cols) {
    int n = cols.indexOf(GluedRows.Col.NAME);
    return n >= 0 && n + 2 < cols.size() && cols.get(n + 1) == GluedRows.Col.WEIGHT
        && cols.get(n + 2) == GluedRows.Col.VALUES
        && n + 3 < cols.size() && cols.get(n + 3) == GluedRows.Col.SCORE;
  }

  /** The row read from {@code body} (one numbered row, folded), or null when not unique. */
  static GluedRows.Row read(String body, BigDecimal points) {
    Matcher m = GluedRows.ORDINAL.matcher(body);
    if (!m.lookingAt()) {
      return null;
    }
    int nameTo = m.end();
    while (nameTo < body.length() && !Character.isDigit(body.charAt(nameTo))) {
      nameTo++;
    }
    int end = body.length();
    if (nameTo - m.end() < 2 || nameTo == end || !Character.isDigit(body.charAt(end - 1))
        || GluedRows.ORDINAL.matcher(body).region(nameTo, end).find()) {
      return null;
    }
    int runEnd = nameTo;
    while (runEnd < end && Character.isDigit(body.charAt(runEnd))) {
      runEnd++;
    }
    int scoreFrom = scoreStart(body, runEnd, points);
    if (scoreFrom < 0) {
      return null;
    }
    BigDecimal score = new BigDecimal(body.substring(scoreFrom));
    int weightTo = -1;
    for (int k = nameTo + 1; k <= runEnd && k < scoreFrom; k++) {
      String w = body.substring(nameTo, k);
      BigDecimal weight = new BigDecimal(w);
      if (GluedNumbers.isNumber(w) && weight.signum() > 0 && weight.compareTo(score) >= 0
          && (points == null || weight.compareTo(points) <= 0)) {
        if (weightTo >= 0) {
          return null; // two 分值 fit: 8250% may be 8 | 250% or 82 | 50%
        }
        weightTo = k;
      }
    }
    if (weightTo < 0 || weightTo >= scoreFrom) {
      return null;
    }
    return new GluedRows.Row(0, nameTo, -1, -1, nameTo, weightTo, scoreFrom, end, -1, -1,
        new BigDecimal(body.substring(nameTo, weightTo)), score);
  }

  /**
   * Where the 得分 ending the row starts: the one number ending the body, after the values
   * (from {@code after}), not above the points; -1 when none or more than one fits.
   */
  private static int scoreStart(String body, int after, BigDecimal points) {
    int run = body.length();
    while (run > after && Character.isDigit(body.charAt(run - 1))) {
      run--;
    }
    String whole = body.substring(run);
    if (run > after && GluedRows.unitEndsAt(body, run) && GluedNumbers.isNumber(whole)
        && (points == null || new BigDecimal(whole).compareTo(points) <= 0)) {
      return run; // a number's unit (%, 公里) ends the values: the digits after it are the 得分
    }
    int found = -1;
    for (int k = body.length() - 1; k > after; k--) {
      char c = body.charAt(k);
      if (!Character.isDigit(c) && c != '.') {
        break;
      }
      String s = body.substring(k);
      if (Character.isDigit(c) && GluedNumbers.isNumber(s)
          && (points == null || new BigDecimal(s).compareTo(points) <= 0)) {
        if (found >= 0) {
          return -1;
        }
        found = k;
      }
    }
    return found;
  }

  /**
   * Target and actual glued after a 分值 are taken only when the target opens with a comparator
   * (≥266米≥266米) or they are printed twice alike, each either without digits (是是) or a number
   * from its first character (550万粒550万粒): the 分值's end is then certain, and a comparator
   * that OCR turned into a digit or a character (≥90% as 290% or 工90%) is not copied into the
   * target.
   */
  static boolean valuesCertain(String[] ta) {
    String t = ta[0];
    return GluedRows.isComparatorChar(t.charAt(0)) || t.equals(ta[1])
        && (t.chars().noneMatch(Character::isDigit) || Character.isDigit(t.charAt(0)));
  }

  /**
   * The 分值 of a level's groups (their readings; null: no rows) fit its points: those known (a
   * group with one reading whose rows all have one) add up to no more than the points, and to
   * the points when every group's are known.
   */
  static boolean sumFits(List<List<List<GluedRows.Row>>> groups, BigDecimal points) {
    BigDecimal sum = BigDecimal.ZERO;
    boolean all = true;
    for (List<List<GluedRows.Row>> g : groups) {
      if (g == null) {
        continue;
      }
      if (g.size() != 1 || g.get(0).stream().anyMatch(r -> r.weight() == null)) {
        all = false;
        continue;
      }
      for (GluedRows.Row r : g.get(0)) {
        sum = sum.add(r.weight());
      }
    }
    int c = sum.compareTo(points);
    return c < 0 && !all || c == 0;
  }

  /** The rows as the single reading of their group. */
  static List<List<GluedRows.Row>> asReadings(GluedRows.Row r) {
    List<List<GluedRows.Row>> out = new ArrayList<>();
    out.add(List.of(r));
    return out;
  }
}
