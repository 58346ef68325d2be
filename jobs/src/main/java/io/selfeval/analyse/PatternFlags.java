package io.selfeval.analyse;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Rules that need more than one form: satisfaction rates stuck just above their targets year
 * after year, and unit-years far from their peers (same year and kind of unit, configurable) or
 * from their own history, by robust z-score: 0.6745 × (x − median) / max(MAD, floor), with a
 * configured floor per metric so that a group whose values barely vary does not turn rounding
 * into outliers. One-sided: only values on the too-good side (above the median) are flagged.
 * Groups smaller than the configured minimum are not judged.
 */
final class PatternFlags {

  private PatternFlags() {}

  /**
   * PEER_OUTLIER and HISTORY_OUTLIER over the unit-year profiles, in the column layout
   * {@link Flags} gives its own (before ids and severity); each unit-year's flags point at its
   * first unit form.
   */
  static Dataset<Row> outlierFlags(Dataset<Row> profiles, Dataset<Row> execution,
      FlagThresholds.Outliers t) {
    Dataset<Row> anchors = execution.where(col("form_kind").equalTo("unit"))
        .groupBy(col("unit_id").as("a_unit"), col("fiscal_year").as("a_year"))
        .agg(min(col("form_id")).as("form_id"), min(col("source_file")).as("source_file"),
            min(col("line_start")).as("line_start"));
    Dataset<Row> anchored = profiles.join(anchors, col("unit_id").equalTo(col("a_unit"))
        .and(col("fiscal_year").equalTo(col("a_year"))), "inner");
    List<Outlier> judged = new ArrayList<>();
    for (String metric : t.metrics()) {
      judged.add(new Outlier(metric, "peer_group", t.minPeers(), "PEER_OUTLIER"));
      judged.add(new Outlier(metric, "unit_id", t.minYears(), "HISTORY_OUTLIER"));
    }
    return outliers(anchored, judged, t);
  }

  static Dataset<Row> satisfactionAtThreshold(Dataset<Row> deviations,
      FlagThresholds.Satisfaction t) {
    Column satisfaction = col("level1").startsWith("满意度").or(col("level2").contains("满意度"))
        .or(col("name").contains("满意"));
    Column margin = col("actual_value").minus(col("target_value"));
    Dataset<Row> near = deviations.where(satisfaction
        .and(col("target_kind").equalTo("percent")).and(col("actual_kind").equalTo("percent"))
        .and(margin.geq(lit(0))).and(margin.leq(lit(t.marginPp()))));
    Dataset<Row> units = near.groupBy(col("unit_id").as("s_unit"))
        .agg(countDistinct(col("fiscal_year")).as("years"))
        .where(col("years").geq(t.minYears()));
    Dataset<Row> rows = near.join(units, col("unit_id").equalTo(col("s_unit")), "inner");
    return Flags.indicator(rows, "SATISFACTION_AT_THRESHOLD", Flags.ev("target",
        col("target_text"), "actual", col("actual_text"), "margin_pp", margin,
        "years_at_threshold", col("years")));
  }

  /**
   * One outlier judgement: {@code metric} compared within groups of equal {@code group}, groups
   * of fewer than {@code minSize} rows not judged, flagged as {@code rule}.
   */
  record Outlier(String metric, String group, int minSize, String rule) {}

  /** Unit-years whose metric has a robust z of at least the threshold within their group. */
  static Dataset<Row> outliers(Dataset<Row> profiles, String metric, String group,
      int minSize, FlagThresholds.Outliers t, String rule) {
    return outliers(profiles, List.of(new Outlier(metric, group, minSize, rule)), t);
  }

  /**
   * {@link #outliers(Dataset, String, String, int, FlagThresholds.Outliers, String)} for every
   * judgement
   * at once: each row is repeated once per judgement, and medians, sizes and MADs are windows
   * over (rule, metric, group), so all judgements share one shuffle instead of two aggregations
   * and two joins each.
   */
  static Dataset<Row> outliers(Dataset<Row> profiles, List<Outlier> judged,
      FlagThresholds.Outliers t) {
    List<Column> cases = new ArrayList<>();
    for (Outlier o : judged) {
      BigDecimal floor = t.minMadOf(o.metric());
      cases.add(struct(lit(o.rule()).as("rule"), lit(o.metric()).as("metric"),
          col(o.metric()).cast("double").as("value"),
          col(o.metric()).cast("string").as("value_text"), col(o.group()).cast("string").as("g"),
          lit(o.minSize()).as("min_size"), lit(floor.doubleValue()).as("floor"),
          lit(floor).cast("string").as("floor_text")));
    }
    WindowSpec group = Window.partitionBy(col("rule"), col("metric"), col("g"));
    Dataset<Row> known = profiles.select(col("unit_id"), col("fiscal_year"), col("form_id"),
            col("source_file"), col("line_start"), explode(array(cases.toArray(Column[]::new)))
                .as("_o"))
        .select(col("*"), col("_o.*")).drop("_o")
        .where(col("value").isNotNull().and(col("g").isNotNull()));
    Dataset<Row> medians = known
        .withColumn("median", expr("percentile(value, 0.5)").over(group))
        .withColumn("n", count(lit(1)).over(group))
        .where(col("n").geq(col("min_size")))
        .withColumn("mad", expr("percentile(abs(value - median), 0.5)").over(group));
    Column scale = greatest(col("mad"), col("floor"));
    Column z = lit(0.6745).multiply(col("value").minus(col("median"))).divide(scale);
    Dataset<Row> far = medians.where(scale.gt(0)).withColumn("robust_z", z)
        .where(col("robust_z").geq(lit(t.robustZ())));
    return Flags.form(far, col("rule"), Flags.ev("metric", col("metric"), "value",
        col("value_text"), "group", col("g"), "group_median", col("median"), "mad", col("mad"),
        "mad_floor", col("floor_text"), "robust_z", col("robust_z"), "group_size", col("n")),
        col("line_start"));
  }
}
