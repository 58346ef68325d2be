package io.selfeval.analyse;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The score-inflation rules that one form and its indicator rows can show, as transformations
 * from the analysis tables to {@code int_flags} rows. Thresholds come from
 * {@link FlagThresholds}; each flag carries its evidence and the report line behind it.
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

  /** Every flag of the forms and indicator rows given. */
  public static Dataset<Row> flags(Dataset<Row> forms, Dataset<Row> execution,
      Dataset<Row> deviations, Dataset<Row> facts, Dataset<Row> profiles, FlagThresholds t,
      String rulePack) {
    final Column tol = lit(t.scoreTolerance());
    Column full = fullMarks(t);
    // The rules of one form or one indicator row are judged together, in one pass over their
    // table (a union of one filtered copy per rule planned and ran the same join over and over)
    RowRules perForm = new RowRules(false);
    RowRules perIndicator = new RowRules(true);
    perForm.add(col("reported_total").geq(lit(t.perfectTotal())), "PERFECT_TOTAL",
        ev("reported_total", col("reported_total")), col("reported_total_line"));
    perForm.add(col("indicator_count").gt(0).and(col("full_marks_count")
        .equalTo(col("indicator_count"))), "ALL_FULL_MARKS",
        ev("indicators", col("indicator_count"), "full_marks", col("full_marks_count")),
        col("reported_total_line"));
    perIndicator.add(col("status").equalTo("missed").and(full), "FULL_MARKS_DESPITE_MISS",
        ev("target", col("target_text"), "actual", col("actual_text"), "weight", col("weight"),
            "score", col("score"), "expected_score", col("expected_score"), "excess_points",
            col("score_excess")));
    perIndicator.add(col("score_excess").gt(lit(t.scoreExcessMinPoints())), "SCORE_EXCESS",
        ev("expected_score", col("expected_score"), "score", col("score"),
            "excess_points", col("score_excess"), "rule", col("scoring_rule")));
    perIndicator.add(col("score").gt(col("weight").plus(tol)), "SCORE_ABOVE_WEIGHT",
        ev("weight", col("weight"), "score", col("score")));
    perForm.add(col("reported_budget_score").gt(col("budget_weight").plus(tol)),
        "SCORE_ABOVE_WEIGHT", ev("budget_weight", col("budget_weight"),
            "reported_budget_score", col("reported_budget_score")), col("budget_line"));
    Column parts = coalesce(col("reported_budget_score"), lit(BigDecimal.ZERO))
        .plus(col("indicator_score_sum"));
    perForm.add(col("reported_total").isNotNull().and(col("indicator_count").gt(0))
        .and(abs(parts.minus(col("reported_total"))).gt(tol)), "PARTS_NOT_TOTAL",
        ev("budget_score", col("reported_budget_score"), "indicator_scores",
            col("indicator_score_sum"), "sum", parts, "reported_total", col("reported_total")),
        col("reported_total_line"));
    perForm.add(col("reported_grade").isNotNull()
        .and(col("reported_grade").notEqual(col("recomputed_grade"))), "GRADE_MISMATCH",
        ev("reported_grade", col("reported_grade"), "reported_total", col("reported_total"),
            "grade_of_total", col("recomputed_grade")), col("reported_total_line"));
    perForm.add(abs(col("rate_difference_pp")).gt(lit(t.rateTolerancePp())),
        "RATE_MISMATCH", ev("reported_rate", col("reported_rate"), "executed",
            col("executed_wan_yuan"), "adjusted", col("adjusted_wan_yuan"), "recomputed_rate",
            col("execution_rate"), "difference_pp", col("rate_difference_pp")),
        col("budget_line"));
    perForm.add(abs(col("budget_score_difference")).gt(tol),
        "BUDGET_SCORE_MISMATCH", ev("reported_budget_score", col("reported_budget_score"),
            "recomputed_budget_score", col("recomputed_budget_score")), col("budget_line"));
    perForm.add(col("indicator_count").gt(0).and(nonStandardWeights(t)),
        "WEIGHTS_NOT_STANDARD", ev("budget", col("budget_weight"), "产出指标",
            col("weight_output"), "效益指标", col("weight_effect"), "满意度指标",
            col("weight_satisfaction"), "total", col("weight_total")), col("line_start"));
    perIndicator.add(col("score").lt(col("weight").minus(tol))
        .and(col("deviation_reason").isNull()), "DEDUCTION_WITHOUT_REASON",
        ev("weight", col("weight"), "score", col("score")));
    perIndicator.add(full.and(col("deviation_reason").isNotNull()),
        "REASON_WITHOUT_DEDUCTION", ev("weight", col("weight"), "score", col("score"),
            "reason", col("deviation_reason")));
    perForm.add(abs(col("adjusted_wan_yuan").minus(col("initial_wan_yuan")))
        .gt(lit(t.amountToleranceWanYuan())).and(abs(col("executed_wan_yuan")
            .minus(col("adjusted_wan_yuan"))).leq(lit(t.amountToleranceWanYuan()))),
        "BUDGET_ADJUSTED_TO_SPEND", ev("initial", col("initial_wan_yuan"), "adjusted",
            col("adjusted_wan_yuan"), "executed", col("executed_wan_yuan")),
        col("budget_line"));
    perForm.add(col("quantitative_count").geq(t.exactHitsMinQuantitative())
        .and(col("exact_hit_count").geq(col("quantitative_count")
            .multiply(lit(t.exactHitsMinShare())))), "ALL_EXACT_HITS",
        ev("quantitative", col("quantitative_count"), "exact_hits", col("exact_hit_count")),
        col("line_start"));
    perForm.add(col("qualitative_weight").geq(col("indicator_weight")
            .multiply(lit(t.qualitativeHeavyMinShare())))
        .and(col("qualitative_weight").gt(0))
        .and(col("qualitative_full_weight").equalTo(col("qualitative_weight"))),
        "QUALITATIVE_HEAVY", ev("qualitative_weight", col("qualitative_weight"),
            "indicator_weight", col("indicator_weight")), col("line_start"));
    perForm.add(col("has_problems").and(col("reported_total")
        .geq(lit(t.highScoreMinTotal()))), "PROBLEMS_BUT_HIGH_SCORE",
        ev("reported_total", col("reported_total"), "problems_line", col("problems_line")),
        col("problems_line"));
    List<Dataset<Row>> all = new ArrayList<>();
    all.add(perForm.judge(formFacts(forms, execution, deviations, t)));
    all.add(perIndicator.judge(deviations.where(col("weight").isNotNull())));
    all.add(narrativeTableMismatch(forms, facts, t));
    if (profiles != null) {
      all.addAll(PatternFlags.flags(deviations, profiles, execution, t));
    }
    all.add(DigitTests.digitAnomalies(amounts(forms, facts), t));
    Dataset<Row> union = all.get(0);
    for (int k = 1; k < all.size(); k++) {
      union = union.unionByName(all.get(k));
    }
    return Tables.FLAGS.conform(union
        .withColumn("flag_id", flagId())
        .withColumn("severity", severity(t))
        .withColumn("rule_pack", lit(rulePack))
        .withColumn("thresholds_version", lit(t.version())));
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
      FlagThresholds t) {
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
                .leq(lit(t.amountToleranceWanYuan()))))))
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
      Dataset<Row> deviations, FlagThresholds t) {
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
  static Column fullMarks(FlagThresholds t) {
    return col("score").geq(col("weight").minus(lit(t.scoreTolerance())));
  }

  private static Column nonStandardWeights(FlagThresholds t) {
    Map<String, BigDecimal> w = t.standardLevel1Weights();
    return coalesce(col("weight_output"), lit(BigDecimal.ZERO)).notEqual(lit(w.get("产出指标")))
        .or(coalesce(col("weight_effect"), lit(BigDecimal.ZERO)).notEqual(lit(w.get("效益指标"))))
        .or(coalesce(col("weight_satisfaction"), lit(BigDecimal.ZERO))
            .notEqual(lit(w.get("满意度指标"))));
  }

  private static Column severity(FlagThresholds t) {
    Column s = lit(null).cast("string");
    for (Map.Entry<String, String> e : t.severity().entrySet()) {
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
   * Rules judged row by row on one table (forms, or indicator rows), all in one pass: each row
   * gives one flag per rule whose condition it meets (a null condition meets none).
   */
  private static final class RowRules {

    private final boolean indicators;
    private final List<Column> flags = new ArrayList<>();

    RowRules(boolean indicators) {
      this.indicators = indicators;
    }

    /** A rule whose flag points at {@code line} (form rules: the line of what they judge). */
    void add(Column condition, String rule, Map<String, Column> evidence, Column line) {
      Column indicatorId = indicators ? col("indicator_id") : lit(null).cast("string");
      flags.add(when(condition, flag(lit(rule), evidence, line, indicatorId)));
    }

    /** An indicator rule: its flag points at the indicator row's line, as {@link #indicator}. */
    void add(Column condition, String rule, Map<String, Column> evidence) {
      add(condition, rule, evidence, col("line"));
    }

    Dataset<Row> judge(Dataset<Row> rows) {
      return rowsOf(rows, array(flags.toArray(new Column[0])));
    }
  }
}
