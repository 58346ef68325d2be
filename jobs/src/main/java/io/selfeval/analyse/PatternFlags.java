package io.selfeval.analyse;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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

  /** Rows of flags in the column layout {@link Flags} gives its own (before ids and severity). */
  static List<Dataset<Row>> flags(Dataset<Row> deviations, Dataset<Row> profiles,
      Dataset<Row> execution, FlagThresholds t) {
    List<Dataset<Row>> out = new ArrayList<>();
    out.add(satisfactionAtThreshold(deviations, t));
    Dataset<Row> anchors = execution.where(col("form_kind").equalTo("unit"))
        .groupBy(col("unit_id").as("a_unit"), col("fiscal_year").as("a_year"))
        .agg(min(col("form_id")).as("form_id"), min(col("source_file")).as("source_file"),
            min(col("line_start")).as("line_start"));
    Dataset<Row> anchored = profiles.join(anchors, col("unit_id").equalTo(col("a_unit"))
        .and(col("fiscal_year").equalTo(col("a_year"))), "inner");
    for (String metric : t.outlierMetrics()) {
      out.add(outliers(anchored, metric, "peer_group", t.outlierMinPeers(), t,
          "PEER_OUTLIER"));
      out.add(outliers(anchored, metric, "unit_id", t.outlierMinYears(), t,
          "HISTORY_OUTLIER"));
    }
    return out;
  }

  static Dataset<Row> satisfactionAtThreshold(Dataset<Row> deviations, FlagThresholds t) {
    Column satisfaction = col("level1").startsWith("满意度").or(col("level2").contains("满意度"))
        .or(col("name").contains("满意"));
    Column margin = col("actual_value").minus(col("target_value"));
    Dataset<Row> near = deviations.where(satisfaction
        .and(col("target_kind").equalTo("percent")).and(col("actual_kind").equalTo("percent"))
        .and(margin.geq(lit(0))).and(margin.leq(lit(t.satisfactionMarginPp()))));
    Dataset<Row> units = near.groupBy(col("unit_id").as("s_unit"))
        .agg(countDistinct(col("fiscal_year")).as("years"))
        .where(col("years").geq(t.satisfactionMinYears()));
    Dataset<Row> rows = near.join(units, col("unit_id").equalTo(col("s_unit")), "inner");
    return Flags.indicator(rows, "SATISFACTION_AT_THRESHOLD", Flags.ev("target",
        col("target_text"), "actual", col("actual_text"), "margin_pp", margin,
        "years_at_threshold", col("years")));
  }

  /** Unit-years whose metric has a robust z of at least the threshold within their group. */
  static Dataset<Row> outliers(Dataset<Row> profiles, String metric, String group,
      int minSize, FlagThresholds t, String rule) {
    Dataset<Row> known = profiles.where(col(metric).isNotNull());
    Dataset<Row> medians = known.groupBy(col(group).as("g"))
        .agg(expr("percentile(" + metric + ", 0.5)").as("median"), count(lit(1)).as("n"))
        .where(col("n").geq(minSize));
    Dataset<Row> withMedian = known.join(medians, col(group).equalTo(col("g")), "inner")
        .withColumn("abs_dev", abs(col(metric).minus(col("median"))));
    Dataset<Row> mads = withMedian.groupBy(col("g").as("mg"))
        .agg(expr("percentile(abs_dev, 0.5)").as("mad"));
    Column scale = greatest(col("mad"), lit(t.minMadOf(metric).doubleValue()));
    Column z = lit(0.6745).multiply(col(metric).minus(col("median"))).divide(scale);
    Dataset<Row> far = withMedian.join(mads, col("g").equalTo(col("mg")), "inner")
        .where(scale.gt(0)).withColumn("robust_z", z)
        .where(col("robust_z").geq(lit(t.outlierRobustZ())));
    return Flags.form(far, rule, Flags.ev("metric", lit(metric), "value", col(metric),
        "group", col(group), "group_median", col("median"), "mad", col("mad"), "mad_floor",
        lit(t.minMadOf(metric)), "robust_z", col("robust_z"), "group_size", col("n")),
        col("line_start"));
  }
}
