package io.selfeval.extract.layout;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits runs of glued digits ({@code 303030100%}, {@code 10098}) into numbers where the form's
 * arithmetic leaves exactly one reading. A part never has a leading zero ({@code 020}) and has at
 * most one decimal point.
 */
final class GluedNumbers {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  /** What {@link #shape} says of a part: a number, not yet one, never one. */
  private static final int NUMBER = 0;
  private static final int NOT_YET = 1;
  private static final int NEVER = 2;

  private GluedNumbers() {}

  /**
   * Whether {@code s} is one number: digits, no leading zero, at most one point with digits
   * after it ({@code (?:0|[1-9]\\d*)(?:\\.\\d+)?}, checked by hand as the cuts are).
   */
  static boolean isNumber(String s) {
    return isNumber(s, 0, s.length());
  }

  /** {@link #isNumber(String)} of {@code s[from, to)}, without cutting it out. */
  static boolean isNumber(String s, int from, int to) {
    return to > from && shape(s, from, to) == NUMBER;
  }

  /** A number in whole or half points ({@code 10}, {@code 2.5}; not {@code 22.97}). */
  static boolean wholeOrHalfPoints(BigDecimal v) {
    return v.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() <= 0;
  }

  /** Every split of {@code run} into {@code parts} numbers, in order. */
  static List<String[]> splits(String run, int parts) {
    List<String[]> out = new ArrayList<>();
    split(run, 0, new String[parts], 0, out);
    return out;
  }

  private static void split(String run, int at, String[] acc, int k, List<String[]> out) {
    if (k == acc.length) {
      if (at == run.length()) {
        out.add(acc.clone());
      }
      return;
    }
    // every part after this one needs a character at least
    int last = run.length() - (acc.length - k - 1);
    for (int e = at + 1; e <= last; e++) {
      int shape = shape(run, at, e);
      if (shape == NEVER) {
        break;
      }
      if (shape == NUMBER) {
        acc[k] = run.substring(at, e);
        split(run, e, acc, k + 1, out);
      }
    }
  }

  /**
   * Whether {@code run[from, to)} is a number (digits, no leading zero, at most one point with
   * digits after it): {@link #NUMBER}; not one, but a longer part from {@code from} may be
   * ({@link #NOT_YET}: {@code 12.}); or no longer
   * part can be ({@link #NEVER}: a second point, a character that is not a digit, a leading
   * zero before a digit). Checked by hand: this runs for every cut of every glued run, and a
   * regular expression's matcher per cut was a third of a glued form's reading time.
   */
  private static int shape(String run, int from, int to) {
    char first = run.charAt(from);
    if (first < '0' || first > '9') {
      return NEVER;
    }
    boolean point = false;
    for (int i = from + 1; i < to; i++) {
      char c = run.charAt(i);
      if (c == '.') {
        if (point) {
          return NEVER;
        }
        point = true;
      } else if (c < '0' || c > '9') {
        return NEVER;
      } else if (first == '0' && !point) {
        return NEVER; // 01: a leading zero
      }
    }
    return run.charAt(to - 1) == '.' ? NOT_YET : NUMBER;
  }

  /**
   * The readings of a budget source row's glued run (amounts then 执行率 with its percent sign)
   * under the header's columns (initial, adjusted, executed, weight, rate, score), each aligned
   * with them (null: no cell), that keep 执行率 = 全年执行数 / 全年预算数 (年初预算数 when the
   * header has no 全年预算数) to the rate's printed decimals. A run without a rate has none.
   */
  static List<String[]> sourceReadings(String run, List<String> cols) {
    List<String[]> out = new ArrayList<>();
    if (!run.endsWith("%") || run.indexOf('%') != run.length() - 1 || !cols.contains("rate")) {
      return out;
    }
    List<Integer> amounts = new ArrayList<>();
    for (int c = 0; c < cols.size(); c++) {
      if (List.of("initial", "adjusted", "executed").contains(cols.get(c))) {
        amounts.add(c);
      }
    }
    int base = cols.indexOf("adjusted") >= 0 ? cols.indexOf("adjusted") : cols.indexOf("initial");
    int executed = cols.indexOf("executed");
    if (base < 0 || executed < 0) {
      return out;
    }
    String digits = run.substring(0, run.length() - 1);
    for (String[] parts : splits(digits, amounts.size() + 1)) {
      String[] aligned = new String[cols.size()];
      for (int a = 0; a < amounts.size(); a++) {
        aligned[amounts.get(a)] = parts[a];
      }
      String rate = parts[parts.length - 1];
      aligned[cols.indexOf("rate")] = rate + "%";
      if (rateFits(new BigDecimal(aligned[executed]), new BigDecimal(aligned[base]),
          new BigDecimal(rate))) {
        out.add(aligned);
      }
    }
    List<String[]> nonZero = out.stream()
        .filter(r -> new BigDecimal(r[cols.indexOf("rate")].replace("%", "")).signum() != 0)
        .toList();
    // a glued 0 can be cut from any run (…0|0%): a zero rate is taken only when alone
    return nonZero.isEmpty() ? out : nonZero;
  }

  /** executed / base × 100 equals the printed rate to its printed decimals. */
  static boolean rateFits(BigDecimal executed, BigDecimal base, BigDecimal percent) {
    if (base.signum() == 0) {
      return false;
    }
    BigDecimal exact = executed.multiply(HUNDRED).divide(base, MathContext.DECIMAL64);
    BigDecimal half = BigDecimal.valueOf(5, Math.max(percent.scale(), 0) + 1);
    return exact.subtract(percent).abs().compareTo(half) <= 0;
  }

  /**
   * The readings of a budget total row's glued run ({@code 202010100.00%10}), each aligned with
   * the header's columns (null: no cell), the rate's percent sign where it was printed. The
   * fewest columns left without a cell (年初预算数, 得分) are tried first (an empty cell
   * dropped: 303010100% is four numbers for six columns); a reading fits when it breaks no
   * identity it can check: 执行率 = 全年执行数 / 全年预算数 (年初预算数 without 全年预算数), 得分 = 分值 × 执行率 capped at
   * 分值 (to the printed decimals), 0 &lt; 分值 ≤ 100. A run without its rate has none.
   */
  static List<String[]> totalRowReadings(String run, List<String> cols) {
    List<String[]> strict = totalRowReadings(run, cols, true);
    if (!strict.isEmpty()) {
      return strict;
    }
    // without the score identity nothing checks 分值 but the cut itself: taken only when one
    // reading is left and its 分值 is whole or half points (not 22.9710)
    List<String[]> loose = totalRowReadings(run, cols, false);
    int w = cols.indexOf("weight");
    if (loose.size() != 1 || w >= 0 && loose.get(0)[w] != null
        && !wholeOrHalfPoints(new BigDecimal(loose.get(0)[w]))) {
      return new ArrayList<>();
    }
    return loose;
  }

  /**
   * The readings of a total row; with {@code scoreRule} false, 得分 = 分值 × 执行率 is not asked,
   * only 得分 ≤ 分值: a form that scores its budget above the rate ({@code 91.84%10} for 分值 10)
   * still has its amounts placed by 执行率 and its 分值 and 得分 where one reading is left. Taken
   * only when no reading keeps every identity, and only readings with a 得分 and a rate above 0
   * (and by {@link #totalRowReadings(String, List)} only when one is left).
   */
  static List<String[]> totalRowReadings(String run, List<String> cols, boolean scoreRule) {
    int pct = run.indexOf('%');
    int rateAt = cols.indexOf("rate");
    if (pct < 0 || pct != run.lastIndexOf('%') || rateAt < 0) {
      return new ArrayList<>();
    }
    List<String[]> zero = new ArrayList<>();
    for (int absent = 0; absent < cols.size() - 1; absent++) {
      List<String[]> out = new ArrayList<>();
      for (boolean[] present : presence(cols, absent)) {
        readings(run, pct, cols, present, out, scoreRule);
      }
      // a glued 0 can be cut from any run (…|0|0%: 0 / x is 0 %): such readings are taken only
      // when no other fits
      int scoreAt = cols.indexOf("score");
      List<String[]> nonZero = out.stream()
          .filter(r -> new BigDecimal(r[rateAt].replace("%", "")).signum() != 0)
          .filter(r -> scoreRule || scoreAt >= 0 && r[scoreAt] != null).toList();
      if (!nonZero.isEmpty()) {
        return nonZero;
      }
      if (zero.isEmpty() && scoreRule) {
        zero = out;
      }
    }
    return zero;
  }

  /**
   * Every choice of {@code absent} columns without a cell among those forms leave blank
   * (年初预算数, 得分): a 分值 or an amount taken as missing would let its digits join a
   * neighbour's, and a misprinted 得分 would then be read as another reading.
   */
  static List<boolean[]> presence(List<String> cols, int absent) {
    int n = cols.size();
    int blankable = 0;
    for (int c = 0; c < n; c++) {
      blankable |= cols.get(c).equals("initial") || cols.get(c).equals("score") ? 1 << c : 0;
    }
    List<boolean[]> out = new ArrayList<>();
    for (int mask = 0; mask < 1 << n; mask++) {
      if (Integer.bitCount(mask) == absent && (mask & ~blankable) == 0) {
        boolean[] p = new boolean[n];
        for (int c = 0; c < n; c++) {
          p[c] = (mask & 1 << c) == 0;
        }
        out.add(p);
      }
    }
    return out;
  }

  private static void readings(String run, int pct, List<String> cols, boolean[] present,
      List<String[]> out, boolean scoreRule) {
    int rateAt = cols.indexOf("rate");
    int before = 0;
    int after = 0;
    for (int c = 0; c < cols.size(); c++) {
      before += present[c] && c <= rateAt ? 1 : 0;
      after += present[c] && c > rateAt ? 1 : 0;
    }
    for (String[] left : splits(run.substring(0, pct), before)) {
      for (String[] right : splits(run.substring(pct + 1), after)) {
        String[] all = new String[cols.size()];
        int k = 0;
        for (int c = 0; c < cols.size(); c++) {
          if (present[c]) {
            all[c] = k < left.length ? left[k] : right[k - left.length];
            k++;
          }
        }
        if (fits(all, cols, scoreRule)) {
          all[rateAt] = all[rateAt] + "%";
          out.add(all);
        }
      }
    }
  }

  private static boolean fits(String[] all, List<String> cols, boolean scoreRule) {
    BigDecimal rate = new BigDecimal(all[cols.indexOf("rate")]);
    String base = value(all, cols, cols.contains("adjusted") ? "adjusted" : "initial");
    String executed = value(all, cols, "executed");
    if (base != null && executed != null
        && !rateFits(new BigDecimal(executed), new BigDecimal(base), rate)) {
      return false;
    }
    String weight = value(all, cols, "weight");
    if (weight == null) {
      return true;
    }
    BigDecimal w = new BigDecimal(weight);
    String score = value(all, cols, "score");
    return w.signum() > 0 && w.compareTo(HUNDRED) <= 0
        && (score == null || (scoreRule ? scoreFits(w, rate, new BigDecimal(score))
            : new BigDecimal(score).compareTo(w) <= 0));
  }

  private static String value(String[] all, List<String> cols, String col) {
    int at = cols.indexOf(col);
    return at < 0 ? null : all[at];
  }

  /** weight × rate (capped at the weight) equals the score to its printed decimals. */
  private static boolean scoreFits(BigDecimal weight, BigDecimal percent, BigDecimal score) {
    BigDecimal exact = weight.multiply(percent).divide(HUNDRED, MathContext.DECIMAL64).min(weight);
    BigDecimal half = BigDecimal.valueOf(5, Math.max(score.scale(), 0) + 1);
    return exact.subtract(score).abs().compareTo(half) <= 0;
  }

  /**
   * The 总分 row's glued run as 分值 then 得分: the one split whose 分值 is the form's total
   * weight ({@code totalWeight}) and whose 得分 does not exceed it; null when not exactly one.
   */
  static String[] totalReading(String run, BigDecimal totalWeight) {
    String[] found = null;
    for (String[] p : splits(run, 2)) {
      BigDecimal w = new BigDecimal(p[0]);
      BigDecimal s = new BigDecimal(p[1]);
      if (w.compareTo(totalWeight) == 0 && s.compareTo(w) <= 0) {
        if (found != null) {
          return null;
        }
        found = p;
      }
    }
    return found;
  }
}
