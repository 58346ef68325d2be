package io.selfeval.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The flags a generated corpus should raise, worked out from what the generator wrote (the
 * numbers behind every printed text), by the rules as README.md states them. Keys:
 * {@code RULE|file|form:i} for form rules, {@code RULE|file|line:n} for indicator rules,
 * {@code RULE|file|form:i|figure:f} for a figure stated differently in prose and form,
 * {@code RULE|file} for unit-year rules, {@code DIGIT_ANOMALY|year:y|test:t} for populations.
 */
final class Truth {

  private static final BigDecimal TOLERANCE = new BigDecimal("0.01");
  private static final BigDecimal EXCESS_MIN = new BigDecimal("0.5");
  private static final BigDecimal NINETY = BigDecimal.valueOf(90);

  private final TreeSet<String> flags = new TreeSet<>();
  private final List<Map<String, Object>> unitLinks = new ArrayList<>();
  private final List<Map<String, Object>> indicatorLinks = new ArrayList<>();
  /** Satisfaction rows within 0-2 points above target, by unit name: file|line and year. */
  private final Map<String, List<Object[]>> nearThreshold = new HashMap<>();
  private final Map<String, Integer> rewordedLines = new HashMap<>();

  void document(String file, GenUnit unit, int year, List<GenForm> forms, boolean problems,
      List<String> misstated) {
    for (GenForm f : forms) {
      form(file, f, problems);
      for (GenRow r : f.rows) {
        BigDecimal margin = r.quantitative() && r.satisfaction
            ? r.actual.subtract(r.target) : null;
        if (margin != null && margin.signum() >= 0
            && margin.compareTo(BigDecimal.valueOf(2)) <= 0) {
          nearThreshold.computeIfAbsent(unit.name(year), k -> new ArrayList<>())
              .add(new Object[] {file + "|line:" + r.line, year});
        }
      }
    }
    for (String figure : misstated) {
      flags.add("NARRATIVE_TABLE_MISMATCH|" + file + "|form:0|figure:" + figure);
    }
    if (unit.standing(year).contains(Plant.HEAVY) || unit.standing(year).contains(Plant.BULLSEYE)) {
      flags.add("PEER_OUTLIER|" + file);
      if (unit.oneOff != null && unit.oneOffYear == year && unit.renamedIn == null) {
        flags.add("HISTORY_OUTLIER|" + file);
      }
    }
    if (unit.rewordedIn != null) {
      int line = forms.get(0).rows.get(unit.rewordedTemplate).line;
      if (year == unit.rewordedIn - 1) {
        rewordedLines.put(unit.code, line);
      } else if (year == unit.rewordedIn) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("unit_code", unit.code);
        link.put("old_name", unit.templates.get(unit.rewordedTemplate).name());
        link.put("new_name", unit.templates.get(unit.rewordedTemplate).reworded());
        link.put("from", unit.code + "/" + (year - 1) + ".txt|line:"
            + rewordedLines.get(unit.code));
        link.put("to", file + "|line:" + line);
        indicatorLinks.add(link);
      }
    }
  }

  /** The document's prose states one project's spending twice, differently (unit form 0). */
  void factConflict(String file) {
    flags.add("FACT_CONFLICT|" + file + "|form:0");
  }

  private void form(String file, GenForm f, boolean problems) {
    String key = "|" + file + "|form:" + f.index;
    if (f.printedTotal.compareTo(BigDecimal.valueOf(100)) >= 0) {
      flags.add("PERFECT_TOTAL" + key);
    }
    boolean allFull = true;
    BigDecimal qualitativeWeight = BigDecimal.ZERO;
    BigDecimal indicatorWeight = BigDecimal.ZERO;
    boolean qualitativeFull = true;
    int quantitative = 0;
    int exact = 0;
    Map<String, BigDecimal> levels = new HashMap<>();
    for (GenRow r : f.rows) {
      final String row = "|" + file + "|line:" + r.line;
      allFull &= r.fullMarks();
      indicatorWeight = indicatorWeight.add(r.weight);
      levels.merge(r.level1, r.weight, BigDecimal::add);
      if (r.qualitative) {
        qualitativeWeight = qualitativeWeight.add(r.weight);
        qualitativeFull &= r.fullMarks();
      } else {
        quantitative++;
        exact += r.exactHit() ? 1 : 0;
        if (r.missed() && r.fullMarks()) {
          flags.add("FULL_MARKS_DESPITE_MISS" + row);
        }
        if (r.score.subtract(r.expectedScore()).compareTo(EXCESS_MIN) > 0) {
          flags.add("SCORE_EXCESS" + row);
        }
      }
      if (r.score.compareTo(r.weight.add(TOLERANCE)) > 0) {
        flags.add("SCORE_ABOVE_WEIGHT" + row);
      }
      if (r.score.compareTo(r.weight.subtract(TOLERANCE)) < 0 && r.reason == null) {
        flags.add("DEDUCTION_WITHOUT_REASON" + row);
      }
      if (r.fullMarks() && r.reason != null) {
        flags.add("REASON_WITHOUT_DEDUCTION" + row);
      }
    }
    if (allFull && !f.rows.isEmpty()) {
      flags.add("ALL_FULL_MARKS" + key);
    }
    if (f.printedBudgetScore.compareTo(GenForm.BUDGET_WEIGHT.add(TOLERANCE)) > 0) {
      flags.add("SCORE_ABOVE_WEIGHT" + key);
    }
    if (f.partsSum().subtract(f.printedTotal).abs().compareTo(TOLERANCE) > 0) {
      flags.add("PARTS_NOT_TOTAL" + key);
    }
    if (!f.printedGrade.equals(GenForm.gradeOf(f.printedTotal))) {
      flags.add("GRADE_MISMATCH" + key);
    }
    BigDecimal ratePoints = f.printedRate.subtract(f.rate().multiply(BigDecimal.valueOf(100)));
    if (ratePoints.abs().compareTo(new BigDecimal("0.1")) > 0) {
      flags.add("RATE_MISMATCH" + key);
    }
    if (f.printedBudgetScore.subtract(f.budgetScore()).abs().compareTo(TOLERANCE) > 0) {
      flags.add("BUDGET_SCORE_MISMATCH" + key);
    }
    if (levels.getOrDefault("产出指标", BigDecimal.ZERO).compareTo(BigDecimal.valueOf(50)) != 0
        || levels.getOrDefault("效益指标", BigDecimal.ZERO).compareTo(BigDecimal.valueOf(30)) != 0
        || levels.getOrDefault("满意度指标", BigDecimal.ZERO).compareTo(BigDecimal.TEN) != 0) {
      flags.add("WEIGHTS_NOT_STANDARD" + key);
    }
    BigDecimal cent = new BigDecimal("0.005");
    if (f.adjusted.subtract(f.initial).abs().compareTo(cent) > 0
        && f.executed.subtract(f.adjusted).abs().compareTo(cent) <= 0) {
      flags.add("BUDGET_ADJUSTED_TO_SPEND" + key);
    }
    if (quantitative >= 3 && exact >= 0.9 * quantitative) {
      flags.add("ALL_EXACT_HITS" + key);
    }
    if (qualitativeWeight.signum() > 0 && qualitativeFull
        && qualitativeWeight.compareTo(indicatorWeight.multiply(new BigDecimal("0.5"))) >= 0) {
      flags.add("QUALITATIVE_HEAVY" + key);
    }
    // the narrative's problems are the unit's: project forms attached to it have no narrative
    if (problems && f.unitForm() && f.printedTotal.compareTo(NINETY) >= 0) {
      flags.add("PROBLEMS_BUT_HIGH_SCORE" + key);
    }
  }

  /** Rules over all years of a unit, and over populations. */
  void finish(List<GenUnit> units, CorpusGenerator.Settings settings) {
    for (List<Object[]> rows : nearThreshold.values()) {
      long years = rows.stream().map(r -> r[1]).distinct().count();
      if (years >= 2) {
        rows.forEach(r -> flags.add("SATISFACTION_AT_THRESHOLD|" + r[0]));
      }
    }
    if (settings.fabricatedYear() != null) {
      for (String test : List.of("benford_first_digit", "last_two_digits", "round_numbers")) {
        flags.add("DIGIT_ANOMALY|year:" + settings.fabricatedYear() + "|test:" + test);
      }
    }
    for (GenUnit u : units) {
      if (u.renamedIn != null) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("unit_code", u.code);
        link.put("old_name", u.name(u.renamedIn - 1));
        link.put("new_name", u.name(u.renamedIn));
        link.put("renamed_in", u.renamedIn);
        unitLinks.add(link);
      }
    }
  }

  List<String> expectedFlags() {
    return List.copyOf(flags);
  }

  List<Map<String, Object>> unitLinks() {
    return unitLinks;
  }

  List<Map<String, Object>> indicatorLinks() {
    return indicatorLinks;
  }
}
