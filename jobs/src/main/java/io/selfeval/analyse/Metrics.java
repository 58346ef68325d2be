package io.selfeval.analyse;

import static org.apache.spark.sql.functions.bround;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.selfeval.warehouse.Tables;
import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The analysis transformations: pure, no reads or writes, each ending with the select of its
 * table's declared schema.
 */
public final class Metrics {

  /** The struct column of each row's assessment, while its fields are taken out. */
  private static final String ASSESSMENT = "_assessment";

  private Metrics() {}

  /** One row per indicator row: parsed values, direction, status, expected score, excess. */
  public static Dataset<Row> indicatorDeviations(Dataset<Row> indicators, RulePack pack) {
    Column assessment = udf(new AssessFunction(pack), AssessFunction.OUTPUT).asNonNullable()
        .apply(col("name"), col("target_text"), col("actual_text"), col("weight"));
    Dataset<Row> assessed = indicators.withColumn(ASSESSMENT, assessment)
        .select(col("*"), col(ASSESSMENT + ".*")).drop(ASSESSMENT);
    return Tables.INDICATOR_DEVIATIONS.conform(assessed
        .withColumn("score_excess", col("score").minus(col("expected_score")))
        .withColumn("rule_pack", lit(pack.label())));
  }

  /**
   * One row per form: execution rates, recomputed and fair totals, inflation points. One select
   * of named expressions over the forms and their indicator rows' sums; {@code budget_weight} is
   * the weight used (as printed, else the pack's).
   */
  public static Dataset<Row> formExecution(Dataset<Row> forms, Dataset<Row> deviations,
      RulePack pack) {
    Dataset<Row> perForm = deviations.groupBy(col("form_id").as("agg_form_id")).agg(
        sum(col("score")).as("indicator_score_sum"),
        sum(coalesce(col("expected_score"), col("score"))).as("expected_score_sum"),
        sum(when(col("level1").startsWith("产出"), col("weight"))).as("weight_output"),
        sum(when(col("level1").startsWith("效益"), col("weight"))).as("weight_effect"),
        sum(when(col("level1").startsWith("满意度"), col("weight"))).as("weight_satisfaction"),
        sum(col("weight")).as("indicator_weight_sum"),
        count(lit(1)).cast("int").as("agg_indicator_count"),
        sum(when(col("expected_score").isNotNull(), 1).otherwise(0)).cast("int")
            .as("agg_measurable_count"),
        sum(when(col("is_exact_hit"), 1).otherwise(0)).cast("int").as("agg_exact_hit_count"));
    Column weight = coalesce(col("budget_weight"), lit(pack.budgetWeight()));
    Column rate = try_divide(col("executed_wan_yuan"), col("adjusted_wan_yuan"));
    Column rawScore = weight.multiply(rate);
    // least() skips nulls: without a rate there is no score, not the weight
    Column budgetScore = when(rate.isNotNull(), round(pack.budgetScoreCapped()
        ? least(rawScore, weight) : rawScore, pack.scoreScale()));
    Column fairTotal = budgetScore.plus(coalesce(col("expected_score_sum"),
        lit(BigDecimal.ZERO)));
    Dataset<Row> joined = forms.drop("indicator_count")
        .join(perForm, col("form_id").equalTo(col("agg_form_id")), "left_outer");
    return Tables.FORM_EXECUTION.conform(joined.select(
        col("form_id"), col("unit_id"), col("fiscal_year"), col("form_kind"),
        col("initial_wan_yuan"), col("adjusted_wan_yuan"), col("executed_wan_yuan"),
        rate.as("execution_rate"),
        try_divide(col("executed_wan_yuan"), col("initial_wan_yuan"))
            .as("execution_rate_vs_initial"),
        try_divide(col("adjusted_wan_yuan"), col("initial_wan_yuan")).minus(lit(1))
            .as("adjustment_ratio"),
        weight.as("budget_weight"),
        budgetScore.as("recomputed_budget_score"),
        col("reported_rate"),
        bround(col("reported_rate").minus(rate).multiply(lit(100)), 6)
            .as("rate_difference_pp"),
        col("reported_budget_score"),
        col("reported_budget_score").minus(budgetScore).as("budget_score_difference"),
        col("indicator_score_sum"),
        col("expected_score_sum"),
        budgetScore.plus(coalesce(col("indicator_score_sum"), lit(BigDecimal.ZERO)))
            .as("recomputed_total"),
        fairTotal.as("fair_total"),
        col("reported_total"),
        col("reported_total").minus(fairTotal).as("inflation_points"),
        col("reported_grade"),
        gradeOf(col("reported_total"), pack).as("recomputed_grade"),
        col("weight_output"), col("weight_effect"), col("weight_satisfaction"),
        weight.plus(coalesce(col("indicator_weight_sum"), lit(BigDecimal.ZERO)))
            .as("weight_total"),
        coalesce(col("agg_indicator_count"), lit(0)).as("indicator_count"),
        coalesce(col("agg_measurable_count"), lit(0)).as("measurable_count"),
        coalesce(col("agg_exact_hit_count"), lit(0)).as("exact_hit_count"),
        lit(pack.label()).as("rule_pack"),
        col("source_file"), col("line_start")));
  }

  private static Column gradeOf(Column total, RulePack pack) {
    Column grade = lit(null).cast("string");
    for (int i = pack.grades().size() - 1; i >= 0; i--) {
      RulePack.Band b = pack.grades().get(i);
      grade = when(total.geq(lit(b.min())), lit(b.grade())).otherwise(grade);
    }
    return when(total.isNull(), lit(null).cast("string")).otherwise(grade);
  }

}
