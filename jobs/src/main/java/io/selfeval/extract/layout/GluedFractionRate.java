package io.selfeval.extract.layout;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A glued budget total row whose 执行率 is printed as a fraction, with no percent sign
 * ({@code 1.561.56120} under 预算数(A)执行数(B)执行率(B/A)得分(20分*执行率) is 1.56 | 1.56 | 1 | 20).
 * Nothing in the digits marks where the rate stands, so a reading is kept only when both
 * identities of the row hold: 执行率 = 执行数 / 预算数 within half a hundredth (a fraction printed
 * as {@code 1} is 1.00, not anything from 0.5 to 1.5) and 得分 = 分值 × 执行率 to the hundredth,
 * the 分值 being the block's points in the header ({@code (20分*执行率)}, {@code (20分)}) of a
 * block with no 分值 column. A 分值 column (its cell glued among the amounts) or no points leave
 * the row unread: a gap, not a guess.
 */
final class GluedFractionRate {

  /** A fraction above this is a percentage printed without its sign, not a rate. */
  private static final BigDecimal MAX_FRACTION = new BigDecimal("1.5");
  private static final BigDecimal HUNDREDTH_HALF = new BigDecimal("0.005");
  /** The block's points in a header cell: (20分) or the 得分 formula (20分*执行率). */
  private static final Pattern POINTS =
      Pattern.compile("[(（](\\d+(?:\\.\\d+)?)分(?:[)）]|[*×xX]执行率[)）])");

  private GluedFractionRate() {}

  /** The one value of the block's points printed in the header text, or null (none, or two). */
  static BigDecimal headerPoints(String header) {
    Matcher m = POINTS.matcher(header);
    BigDecimal found = null;
    while (m.find()) {
      BigDecimal v = new BigDecimal(m.group(1));
      if (found != null && found.compareTo(v) != 0) {
        return null;
      }
      found = v;
    }
    return found;
  }

  /**
   * The readings of a rate-as-fraction total row, aligned with the header's columns (null: no
   * cell), with the fewest blank cells (年初预算数, 得分) that fit; empty when the run prints a
   * percent sign or none fits.
   */
  static List<String[]> readings(String run, List<String> cols, BigDecimal points) {
    List<String[]> out = new ArrayList<>();
    if (run.indexOf('%') >= 0 || !cols.contains("rate") || !cols.contains("executed")
        || cols.contains("weight") || points == null || points.signum() <= 0) {
      return out;
    }
    for (int absent = 0; absent < cols.size() - 1 && out.isEmpty(); absent++) {
      for (boolean[] present : GluedNumbers.presence(cols, absent)) {
        int n = 0;
        for (boolean p : present) {
          n += p ? 1 : 0;
        }
        for (String[] parts : GluedNumbers.splits(run, n)) {
          String[] all = new String[cols.size()];
          int k = 0;
          for (int c = 0; c < cols.size(); c++) {
            all[c] = present[c] ? parts[k++] : null;
          }
          if (fits(all, cols, points)) {
            out.add(all);
          }
        }
      }
    }
    return out;
  }

  private static boolean fits(String[] all, List<String> cols, BigDecimal points) {
    String rateText = at(all, cols, "rate");
    String base = at(all, cols, cols.contains("adjusted") ? "adjusted" : "initial");
    String executed = at(all, cols, "executed");
    if (rateText == null || base == null || executed == null) {
      return false;
    }
    BigDecimal rate = new BigDecimal(rateText);
    BigDecimal b = new BigDecimal(base);
    if (rate.signum() <= 0 || rate.compareTo(MAX_FRACTION) > 0 || b.signum() <= 0) {
      return false;
    }
    BigDecimal exact = new BigDecimal(executed).divide(b, MathContext.DECIMAL64);
    if (exact.subtract(rate).abs().compareTo(HUNDREDTH_HALF) > 0) {
      return false;
    }
    String score = at(all, cols, "score");
    if (score == null) {
      return !cols.contains("score");
    }
    // to the hundredth whatever the printed decimals: a 得分 printed 0 is no check of 0.33
    BigDecimal expected = points.multiply(rate).min(points);
    return expected.subtract(new BigDecimal(score)).abs().compareTo(HUNDREDTH_HALF) <= 0;
  }

  private static String at(String[] all, List<String> cols, String col) {
    int i = cols.indexOf(col);
    return i < 0 ? null : all[i];
  }
}
