package io.selfeval.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.selfeval.spark.SharedSpark;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Rules the seeds do not trigger, each on a small inline form made to trigger it. */
class FlagsTest {

  private static final StructType FORMS = AnalyseFixtures.FORMS;
  private static final StructType INDICATORS = AnalyseFixtures.INDICATORS;

  private final SparkSession spark = SharedSpark.get();

  private static BigDecimal dec(String v) {
    return v == null ? null : new BigDecimal(v);
  }

  private static Row indicator(String form, int pos, String level1, String name, String target,
      String actual, String weight, String score) {
    return RowFactory.create(form + "#" + pos, form, pos, "u", 2024, level1, "数量指标", name,
        target, actual, null, dec(weight), dec(score), form + ".txt", 10 + pos);
  }

  @Test
  void eachRuleFiresOnTheFormMadeForItAndNowhereElse() {
    // f1: budget score above its weight, rate printed 90 % for 100 %, grade 优 for 85 points,
    //     weights 40/40/10; a missed target scored in full; a score above its weight
    // f2: four quantitative rows, every actual exactly its target; budget, parts, weights and
    //     totals all consistent, so nothing else fires
    Dataset<Row> forms = spark.createDataFrame(List.of(
        RowFactory.create("f1", "u", 2024, "project", dec("100"), dec("100"), dec("100"),
            dec("10"), dec("0.9"), dec("12"), dec("85"), "优", 3, "f1.txt", 1, 40, 5, false,
            null, "罚没经费", true),
        RowFactory.create("f2", "u", 2024, "project", dec("50"), dec("50"), dec("45"),
            dec("10"), dec("0.9"), dec("9"), dec("99"), null, 4, "f2.txt", 1, 40, 5, false,
            null, "巡查经费", true)), FORMS);
    // the basic-data table of f1's document agrees with its form (100); f2's says 44, not 45
    Dataset<Row> facts = spark.createDataFrame(List.of(
        RowFactory.create("f1#0", "f1", 0, "u", 2024, "project_line", "(1)罚没经费",
            dec("100"), "万元", "final", "(1)罚没经费 | 90 | 100 | 100", "f1.txt", 70),
        RowFactory.create("f2#0", "f2", 0, "u", 2024, "project_line", "2、巡查经费",
            dec("44"), "万元", "final", "2、巡查经费 | 40 | 50 | 44", "f2.txt", 75),
        RowFactory.create("f2#1", "f2", 1, "u", 2024, "project_line", "巡查经费",
            dec("44"), "万元", null, "巡查经费支出44万元", "f2.txt", 9)),
        io.selfeval.model.Schemas.ddl("tables/facts.ddl"));
    Dataset<Row> indicators = spark.createDataFrame(List.of(
        indicator("f1", 0, "产出指标", "巡查次数", "100次", "80次", "40", "40"),
        indicator("f1", 1, "效益指标", "罚没收入", "400万元", "400万元", "40", "43"),
        indicator("f1", 2, "满意度指标", "满意率", "≥90%", "95%", "10", "10"),
        indicator("f2", 0, "产出指标", "巡查次数", "100次", "100次", "25", "25"),
        indicator("f2", 1, "产出指标", "宣传次数", "12次", "12次", "25", "25"),
        indicator("f2", 2, "效益指标", "罚没收入", "400万元", "400万元", "30", "30"),
        indicator("f2", 3, "满意度指标", "满意率", "90%", "90%", "10", "10")), INDICATORS);
    RulePack pack = RulePack.load("national");
    Dataset<Row> deviations = Metrics.indicatorDeviations(indicators, pack);
    Dataset<Row> execution = Metrics.formExecution(forms, deviations, pack);
    FlagThresholds t = FlagThresholds.load(null);
    List<String> fired = Flags.flags(forms, execution, deviations, facts, null, t, pack.label())
        .selectExpr("concat_ws(' ', form_id, rule_id, severity, cast(source_line as string))")
        .as(Encoders.STRING()).collectAsList().stream().sorted().toList();

    assertEquals(List.of(
        "f1 ALL_FULL_MARKS medium 40", // 40/40, 43/40, 10/10
        "f1 BUDGET_SCORE_MISMATCH medium 5", // 12 printed, 10 x 100 % recomputed
        "f1 FULL_MARKS_DESPITE_MISS high 10", // 80 of 100 visits, 40 of 40 points
        "f1 GRADE_MISMATCH medium 40", // 优 printed for 85 (良)
        "f1 PARTS_NOT_TOTAL high 40", // 12 + 93 = 105, 总分 85
        "f1 RATE_MISMATCH medium 5", // 90 % printed, 100 % recomputed
        "f1 SCORE_ABOVE_WEIGHT high 11", // 43 of 40
        "f1 SCORE_ABOVE_WEIGHT high 5", // budget 12 of 10
        "f1 SCORE_EXCESS medium 10", // 40 awarded, 40 x 80 / 100 = 32 expected
        "f1 SCORE_EXCESS medium 11", // 43 awarded, 40 expected
        "f1 WEIGHTS_NOT_STANDARD low 1", // 40/40/10
        "f2 ALL_EXACT_HITS medium 1", // 4 of 4 quantitative rows hit exactly
        "f2 ALL_FULL_MARKS medium 40", // f2: 45/50 = 90 % -> 9 printed, 9 + 90 = 99
        "f2 NARRATIVE_TABLE_MISMATCH medium 9"), fired); // 44 stated twice, 45 executed
  }

  @Test
  void twoFiguresStatedDifferentlyInOneFormAreTwoFlagsWithTwoKeys() {
    // a unit form: initial 80, adjusted 100, executed 90 (万元); its document's prose states a
    // budget of 110 and a spend of 95 (both disagree) and the initial 80 (agrees)
    Dataset<Row> forms = spark.createDataFrame(List.of(
        RowFactory.create("f3", "u", 2024, "unit", dec("80"), dec("100"), dec("90"), null,
            null, null, null, null, 0, "f3.txt", 1, null, 5, false, null, null, true)), FORMS);
    Dataset<Row> facts = spark.createDataFrame(List.of(
        RowFactory.create("f3#0", "f3", 0, "u", 2024, "budget_total", "预算收入", dec("110"),
            "万元", null, "2024 年预算收入 110.00 万元", "f3.txt", 6),
        RowFactory.create("f3#1", "f3", 1, "u", 2024, "initial_budget", "年初预算", dec("80"),
            "万元", null, "其中年初预算 80.00 万元", "f3.txt", 6),
        RowFactory.create("f3#2", "f3", 2, "u", 2024, "expenditure", "年支出", dec("95"),
            "万元", null, "2024 年支出 95.00 万元", "f3.txt", 7)),
        io.selfeval.model.Schemas.ddl("tables/facts.ddl"));
    Dataset<Row> indicators = spark.createDataFrame(List.<Row>of(), INDICATORS);
    RulePack pack = RulePack.load("national");
    Dataset<Row> deviations = Metrics.indicatorDeviations(indicators, pack);
    Dataset<Row> execution = Metrics.formExecution(forms, deviations, pack);
    Dataset<Row> flags = Flags.flags(forms, execution, deviations, facts, null,
        FlagThresholds.load(null), pack.label())
        .where("rule_id = 'NARRATIVE_TABLE_MISMATCH'");
    List<String> figures = flags.selectExpr("evidence_values['figure']")
        .as(Encoders.STRING()).collectAsList().stream().sorted().toList();
    assertEquals(List.of("budget_total", "expenditure"), figures);
    assertEquals(2, flags.select("flag_id").distinct().count(), "one key per figure");
  }

  @Test
  void anUnreadBudgetScoreIsNoZeroInTheSumOfParts() {
    // f4: the reader could not read the budget block (issue 20: a zero-width character in its
    // header), so amounts, weight and score are null; the indicators earned 88 of 90 and the
    // total printed is 98. Adding 0 for the unread score (88 vs 98) would flag a sum the form
    // never got wrong. f5: the same, but the budget score 8 was read: 8 + 88 = 96, not 98.
    Dataset<Row> forms = spark.createDataFrame(List.of(
        RowFactory.create("f4", "u", 2024, "project", null, null, null, null, null, null,
            dec("98"), null, 2, "f4.txt", 1, 40, null, false, null, "巡查经费", true),
        RowFactory.create("f5", "u", 2024, "project", null, null, null, null, null, dec("8"),
            dec("98"), null, 2, "f5.txt", 1, 40, 5, false, null, "巡查经费", true)), FORMS);
    Dataset<Row> indicators = spark.createDataFrame(List.of(
        indicator("f4", 0, "产出指标", "巡查次数", "100次", "100次", "50", "50"),
        indicator("f4", 1, "效益指标", "罚没收入", "400万元", "380万元", "40", "38"),
        indicator("f5", 0, "产出指标", "巡查次数", "100次", "100次", "50", "50"),
        indicator("f5", 1, "效益指标", "罚没收入", "400万元", "380万元", "40", "38")),
        INDICATORS);
    Dataset<Row> facts = spark.createDataFrame(List.<Row>of(),
        io.selfeval.model.Schemas.ddl("tables/facts.ddl"));
    RulePack pack = RulePack.load("national");
    Dataset<Row> deviations = Metrics.indicatorDeviations(indicators, pack);
    Dataset<Row> execution = Metrics.formExecution(forms, deviations, pack);
    List<String> fired = Flags.flags(forms, execution, deviations, facts, null,
            FlagThresholds.load(null), pack.label())
        .where("rule_id = 'PARTS_NOT_TOTAL'")
        .selectExpr("concat_ws(' ', form_id, evidence)").as(Encoders.STRING())
        .collectAsList();
    assertEquals(List.of("f5 budget_score=8.000000, indicator_scores=88.000000, "
        + "sum=96.000000, reported_total=98.000000"), fired);
  }

  @Test
  void evidenceNamesWhereItsLineStandsInTheOriginal() {
    // f1 read from a PDF (its line 11 is page 1 line 11), f2 from a text file (no locations)
    Dataset<Row> forms = spark.createDataFrame(List.of(
        RowFactory.create("f1", List.of(RowFactory.create(11, "page 1 line 11"),
            RowFactory.create(30, "page 2 line 3"))),
        RowFactory.create("f2", null)), StructType.fromDDL(
            "form_id STRING, source_locations ARRAY<STRUCT<line: INT, location: STRING>>"));
    Dataset<Row> flags = spark.createDataFrame(List.of(
        RowFactory.create("SCORE_ABOVE_WEIGHT", "f1", "weight=10, score=12",
            java.util.Map.of("weight", "10", "score", "12"), 11),
        RowFactory.create("PERFECT_TOTAL", "f1", "reported_total=100",
            java.util.Map.of("reported_total", "100"), 40),
        RowFactory.create("PERFECT_TOTAL", "f2", "reported_total=100",
            java.util.Map.of("reported_total", "100"), 11)), StructType.fromDDL(
            "rule_id STRING, form_id STRING, evidence STRING, "
                + "evidence_values MAP<STRING, STRING>, source_line INT"));
    List<String> got = Flags.withLocation(flags, forms)
        .selectExpr("concat_ws(' | ', form_id, evidence, "
            + "coalesce(evidence_values['location'], '-'))")
        .as(Encoders.STRING()).collectAsList().stream().sorted().toList();
    assertEquals(List.of(
        "f1 | reported_total=100 | -", // line 40 has no location recorded
        "f1 | weight=10, score=12, location=page 1 line 11 | page 1 line 11",
        "f2 | reported_total=100 | -"), got);
  }
}
