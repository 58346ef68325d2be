package io.selfeval.extract.layout;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits runs of glued digits ({@code 303030100%}, {@code 10098}) into numbers where the form's
 * arithmetic leaves exactly one reading. A part never has a leading zero ({@code 020}) and has at
 * most one decimal point.
 */
final class GluedNumbers {

  private static final Pattern NUMBER = Pattern.compile("(?:0|[1-9]\\d*)(?:\\.\\d+)?");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private GluedNumbers() {}

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
    for (int e = at + 1; e <= run.length(); e++) {
      String part = run.substring(at, e);
      if (NUMBER.matcher(part).matches()) {
        acc[k] = part;
        split(run, e, acc, k + 1, out);
      }
    }
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
