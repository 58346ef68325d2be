package io.selfeval.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One generated form's numbers: targets that follow last year's, actuals, weights and scores,
 * honest deductions, the budget table and the printed totals, with the unit-year's plants
 * (inflation and other defects) worked into them. {@link CorpusGenerator} decides the plants and
 * writes the text; everything here is drawn from the random source it is given, in a fixed
 * order, so the same seed gives the same form.
 */
final class FormMaker {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private FormMaker() {}

  static GenForm form(SplittableRandom rnd, GenUnit unit, int year, int index, String project,
      Map<String, BigDecimal[]> state, Set<Plant> plants, BigDecimal budget,
      boolean fabricated) {
    GenForm form = new GenForm(index, project);
    boolean unitForm = project == null;
    boolean weights = unitForm && plants.contains(Plant.WEIGHTS_NOT_STANDARD);
    for (int t = 0; t < unit.templates.size(); t++) {
      Pools.Template tpl = unit.templates.get(t);
      GenRow row = new GenRow(tpl.level1(), tpl.level2(), unit.indicatorName(t, year, unitForm),
          tpl.kind(), tpl.unitWord(), tpl.level1().startsWith("满意度"));
      row.weight = BigDecimal.valueOf(weights ? nonStandardWeight(t) : 10);
      if (row.quantitative()) {
        String key = (project == null ? "unit" : project) + "#" + t;
        BigDecimal[] previous = state.get(key);
        row.target = previous == null ? firstTarget(rnd, tpl) : nextTarget(rnd, tpl, previous);
        row.actual = exceed(rnd, row);
      }
      row.score = row.weight;
      form.rows.add(row);
    }
    honestDeductions(rnd, form);
    applyRowPlants(rnd, form, unitForm ? plants : standingOnly(plants));
    for (int t = 0; t < form.rows.size(); t++) {
      GenRow row = form.rows.get(t);
      if (row.quantitative() && row.kind != GenRow.Kind.QUALITATIVE) {
        state.put((project == null ? "unit" : project) + "#" + t,
            new BigDecimal[] {row.target, row.actual});
      }
    }
    budget(rnd, form, budget, fabricated, unitForm ? plants : standingOnly(plants));
    printTotals(rnd, form, unitForm ? plants : standingOnly(plants));
    return form;
  }

  private static Set<Plant> standingOnly(Set<Plant> plants) {
    Set<Plant> s = EnumSet.noneOf(Plant.class);
    for (Plant p : List.of(Plant.HEAVY, Plant.BULLSEYE, Plant.SATISFACTION_AT_THRESHOLD)) {
      if (plants.contains(p)) {
        s.add(p);
      }
    }
    return s;
  }

  /** 产出 60 (5 x 12), 效益 20 (7 + 7 + 6), 满意度 10. */
  private static int nonStandardWeight(int template) {
    return switch (template) {
      case 0, 1, 2, 3, 4 -> 12;
      case 5, 6 -> 7;
      case 7 -> 6;
      default -> 10;
    };
  }

  private static BigDecimal firstTarget(SplittableRandom rnd, Pools.Template t) {
    return BigDecimal.valueOf(t.low() + rnd.nextInt(t.high() - t.low() + 1));
  }

  /** Raised after being beaten (or repeated), repeated or lowered after a miss. */
  private static BigDecimal nextTarget(SplittableRandom rnd, Pools.Template t,
      BigDecimal[] previous) {
    BigDecimal target = previous[0];
    boolean beaten = previous[1].compareTo(target) > 0;
    double r = rnd.nextDouble();
    if (t.kind() == GenRow.Kind.PERCENT) {
      int step = beaten && r < 0.4 ? 1 + rnd.nextInt(2) : !beaten && r < 0.3 ? -1 : 0;
      // at least 1 %: over hundreds of years (the 1 M forms benchmark) misses would lower a
      // target to 0 and below, and a score proportional to actual / target be undefined
      return target.add(BigDecimal.valueOf(step)).min(BigDecimal.valueOf(96))
          .max(BigDecimal.ONE);
    }
    if (beaten && r < 0.6) {
      return target.multiply(BigDecimal.valueOf(1.05 + 0.1 * rnd.nextDouble()))
          .setScale(0, RoundingMode.CEILING);
    }
    if (!beaten && r < 0.5) {
      return target.multiply(BigDecimal.valueOf(0.9 + 0.05 * rnd.nextDouble()))
          .setScale(0, RoundingMode.FLOOR).max(BigDecimal.ONE);
    }
    return target;
  }

  /** An actual above the target: +2-30 % for counts, +1 to +6 points for percentages. */
  private static BigDecimal exceed(SplittableRandom rnd, GenRow row) {
    if (row.kind == GenRow.Kind.PERCENT) {
      int room = 100 - row.target.intValue();
      int margin = row.satisfaction ? 3 + rnd.nextInt(Math.max(1, Math.min(6, room - 2)))
          : 1 + rnd.nextInt(Math.max(1, Math.min(6, room)));
      return row.target.add(BigDecimal.valueOf(Math.min(margin, room)));
    }
    BigDecimal a = row.target.multiply(BigDecimal.valueOf(1.02 + 0.28 * rnd.nextDouble()))
        .setScale(0, RoundingMode.CEILING);
    return a.compareTo(row.target) > 0 ? a : row.target.add(BigDecimal.ONE);
  }

  /** An actual at {@code low}-{@code high} of the target, strictly below it. */
  private static BigDecimal below(SplittableRandom rnd, GenRow row, double low, double high) {
    BigDecimal a = row.target.multiply(BigDecimal.valueOf(low + (high - low) * rnd.nextDouble()))
        .setScale(0, RoundingMode.FLOOR);
    return a.compareTo(row.target) < 0 ? a : row.target.subtract(BigDecimal.ONE);
  }

  /** An honest form misses one to three targets, deducts in proportion and says why. */
  private static void honestDeductions(SplittableRandom rnd, GenForm form) {
    List<GenRow> candidates = quantitativeRows(form, false);
    int misses = 1 + (rnd.nextDouble() < 0.4 ? 1 : 0) + (rnd.nextDouble() < 0.15 ? 1 : 0);
    for (int k = 0; k < misses && !candidates.isEmpty(); k++) {
      GenRow row = candidates.remove(rnd.nextInt(candidates.size()));
      row.actual = below(rnd, row, 0.8, 0.94);
      deductHonestly(row);
    }
    if (!candidates.isEmpty() && rnd.nextDouble() < 0.35) {
      GenRow row = candidates.get(rnd.nextInt(candidates.size()));
      row.actual = row.target;
    }
  }

  private static void deductHonestly(GenRow row) {
    row.score = roundHalf(row.expectedScore());
    row.reason = "受客观因素影响，" + row.name + "未达年度目标，下一步加强统筹调度。";
  }

  private static List<GenRow> quantitativeRows(GenForm form, boolean withSatisfaction) {
    List<GenRow> rows = new ArrayList<>();
    for (GenRow r : form.rows) {
      if (r.quantitative() && (withSatisfaction || !r.satisfaction) && !r.missed()) {
        rows.add(r);
      }
    }
    return rows;
  }

  private static void applyRowPlants(SplittableRandom rnd, GenForm form, Set<Plant> plants) {
    if (plants.contains(Plant.PERFECT) || plants.contains(Plant.BULLSEYE)) {
      for (GenRow row : form.rows) {
        if (row.quantitative()) {
          row.actual = plants.contains(Plant.BULLSEYE) ? row.target : exceed(rnd, row);
        }
        row.score = row.weight;
        row.reason = null;
      }
    }
    if (plants.contains(Plant.SATISFACTION_AT_THRESHOLD)) {
      for (GenRow row : form.rows) {
        if (row.satisfaction) {
          int room = 100 - row.target.intValue();
          row.actual = row.target.add(BigDecimal.valueOf(Math.min(room, rnd.nextInt(3))));
          row.score = row.weight;
          row.reason = null;
        }
      }
    }
    if (plants.contains(Plant.HEAVY)) {
      List<GenRow> rows = quantitativeRows(form, false);
      for (int k = 0; k < 3 && !rows.isEmpty(); k++) {
        GenRow row = rows.remove(rnd.nextInt(rows.size()));
        row.actual = below(rnd, row, 0.55, 0.75);
        row.score = row.weight;
        row.reason = null;
      }
    }
    if (plants.contains(Plant.STRUGGLING) || plants.contains(Plant.GRADE_MISMATCH)) {
      List<GenRow> rows = quantitativeRows(form, false);
      for (int k = 0; k < 4 && !rows.isEmpty(); k++) {
        GenRow row = rows.remove(rnd.nextInt(rows.size()));
        row.actual = below(rnd, row, 0.45, 0.6);
        deductHonestly(row);
      }
    }
    if (plants.contains(Plant.FULL_MARKS_DESPITE_MISS)) {
      GenRow row = anyOf(rnd, quantitativeRows(form, false));
      if (row != null) {
        row.actual = below(rnd, row, 0.85, 0.92);
        row.score = row.weight;
        row.reason = null;
      }
    }
    if (plants.contains(Plant.SCORE_EXCESS)) {
      GenRow row = anyOf(rnd, quantitativeRows(form, false));
      if (row != null) {
        row.actual = below(rnd, row, 0.75, 0.85);
        deductHonestly(row);
        row.score = row.score.add(BigDecimal.ONE);
      }
    }
    if (plants.contains(Plant.SCORE_ABOVE_WEIGHT)) {
      GenRow row = anyOf(rnd, quantitativeRows(form, false));
      if (row != null) {
        row.score = row.weight.add(BigDecimal.valueOf(2));
      }
    }
    if (plants.contains(Plant.DEDUCTION_WITHOUT_REASON)) {
      for (GenRow row : form.rows) {
        if (row.missed() && !row.fullMarks()) {
          row.reason = null;
        }
      }
    }
    if (plants.contains(Plant.REASON_WITHOUT_DEDUCTION)) {
      GenRow row = anyOf(rnd, quantitativeRows(form, false));
      if (row != null) {
        row.reason = "已完成年度目标，下一步持续巩固提升。";
      }
    }
    if (plants.contains(Plant.QUALITATIVE_HEAVY)) {
      List<GenRow> rows = new ArrayList<>();
      for (GenRow r : form.rows) {
        if (r.quantitative() && !r.satisfaction) {
          rows.add(r);
        }
      }
      for (int k = 0; k < 3 && !rows.isEmpty(); k++) {
        GenRow row = rows.remove(rnd.nextInt(rows.size()));
        row.qualitative = true;
        row.score = row.weight;
        row.reason = null;
      }
    }
  }

  private static GenRow anyOf(SplittableRandom rnd, List<GenRow> rows) {
    return rows.isEmpty() ? null : rows.get(rnd.nextInt(rows.size()));
  }

  private static void budget(SplittableRandom rnd, GenForm form, BigDecimal base,
      boolean fabricated, Set<Plant> plants) {
    if (fabricated) {
      form.initial = BigDecimal.valueOf(10L * (10 + rnd.nextInt(90)));
      form.adjusted = form.initial;
      form.executed = form.adjusted.multiply(BigDecimal.valueOf(0.85 + 0.14 * rnd.nextDouble()))
          .divide(BigDecimal.TEN, 0, RoundingMode.HALF_UP).multiply(BigDecimal.TEN);
    } else {
      form.initial = base;
      form.adjusted = rnd.nextDouble() < 0.6 ? base
          : base.multiply(BigDecimal.valueOf(0.9 + 0.25 * rnd.nextDouble()))
              .setScale(2, RoundingMode.HALF_UP);
      form.executed = form.adjusted.multiply(BigDecimal.valueOf(0.85 + 0.14 * rnd.nextDouble()))
          .setScale(2, RoundingMode.HALF_UP);
    }
    if (plants.contains(Plant.BUDGET_ADJUSTED_TO_SPEND)) {
      form.adjusted = form.initial.multiply(BigDecimal.valueOf(1.03 + 0.12 * rnd.nextDouble()))
          .setScale(fabricated ? 0 : 2, RoundingMode.HALF_UP);
      form.executed = form.adjusted;
    }
    if (plants.contains(Plant.PERFECT)) {
      form.adjusted = form.initial;
      form.executed = form.initial;
    }
    form.printBudgetHonestly();
    if (plants.contains(Plant.RATE_MISMATCH)) {
      form.printedRate = HUNDRED;
      form.printedBudgetScore = GenForm.BUDGET_WEIGHT;
    }
    if (plants.contains(Plant.BUDGET_SCORE_MISMATCH)) {
      form.printedBudgetScore = GenForm.BUDGET_WEIGHT;
    }
  }

  private static void printTotals(SplittableRandom rnd, GenForm form, Set<Plant> plants) {
    form.printTotalHonestly();
    if (plants.contains(Plant.PARTS_NOT_TOTAL)) {
      form.printedTotal = form.printedTotal.add(BigDecimal.valueOf(1 + rnd.nextInt(3)));
      form.printedGrade = GenForm.gradeOf(form.printedTotal);
    }
    if (plants.contains(Plant.GRADE_MISMATCH)) {
      form.printedGrade = form.printedTotal.compareTo(BigDecimal.valueOf(90)) < 0 ? "优" : "良";
    }
  }

  /** Round to the nearest half point, as many evaluators print scores. */
  static BigDecimal roundHalf(BigDecimal v) {
    return v.multiply(BigDecimal.valueOf(2)).setScale(0, RoundingMode.HALF_UP)
        .divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
  }

  static BigDecimal logUniform(SplittableRandom rnd, double low, double high) {
    double v = Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * rnd.nextDouble());
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
  }

  static BigDecimal grow(SplittableRandom rnd, BigDecimal b) {
    return b.multiply(BigDecimal.valueOf(0.95 + 0.15 * rnd.nextDouble()))
        .setScale(2, RoundingMode.HALF_UP);
  }
}
