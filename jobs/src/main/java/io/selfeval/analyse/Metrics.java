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

  /** One row per form: execution rates, recomputed and fair totals, inflation points. */
  public static Dataset<Row> formExecution(Dataset<Row> forms, Dataset<Row> deviations,
      RulePack pack) {
    Dataset<Row> perForm = deviations.groupBy(col("form_id")).agg(
        sum(col("score")).as("indicator_score_sum"),
        sum(coalesce(col("expected_score"), col("score"))).as("expected_score_sum"),
        sum(when(col("level1").startsWith("产出"), col("weight"))).as("weight_output"),
        sum(when(col("level1").startsWith("效益"), col("weight"))).as("weight_effect"),
        sum(when(col("level1").startsWith("满意度"), col("weight"))).as("weight_satisfaction"),
        sum(col("weight")).as("indicator_weight_sum"),
        count(lit(1)).cast("int").as("indicator_count"),
        sum(when(col("expected_score").isNotNull(), 1).otherwise(0)).cast("int")
            .as("measurable_count"),
        sum(when(col("is_exact_hit"), 1).otherwise(0)).cast("int").as("exact_hit_count"));
    Column weight = coalesce(col("budget_weight"), lit(pack.budgetWeight()));
    Column rate = try_divide(col("executed_wan_yuan"), col("adjusted_wan_yuan"));
    Column rawScore = weight.multiply(rate);
    // least() skips nulls: without a rate there is no score, not the weight
    Column budgetScore = when(rate.isNotNull(), round(pack.budgetScoreCapped()
        ? least(rawScore, weight) : rawScore, pack.scoreScale()));
    Dataset<Row> formColumns = forms.drop("indicator_count");
    Dataset<Row> joined = formColumns.join(perForm, formColumns.col("form_id").equalTo(perForm.col(
        "form_id")), "left_outer").drop(perForm.col("form_id"))
        .withColumn("execution_rate", rate)
        .withColumn("execution_rate_vs_initial",
            try_divide(col("executed_wan_yuan"), col("initial_wan_yuan")))
        .withColumn("adjustment_ratio",
            try_divide(col("adjusted_wan_yuan"), col("initial_wan_yuan")).minus(lit(1)))
        .withColumn("budget_weight_used", weight)
        .withColumn("recomputed_budget_score", budgetScore)
        .withColumn("rate_difference_pp", bround(col("reported_rate").minus(rate)
            .multiply(lit(100)), 6))
        .withColumn("budget_score_difference",
            col("reported_budget_score").minus(col("recomputed_budget_score")))
        .withColumn("recomputed_total", col("recomputed_budget_score")
            .plus(coalesce(col("indicator_score_sum"), lit(BigDecimal.ZERO))))
        .withColumn("fair_total", col("recomputed_budget_score")
            .plus(coalesce(col("expected_score_sum"), lit(BigDecimal.ZERO))))
        .withColumn("inflation_points", col("reported_total").minus(col("fair_total")))
        .withColumn("recomputed_grade", gradeOf(col("reported_total"), pack))
        .withColumn("weight_total", weight.plus(coalesce(col("indicator_weight_sum"),
            lit(BigDecimal.ZERO))))
        .withColumn("rule_pack", lit(pack.label()));
    return Tables.FORM_EXECUTION.conform(joined
        .withColumn("budget_weight", col("budget_weight_used"))
        .withColumn("indicator_count", coalesce(col("indicator_count"), lit(0)))
        .withColumn("measurable_count", coalesce(col("measurable_count"), lit(0)))
        .withColumn("exact_hit_count", coalesce(col("exact_hit_count"), lit(0))));
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
