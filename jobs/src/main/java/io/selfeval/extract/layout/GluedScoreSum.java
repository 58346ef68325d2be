package io.selfeval.extract.layout;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The sum that checks a glued indicator table whose header has 得分 and no 分值 column: its rows'
 * 得分 add up to the form's 总分 less the budget block's 得分 (the two other scores a project form
 * prints). Where the total and the budget 得分 are both read, only the readings of the rows that
 * keep this sum are kept. A number printed twice before the 得分 ({@code 补贴渔船数6620}: 6 | 6 | 20)
 * is a value only where this sum confirms it; without the sum such readings are dropped.
 */
final class GluedScoreSum {

  /** Readings tried together before the sum is not used. */
  private static final int MAX_COMBINATIONS = 20_000;

  /** One group of rows: its body span, its readings, and where to put the readings kept. */
  record Part(int from, int to, List<List<GluedRows.Row>> readings,
      Consumer<List<List<GluedRows.Row>>> keep) {}

  private GluedScoreSum() {}

  /** Keeps the readings of the parts that the sum confirms; end: where the rows end. */
  static void keep(GluedForm form, GluedText text, List<Part> parts, int end) {
    BigDecimal target = target(form, text, end);
    if (target != null && bySum(parts, target, GluedRows.Row::score)) {
      return;
    }
    for (Part p : parts) {
      String body = text.folded.substring(p.from(), p.to());
      List<List<GluedRows.Row>> plain = new ArrayList<>();
      for (List<GluedRows.Row> reading : p.readings()) {
        if (reading.stream().noneMatch(r -> GluedRows.endsInDigit(body, r))) {
          plain.add(reading);
        }
      }
      p.keep().accept(plain);
    }
  }

  /** 总分 (its 得分 alone, as the table prints no 分值) less the budget 得分, or null. */
  private static BigDecimal target(GluedForm form, GluedText text, int end) {
    int label = text.labelAt("total_labels", end);
    BigDecimal budget = form.budgetScore();
    if (label == 0 || budget == null) {
      return null;
    }
    int v = end + label;
    v += v < text.length() && (text.at(v) == ':' || text.at(v) == '：') ? 1 : 0;
    int e = v;
    while (e < text.length() && (Character.isDigit(text.at(e)) || text.at(e) == '.')) {
      e++;
    }
    BigDecimal total = e > v ? GluedForm.totalScore(text, v, e) : null;
    return total == null ? null : total.subtract(budget);
  }

  /**
   * Keeps the readings in combinations whose rows' figures (分值 or 得分, by {@code figure}) add
   * up to target; false, nothing changed, when none does or there are too many to try.
   */
  static boolean bySum(List<Part> parts, BigDecimal target,
      Function<GluedRows.Row, BigDecimal> figure) {
    long combos = 1;
    for (Part p : parts) {
      if (p.readings().isEmpty() || p.readings().size() > GluedRows.MAX_READINGS) {
        return false;
      }
      combos *= p.readings().size();
      if (combos > MAX_COMBINATIONS) {
        return false;
      }
    }
    List<Set<Integer>> kept = new ArrayList<>();
    parts.forEach(p -> kept.add(new HashSet<>()));
    int[] pick = new int[parts.size()];
    for (long c = 0; c < combos; c++) {
      long r = c;
      BigDecimal sum = BigDecimal.ZERO;
      boolean known = true;
      for (int k = 0; k < parts.size(); k++) {
        pick[k] = (int) (r % parts.get(k).readings().size());
        r /= parts.get(k).readings().size();
        for (GluedRows.Row row : parts.get(k).readings().get(pick[k])) {
          BigDecimal f = figure.apply(row);
          known &= f != null;
          sum = f == null ? sum : sum.add(f);
        }
      }
      if (known && sum.compareTo(target) == 0) {
        for (int k = 0; k < parts.size(); k++) {
          kept.get(k).add(pick[k]);
        }
      }
    }
    if (parts.isEmpty() || kept.get(0).isEmpty()) {
      return false;
    }
    for (int k = 0; k < parts.size(); k++) {
      List<List<GluedRows.Row>> keep = new ArrayList<>();
      for (int idx : kept.get(k)) {
        keep.add(parts.get(k).readings().get(idx));
      }
      parts.get(k).keep().accept(keep);
    }
    return true;
  }
}
