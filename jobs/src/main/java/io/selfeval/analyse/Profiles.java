package io.selfeval.analyse;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import io.selfeval.warehouse.Tables;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Per unit and year: the profile that peer and history comparisons work on. */
public final class Profiles {

  private static final scala.collection.immutable.Seq<String> KEY =
      scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of("unit_id", "fiscal_year"))
          .toList();

  private Profiles() {}

  /**
   * One row per unit and year. Cluster columns are null here: {@link Clusters#assign} fills
   * them over the finished profiles. A form whose document names no unit or no fiscal year
   * (warnings {@code NO_UNIT}, {@code NO_YEAR}) belongs to no unit-year, so it gets no profile;
   * it stays in the forms, their metrics and flags. The flag counts are zero here: the pattern
   * rules judge these profiles, and {@link #withFlagCounts} then counts every flag into them.
   */
  public static Dataset<Row> unitYearProfiles(Dataset<Row> execution, Dataset<Row> deviations,
      Dataset<Row> units, Dataset<Row> targetChanges, FlagThresholds.Scores scores,
      FlagThresholds.Peers peers, String rulePack) {
    Column quantitative = col("relative_deviation").isNotNull()
        .or(col("is_exact_hit").isNotNull());
    Column full = Flags.fullMarks(scores);
    Dataset<Row> rows = deviations.where(col("unit_id").isNotNull())
        .groupBy(col("unit_id"), col("fiscal_year")).agg(
        count(lit(1)).cast("int").as("indicator_rows"),
        sum(when(quantitative, 1).otherwise(0)).cast("int").as("quantitative_rows"),
        sum(when(col("is_exact_hit"), 1).otherwise(0)).as("exact_hits"),
        sum(when(col("weight").isNotNull(), 1).otherwise(0)).as("weighted_rows"),
        sum(when(full, 1).otherwise(0)).as("full_rows"),
        sum(col("weight")).as("weight_sum"),
        sum(when(quantitative, lit(BigDecimal.ZERO)).otherwise(col("weight")))
            .as("qualitative_weight"),
        avg(col("relative_deviation")).as("mean_relative_deviation"),
        expr("percentile(relative_deviation, 0.5)").as("median_relative_deviation"));
    Column unitForm = col("form_kind").equalTo("unit");
    Dataset<Row> forms = execution.where(col("unit_id").isNotNull()
            .and(col("fiscal_year").isNotNull()))
        .groupBy(col("unit_id"), col("fiscal_year")).agg(
        count(lit(1)).cast("int").as("forms"),
        sum(when(unitForm, 0).otherwise(1)).cast("int").as("project_forms"),
        try_divide(sum(when(unitForm, col("executed_wan_yuan"))),
            sum(when(unitForm, col("adjusted_wan_yuan")))).as("execution_rate"),
        try_divide(sum(when(unitForm, col("adjusted_wan_yuan"))),
            sum(when(unitForm, col("initial_wan_yuan")))).minus(lit(1)).as("adjustment_ratio"),
        avg(when(col("fair_total").isNotNull(), col("reported_total"))).as("reported_total"),
        avg(when(col("reported_total").isNotNull(), col("fair_total"))).as("fair_total"),
        avg(col("inflation_points")).as("inflation_points"));
    Column notRaised = col("after_beaten").and(col("change").notEqual("raised"));
    Dataset<Row> changes = targetChanges.groupBy(col("unit_id"), col("fiscal_year")).agg(
        count(lit(1)).cast("int").as("targets_compared"),
        sum(when(col("change").equalTo("raised"), 1).otherwise(0)).cast("int")
            .as("targets_raised"),
        sum(when(col("change").equalTo("repeated"), 1).otherwise(0)).cast("int")
            .as("targets_repeated"),
        sum(when(col("change").equalTo("lowered"), 1).otherwise(0)).cast("int")
            .as("targets_lowered"),
        sum(when(notRaised, 1).otherwise(0)).cast("int").as("targets_not_raised_after_beaten"));
    Dataset<Row> names = units.select(col("unit_id").as("name_unit_id"),
        col("canonical_name").as("unit_name"));
    Dataset<Row> profile = forms
        .join(rows, KEY, "left_outer")
        .join(changes, KEY, "left_outer")
        .join(names, col("unit_id").equalTo(col("name_unit_id")), "left_outer");
    return Tables.UNIT_YEAR_PROFILES.conform(profile
        .withColumn("indicator_rows", coalesceInt("indicator_rows"))
        .withColumn("quantitative_rows", coalesceInt("quantitative_rows"))
        .withColumn("exact_hit_share", try_divide(col("exact_hits"), col("quantitative_rows")))
        .withColumn("full_marks_share", try_divide(col("full_rows"), col("weighted_rows")))
        .withColumn("qualitative_share", try_divide(col("qualitative_weight"),
            col("weight_sum")))
        .withColumn("unit_kind", unitKind(peers.kinds()))
        .withColumn("peer_group", concat_ws("|", peers.groupBy().stream()
            .map(c -> col(c).cast("string")).toArray(Column[]::new)))
        .withColumn("targets_compared", coalesceInt("targets_compared"))
        .withColumn("targets_raised", coalesceInt("targets_raised"))
        .withColumn("targets_repeated", coalesceInt("targets_repeated"))
        .withColumn("targets_lowered", coalesceInt("targets_lowered"))
        .withColumn("targets_not_raised_after_beaten",
            coalesceInt("targets_not_raised_after_beaten"))
        .withColumn("cluster", lit(null).cast("int"))
        .withColumn("cluster_k", lit(null).cast("int"))
        .withColumn("anomaly_score", lit(null).cast("decimal(22,6)"))
        .withColumn("flags", lit(0))
        .withColumn("high_flags", lit(0))
        .withColumn("rule_pack", lit(rulePack)));
  }

  /** {@code profiles} with {@code flags} and {@code high_flags} counted from {@code flags}. */
  public static Dataset<Row> withFlagCounts(Dataset<Row> profiles, Dataset<Row> flags) {
    Dataset<Row> flagged = flags.where(col("unit_id").isNotNull())
        .groupBy(col("unit_id"), col("fiscal_year")).agg(
        count(lit(1)).cast("int").as("flag_count"),
        sum(when(col("severity").equalTo("high"), 1).otherwise(0)).cast("int")
            .as("high_flag_count"));
    return Tables.UNIT_YEAR_PROFILES.conform(profiles.drop("flags", "high_flags")
        .join(flagged, KEY, "left_outer")
        .withColumn("flags", coalesceInt("flag_count"))
        .withColumn("high_flags", coalesceInt("high_flag_count")));
  }

  /** The first configured kind whose suffixes end the unit's name; {@code other} if none. */
  static Column unitKind(List<FlagThresholds.UnitKind> kinds) {
    Column name = coalesce(col("unit_name"), lit(""));
    Column kind = lit("other");
    for (int i = kinds.size() - 1; i >= 0; i--) {
      Column matches = lit(false);
      for (String suffix : kinds.get(i).suffixes()) {
        matches = matches.or(name.endsWith(suffix));
      }
      kind = when(matches, lit(kinds.get(i).kind())).otherwise(kind);
    }
    return kind;
  }

  private static Column coalesceInt(String c) {
    return coalesce(col(c), lit(0));
  }
}
