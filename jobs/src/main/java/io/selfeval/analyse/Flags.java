package io.selfeval.analyse;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.map_concat;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import io.selfeval.warehouse.Tables;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The score-inflation rules, as a table of named rules from the analysis tables to
 * {@code int_flags} rows: {@link #formRules} and {@link #indicatorRules} judge one form or one
 * indicator row at a time (a condition, the evidence, the report line), {@link #setRules} need
 * more than one row (a document's statements, a population, the unit-year profiles). Each rule
 * gets only the group of thresholds it reads ({@link FlagThresholds}) and carries its evidence
 * and the report line behind it; its severity is configured per rule.
 */
public final class Flags {

  private static final List<String> QUANTITATIVE_RULES = List.of("full_weight",
      "over_achievement", "proportional", "reverse_proportional", "exact_missed");

  /**
   * Evidence that tells apart two flags of one rule on one form: the metric an outlier rule
   * judged, the population test, the figure a narrative mismatch compared.
   */
  static final List<String> DISTINGUISHED_BY = List.of("metric", "test", "figure");

  private Flags() {}

  /** What the rules read: the forms and the tables analyse computed before the flags. */
  record Inputs(Dataset<Row> forms, Dataset<Row> execution, Dataset<Row> deviations,
      Dataset<Row> facts, Dataset<Row> profiles) {}

  /**
   * A rule judged on one row of a table (a form, or an indicator row): the row is flagged when
   * {@code condition} holds (a null condition does not), with {@code evidence} as name/value
   * pairs, pointing at {@code line}.
   */
  record RowRule(String code, Column condition, Map<String, Column> evidence, Column line) {}

  /**
   * A rule that needs more than one row; {@code codes} are the rule ids its rows carry.
   * {@code needsProfiles}: judged only when unit-year profiles are given.
   */
  record SetRule(List<String> codes, boolean needsProfiles,
      Function<Inputs, Dataset<Row>> judge) {}

  /** Every flag of the forms and indicator rows given ({@code profiles} may be null). */
  public static Dataset<Row> flags(Dataset<Row> forms, Dataset<Row> execution,
      Dataset<Row> deviations, Dataset<Row> facts, Dataset<Row> profiles, FlagThresholds t,
      String rulePack) {
    return flags(new Inputs(forms, execution, deviations, facts, profiles), t, rulePack, true,
        code -> true);
  }

  /**
   * The flags of the row rules (when {@code rowRules}) and of the set rules whose codes
   * {@code setRule} accepts: a scoped analysis judges the rows of the forms that changed and
   * the set rules over every form, apart.
   */
  static Dataset<Row> flags(Inputs in, FlagThresholds t, String rulePack, boolean rowRules,
      java.util.function.Predicate<String> setRule) {
    FlagThresholds.Severities severities = t.severities();
    List<RowRule> perForm = formRules(t.scores(), t.amounts(), t.indicatorMix());
    List<RowRule> perIndicator = indicatorRules(t.scores());
    List<SetRule> perSet = setRules(t);
    // every rule of the table has its severity configured, or the run stops before any work
    perForm.forEach(r -> severities.of(r.code()));
    perIndicator.forEach(r -> severities.of(r.code()));
    perSet.forEach(r -> r.codes().forEach(severities::of));
    // The rules of one form or one indicator row are judged together, in one pass over their
    // table (a union of one filtered copy per rule planned and ran the same join over and over)
    List<Dataset<Row>> all = new ArrayList<>();
    if (rowRules) {
      all.add(judge(perForm, formFacts(in.forms(), in.execution(), in.deviations(),
          t.scores()), false));
      all.add(judge(perIndicator, in.deviations().where(col("weight").isNotNull()), true));
    }
    for (SetRule r : perSet) {
      if ((in.profiles() != null || !r.needsProfiles()) && setRule.test(r.codes().get(0))) {
        all.add(r.judge().apply(in));
      }
    }
    Dataset<Row> union = all.get(0);
    for (int k = 1; k < all.size(); k++) {
      union = union.unionByName(all.get(k));
    }
    return Tables.FLAGS.conform(withLocation(union, in.forms())
        .withColumn("flag_id", flagId())
        .withColumn("severity", severity(severities))
        .withColumn("rule_pack", lit(rulePack))
        .withColumn("thresholds_version", lit(t.version())));
  }

  /**
   * A flag's evidence also names where its line stands in the original document
   * ({@code location=page 1 line 11}, {@code Sheet!B9:J9}, {@code table 1 row 9}), from the
   * form's {@code source_locations}, so an auditor of a Word, Excel or PDF report is taken to
   * the cell; nothing is added for a text file or for forms loaded before the column existed.
   */
  static Dataset<Row> withLocation(Dataset<Row> flags, Dataset<Row> forms) {
    if (!java.util.Arrays.asList(forms.columns()).contains("source_locations")) {
      return flags;
    }
    Column location = expr("try_element_at(filter(_locations, x -> x.line = source_line), 1)"
        + ".location");
    Column text = concat(lit("location="), location);
    return flags.join(forms.select(col("form_id").as("_located_form"),
            col("source_locations").as("_locations")),
            col("form_id").equalTo(col("_located_form")), "left")
        .withColumn("evidence", when(location.isNull(), col("evidence"))
            .when(col("evidence").equalTo(""), text)
            .otherwise(concat_ws(", ", col("evidence"), text)))
        .withColumn("evidence_values", when(location.isNull(), col("evidence_values"))
            .otherwise(map_concat(col("evidence_values"), map(lit("location"), location))))
        .drop("_located_form", "_locations");
  }

  /** The rules judged on one form (with its execution figures and indicator counts). */
  static List<RowRule> formRules(FlagThresholds.Scores s, FlagThresholds.Amounts a,
      FlagThresholds.IndicatorMix m) {
    Column tol = lit(s.tolerance());
    return List.of(
        new RowRule("PERFECT_TOTAL", col("reported_total").geq(lit(s.perfectTotal())),
            ev("reported_total", col("reported_total")), col("reported_total_line")),
        new RowRule("ALL_FULL_MARKS", col("indicator_count").gt(0)
            .and(col("full_marks_count").equalTo(col("indicator_count"))),
            ev("indicators", col("indicator_count"), "full_marks", col("full_marks_count")),
            col("reported_total_line")),
        new RowRule("SCORE_ABOVE_WEIGHT", col("reported_budget_score")
            .gt(col("budget_weight").plus(tol)), ev("budget_weight", col("budget_weight"),
            "reported_budget_score", col("reported_budget_score")), col("budget_line")),
        partsNotTotal(tol),
        new RowRule("GRADE_MISMATCH", col("reported_grade").isNotNull()
            .and(col("reported_grade").notEqual(col("recomputed_grade"))),
            ev("reported_grade", col("reported_grade"), "reported_total", col("reported_total"),
                "grade_of_total", col("recomputed_grade")), col("reported_total_line")),
        new RowRule("RATE_MISMATCH", abs(col("rate_difference_pp")).gt(lit(a.ratePp())),
            ev("reported_rate", col("reported_rate"), "executed", col("executed_wan_yuan"),
                "adjusted", col("adjusted_wan_yuan"), "recomputed_rate",
                col("execution_rate"), "difference_pp", col("rate_difference_pp")),
            col("budget_line")),
        new RowRule("BUDGET_SCORE_MISMATCH", abs(col("budget_score_difference")).gt(tol),
            ev("reported_budget_score", col("reported_budget_score"),
                "recomputed_budget_score", col("recomputed_budget_score")), col("budget_line")),
        new RowRule("WEIGHTS_NOT_STANDARD", col("indicator_count").gt(0)
            .and(nonStandardWeights(s.standardLevel1Weights())), ev("budget",
            col("budget_weight"), "产出指标", col("weight_output"), "效益指标",
            col("weight_effect"), "满意度指标", col("weight_satisfaction"), "total",
            col("weight_total")), col("line_start")),
        budgetAdjustedToSpend(a.wanYuan()),
        new RowRule("ALL_EXACT_HITS", col("quantitative_count")
            .geq(m.exactHitsMinQuantitative()).and(col("exact_hit_count")
                .geq(col("quantitative_count").multiply(lit(m.exactHitsMinShare())))),
            ev("quantitative", col("quantitative_count"), "exact_hits",
                col("exact_hit_count")), col("line_start")),
        new RowRule("QUALITATIVE_HEAVY", col("qualitative_weight")
            .geq(col("indicator_weight").multiply(lit(m.qualitativeHeavyMinShare())))
            .and(col("qualitative_weight").gt(0))
            .and(col("qualitative_full_weight").equalTo(col("qualitative_weight"))),
            ev("qualitative_weight", col("qualitative_weight"), "indicator_weight",
                col("indicator_weight")), col("line_start")),
        new RowRule("PROBLEMS_BUT_HIGH_SCORE", col("has_problems")
            .and(col("reported_total").geq(lit(s.highScoreMinTotal()))),
            ev("reported_total", col("reported_total"), "problems_line",
                col("problems_line")), col("problems_line")));
  }

  /**
   * The budget score and the indicator scores do not add up to the total printed. Judged only
   * when the budget score was read: a form whose budget block the reader could not read is not
   * flagged for a sum it cannot make (its missing score is not a zero).
   */
  private static RowRule partsNotTotal(Column tol) {
    Column parts = col("reported_budget_score").plus(col("indicator_score_sum"));
    return new RowRule("PARTS_NOT_TOTAL", col("reported_total").isNotNull()
        .and(col("reported_budget_score").isNotNull()).and(col("indicator_count").gt(0))
        .and(abs(parts.minus(col("reported_total"))).gt(tol)),
        ev("budget_score", col("reported_budget_score"), "indicator_scores",
            col("indicator_score_sum"), "sum", parts, "reported_total", col("reported_total")),
        col("reported_total_line"));
  }

  /** The adjusted budget moved away from the initial one, onto what was spent. */
  private static RowRule budgetAdjustedToSpend(BigDecimal wanYuan) {
    Column tolerance = lit(wanYuan);
    return new RowRule("BUDGET_ADJUSTED_TO_SPEND",
        abs(col("adjusted_wan_yuan").minus(col("initial_wan_yuan"))).gt(tolerance)
            .and(abs(col("executed_wan_yuan").minus(col("adjusted_wan_yuan"))).leq(tolerance)),
        ev("initial", col("initial_wan_yuan"), "adjusted", col("adjusted_wan_yuan"), "executed",
            col("executed_wan_yuan")), col("budget_line"));
  }

  /** The rules judged on one weighted indicator row; each flag points at the row's line. */
  static List<RowRule> indicatorRules(FlagThresholds.Scores s) {
    Column tol = lit(s.tolerance());
    Column full = fullMarks(s);
    return List.of(
        new RowRule("FULL_MARKS_DESPITE_MISS", col("status").equalTo("missed").and(full),
            ev("target", col("target_text"), "actual", col("actual_text"), "weight",
                col("weight"), "score", col("score"), "expected_score", col("expected_score"),
                "excess_points", col("score_excess")), col("line")),
        new RowRule("SCORE_EXCESS", col("score_excess").gt(lit(s.excessMinPoints())),
            ev("expected_score", col("expected_score"), "score", col("score"),
                "excess_points", col("score_excess"), "rule", col("scoring_rule")), col("line")),
        new RowRule("SCORE_ABOVE_WEIGHT", col("score").gt(col("weight").plus(tol)),
            ev("weight", col("weight"), "score", col("score")), col("line")),
        new RowRule("DEDUCTION_WITHOUT_REASON", col("score").lt(col("weight").minus(tol))
            .and(col("deviation_reason").isNull()),
            ev("weight", col("weight"), "score", col("score")), col("line")),
        new RowRule("REASON_WITHOUT_DEDUCTION", full.and(col("deviation_reason").isNotNull()),
            ev("weight", col("weight"), "score", col("score"), "reason",
                col("deviation_reason")), col("line")));
  }

  /** The rules over more than one row: a document's statements, a year, the profiles. */
  static List<SetRule> setRules(FlagThresholds t) {
    FlagThresholds.Amounts amounts = t.amounts();
    FlagThresholds.Satisfaction satisfaction = t.satisfaction();
    FlagThresholds.Outliers outliers = t.outliers();
    FlagThresholds.Digits digits = t.digits();
    return List.of(
        new SetRule(List.of("NARRATIVE_TABLE_MISMATCH"), false,
            in -> narrativeTableMismatch(in.forms(), in.facts(), amounts)),
        new SetRule(List.of("FACT_CONFLICT"), false, in -> FactConflicts.flags(in.facts())),
        new SetRule(List.of("SATISFACTION_AT_THRESHOLD"), true,
            in -> PatternFlags.satisfactionAtThreshold(in.deviations(), satisfaction)),
        new SetRule(List.of("PEER_OUTLIER", "HISTORY_OUTLIER"), true,
            in -> PatternFlags.outlierFlags(in.profiles(), in.execution(), outliers)),
        new SetRule(List.of("DIGIT_ANOMALY"), false,
            in -> DigitTests.digitAnomalies(amounts(in.forms(), in.facts()), digits)));
  }

  /**
   * A flag's stable key: the first 32 hex of SHA-256 over rule # form (or population:year) #
   * what the rule judged within it. A rule that can fire more than once in one form names what
   * it judged: the indicator row, or one of {@link #DISTINGUISHED_BY} in its evidence (each rule
   * uses at most one, so the key of a flag judged on an indicator row, a metric, a test or a
   * figure is the same as it was before figures were named).
   */
  static Column flagId() {
    List<Column> judged = new ArrayList<>();
    judged.add(col("indicator_id"));
    for (String name : DISTINGUISHED_BY) {
      judged.add(col("evidence_values").getItem(name));
    }
    judged.add(lit(""));
    return substring(sha2(concat_ws("#", col("rule_id"),
        coalesce(col("form_id"), concat_ws(":", lit("population"),
            col("fiscal_year").cast("string"))),
        coalesce(judged.toArray(new Column[0]))), 256), 1, 32);
  }

  /**
   * The same figure stated differently in prose or the basic-data table and in a form: a unit
   * form's adjusted budget, initial budget or executed amount against the budget_total,
   * initial_budget or expenditure the document states, and a project form's executed amount
   * against the project lines of the same name. Fires when the document states the figure and
   * none of its statements equals the table's.
   */
  static Dataset<Row> narrativeTableMismatch(Dataset<Row> forms, Dataset<Row> facts,
      FlagThresholds.Amounts t) {
    Column tableValue = when(col("key").equalTo("budget_total"), col("adjusted_wan_yuan"))
        .when(col("key").equalTo("initial_budget"), col("initial_wan_yuan"))
        .when(col("key").equalTo("expenditure"), col("executed_wan_yuan"))
        .when(col("key").equalTo("project_line"), col("executed_wan_yuan"));
    Column projectName = regexp_replace(col("label"), "^[（(]?[0-9一二三四五六七八九十]+[)）、.．]", "");
    // the statements of a document, one row per figure (and project): the distinct values
    // stated and the first line. Joining each form to every statement of its document instead
    // grew with forms x statements: quadratic in a document that repeats one report many times
    Dataset<Row> stated = facts.where(col("unit").equalTo("万元").and(col("period").isNull()
            .or(col("period").equalTo("final"))))
        .groupBy(col("source_file").as("fact_file"), col("key"),
            when(col("key").equalTo("project_line"), projectName).as("fact_project"))
        .agg(collect_set(col("value")).as("values"), min(col("line")).as("first_line"));
    Dataset<Row> mismatched = forms.where(col("has_score_table"))
        .join(stated, col("source_file").equalTo(col("fact_file"))
            .and(when(col("form_kind").equalTo("unit"),
                col("key").isin("budget_total", "initial_budget", "expenditure"))
                .otherwise(col("key").equalTo("project_line")
                    .and(col("fact_project").equalTo(col("project_name"))))), "inner")
        .withColumn("table_value", tableValue)
        .where(col("table_value").isNotNull()
            .and(not(exists(col("values"), v -> abs(v.minus(col("table_value")))
                .leq(lit(t.wanYuan()))))))
        .withColumn("stated_values", array_sort(transform(col("values"),
            v -> v.cast("string"))));
    return form(mismatched, "NARRATIVE_TABLE_MISMATCH", ev("figure", col("key"),
        "table_wan_yuan", col("table_value"), "stated_wan_yuan",
        concat_ws(" / ", col("stated_values"))), col("first_line"));
  }

  /**
   * The money figures (万元) the digit tests count, with fiscal year and document: each form's
   * executed amount, and the figures its document states that are none of its forms' initial,
   * adjusted or executed amounts. A form's three budget figures are one measurement stated
   * thrice (and again in the prose); counting them all would weigh each unit's first digit three
   * to six times and make honest populations look non-conforming.
   */
  static Dataset<Row> amounts(Dataset<Row> forms, Dataset<Row> facts) {
    Dataset<Row> formFigures = null;
    for (String c : List.of("initial_wan_yuan", "adjusted_wan_yuan", "executed_wan_yuan")) {
      Dataset<Row> f = forms.select(col("source_file").as("ff"), col(c).as("fv"));
      formFigures = formFigures == null ? f : formFigures.unionByName(f);
    }
    Dataset<Row> stated = facts.where(col("unit").equalTo("万元"))
        .join(formFigures, col("source_file").equalTo(col("ff"))
            .and(col("value").equalTo(col("fv"))), "left_anti")
        .select(col("fiscal_year"), col("source_file"), col("value").as("amount"));
    return stated.unionByName(forms.select(col("fiscal_year"), col("source_file"),
        col("executed_wan_yuan").as("amount"))).where(col("amount").isNotNull());
  }

  /** Per form: execution figures, the lines to point at, and counts over its indicator rows. */
  static Dataset<Row> formFacts(Dataset<Row> forms, Dataset<Row> execution,
      Dataset<Row> deviations, FlagThresholds.Scores t) {
    Column full = fullMarks(t);
    Column quantitative = col("scoring_rule").isin(QUANTITATIVE_RULES.toArray());
    Dataset<Row> perForm = deviations.where(col("weight").isNotNull()).groupBy(col("form_id"))
        .agg(sum(when(full, 1).otherwise(0)).as("full_marks_count"),
            sum(when(quantitative, 1).otherwise(0)).as("quantitative_count"),
            sum(col("weight")).as("indicator_weight"),
            sum(when(not(quantitative), col("weight")).otherwise(lit(BigDecimal.ZERO)))
                .as("qualitative_weight"),
            sum(when(not(quantitative).and(full), col("weight"))
                .otherwise(lit(BigDecimal.ZERO))).as("qualitative_full_weight"))
        .withColumnRenamed("form_id", "agg_form_id");
    Dataset<Row> lines = forms.select(col("form_id").as("line_form_id"),
        col("reported_total_line"), col("budget_line"), col("has_problems"),
        col("problems_line"));
    return execution
        .join(lines, col("form_id").equalTo(col("line_form_id")), "inner")
        .join(perForm, col("form_id").equalTo(col("agg_form_id")), "left_outer")
        .drop("line_form_id", "agg_form_id");
  }

  /** A row scored at its full weight, to the configured tolerance. */
  static Column fullMarks(FlagThresholds.Scores t) {
    return col("score").geq(col("weight").minus(lit(t.tolerance())));
  }

  private static Column nonStandardWeights(Map<String, BigDecimal> w) {
    return coalesce(col("weight_output"), lit(BigDecimal.ZERO)).notEqual(lit(w.get("产出指标")))
        .or(coalesce(col("weight_effect"), lit(BigDecimal.ZERO)).notEqual(lit(w.get("效益指标"))))
        .or(coalesce(col("weight_satisfaction"), lit(BigDecimal.ZERO))
            .notEqual(lit(w.get("满意度指标"))));
  }

  private static Column severity(FlagThresholds.Severities t) {
    Column s = lit(null).cast("string");
    for (Map.Entry<String, String> e : t.byRule().entrySet()) {
      s = when(col("rule_id").equalTo(e.getKey()), lit(e.getValue())).otherwise(s);
    }
    return s;
  }

  /** Evidence as name/value pairs, in order. */
  static Map<String, Column> ev(Object... pairs) {
    Map<String, Column> m = new LinkedHashMap<>();
    for (int k = 0; k < pairs.length; k += 2) {
      m.put((String) pairs[k], (Column) pairs[k + 1]);
    }
    return m;
  }

  static Dataset<Row> form(Dataset<Row> rows, String rule, Map<String, Column> evidence,
      Column line) {
    return form(rows, lit(rule), evidence, line);
  }

  /** Flag rows of a form rule whose id is a column (rules judged together). */
  static Dataset<Row> form(Dataset<Row> rows, Column rule, Map<String, Column> evidence,
      Column line) {
    return rowsOf(rows, array(flag(rule, evidence, line, lit(null).cast("string"))));
  }

  static Dataset<Row> indicator(Dataset<Row> rows, String rule,
      Map<String, Column> evidence) {
    return rowsOf(rows, array(flag(lit(rule), evidence, col("line"), col("indicator_id"))));
  }

  /**
   * The flag a row gets: rule id, indicator, evidence (as text, and as name/value pairs) and
   * report line, as one struct.
   */
  private static Column flag(Column rule, Map<String, Column> evidence, Column line,
      Column indicatorId) {
    List<Column> kv = new ArrayList<>();
    List<Column> text = new ArrayList<>();
    for (Map.Entry<String, Column> e : evidence.entrySet()) {
      Column v = coalesce(e.getValue().cast("string"), lit("null"));
      kv.add(lit(e.getKey()));
      kv.add(v);
      text.add(format_string(e.getKey() + "=%s", v));
    }
    return struct(rule.as("rule_id"), indicatorId.as("indicator_id"),
        concat_ws(", ", text.toArray(new Column[0])).as("evidence"),
        map(kv.toArray(new Column[0])).as("evidence_values"), line.cast("int").as("source_line"));
  }

  /** One flag row per non-null element of {@code flags}, an array of {@link #flag} structs. */
  private static Dataset<Row> rowsOf(Dataset<Row> rows, Column flags) {
    return rows.select(col("unit_id"), col("fiscal_year"), col("form_id"), col("source_file"),
            explode(flags).as("_flag"))
        .where(col("_flag").isNotNull())
        .select(col("_flag.rule_id").as("rule_id"), col("unit_id"), col("fiscal_year"),
            col("form_id"), col("_flag.indicator_id").as("indicator_id"),
            col("_flag.evidence").as("evidence"),
            col("_flag.evidence_values").as("evidence_values"), col("source_file"),
            col("_flag.source_line").as("source_line"));
  }

  /**
   * The flags of {@code rules} on {@code rows}, all rules in one pass: each row gives one flag
   * per rule whose condition it meets. {@code indicators}: the rows are indicator rows, and
   * each flag names its row.
   */
  static Dataset<Row> judge(List<RowRule> rules, Dataset<Row> rows, boolean indicators) {
    Column indicatorId = indicators ? col("indicator_id") : lit(null).cast("string");
    List<Column> flags = new ArrayList<>();
    for (RowRule r : rules) {
      flags.add(when(r.condition(), flag(lit(r.code()), r.evidence(), r.line(), indicatorId)));
    }
    return rowsOf(rows, array(flags.toArray(new Column[0])));
  }
}
