package io.selfeval.analyse;

import static io.selfeval.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.selfeval.spark.SharedSpark;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The same small form under both rule packs; every expectation computed by hand. */
class MetricsTest {

  private static final StructType FORMS = AnalyseFixtures.FORMS;
  private static final StructType INDICATORS = AnalyseFixtures.INDICATORS;

  private static BigDecimal dec(String v) {
    return new BigDecimal(v);
  }

  private final SparkSession spark = SharedSpark.get();

  private Row scored(String pack) {
    // budget 100 -> 120 adjusted, 126 executed (105 %); reported rate 100 %, score 10
    Dataset<Row> forms = spark.createDataFrame(List.of(RowFactory.create("f1", "u1", 2024,
        "project", dec("100"), dec("120"), dec("126"), dec("10"), dec("1"), dec("10"),
        dec("100"), "优", 2, "a.txt", 1, 30, 5, false, null, "巡查", true)), FORMS);
    Dataset<Row> indicators = spark.createDataFrame(List.of(
        RowFactory.create("f1#0", "f1", 0, "u1", 2024, "产出指标", "数量指标", "巡查次数", "100次",
            "160次", null, dec("50"), dec("50"), "a.txt", 10),
        RowFactory.create("f1#1", "f1", 1, "u1", 2024, "效益指标", "经济效益指标", "罚没收入",
            "400万元", "300万元", null, dec("40"), dec("40"), "a.txt", 11)), INDICATORS);
    RulePack rules = RulePack.load(pack);
    Dataset<Row> deviations = Metrics.indicatorDeviations(indicators, rules);
    assertEquals(DataTypes.createDecimalType(22, 6),
        deviations.schema().apply("expected_score").dataType());
    return Metrics.formExecution(forms, deviations, rules).first();
  }


  @Test
  void nationalPackCapsTheBudgetScoreAndKeepsFullWeightForModestOverAchievement() {
    Row r = scored("national");
    assertDecimal("1.05", r.getAs("execution_rate"), "126 / 120");
    assertDecimal("1.26", r.getAs("execution_rate_vs_initial"), "126 / 100");
    assertDecimal("0.2", r.getAs("adjustment_ratio"), "120 / 100 - 1");
    assertDecimal("10", r.getAs("recomputed_budget_score"), "min(10 x 1.05, 10)");
    assertDecimal("-5", r.getAs("rate_difference_pp"), "100 % printed vs 105 %");
    assertDecimal("0", r.getAs("budget_score_difference"), "10 printed");
    assertDecimal("90", r.getAs("indicator_score_sum"), "50 + 40 awarded");
    assertDecimal("80", r.getAs("expected_score_sum"), "50 + 40 x 300 / 400");
    assertDecimal("100", r.getAs("recomputed_total"), "10 + 90");
    assertDecimal("90", r.getAs("fair_total"), "10 + 80");
    assertDecimal("10", r.getAs("inflation_points"), "100 - 90");
    assertEquals("优", r.getAs("recomputed_grade"));
    assertDecimal("100", r.getAs("weight_total"), "10 + 50 + 40");
    assertEquals(2, (int) r.getAs("measurable_count"));
    assertEquals("national@2021.1", r.getAs("rule_pack"));
  }

  @Test
  void hunanPackScoresTheSameFormDifferently() {
    Row r = scored("hunan");
    assertDecimal("10.5", r.getAs("recomputed_budget_score"), "10 x 1.05, not capped");
    assertDecimal("-0.5", r.getAs("budget_score_difference"), "10 printed - 10.5");
    assertDecimal("70", r.getAs("expected_score_sum"), "50 x 0.8 (160 >= 1.5 x 100) + 30");
    assertDecimal("80.5", r.getAs("fair_total"), "10.5 + 70");
    assertDecimal("19.5", r.getAs("inflation_points"), "100 - 80.5");
    assertEquals("hunan@2021.1", r.getAs("rule_pack"));
  }

  @Test
  void eachIndicatorRowIsAssessedOnceThoughItsAssessmentFillsFifteenColumns() {
    Dataset<Row> indicators = spark.createDataFrame(List.of(
        RowFactory.create("f1#0", "f1", 0, "u1", 2024, "产出指标", "数量指标", "巡查次数", "100次",
            "160次", null, dec("50"), dec("50"), "a.txt", 10)), INDICATORS)
        .localCheckpoint(true); // as from a table: rows the optimiser cannot evaluate itself
    Dataset<Row> deviations = Metrics.indicatorDeviations(indicators, RulePack.load("national"));
    // were the optimiser to inline the struct into each of its fields, the parser would run
    // once per field: fifteen times a row
    String plan = deviations.queryExecution().optimizedPlan().toString();
    assertEquals(1, plan.split("AssessFunction|UDF\\(", -1).length - 1, plan);
    assertEquals("exceeded", deviations.first().getAs("status"), "160 of a target of 100");
  }
}
