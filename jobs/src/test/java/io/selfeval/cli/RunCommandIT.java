package io.selfeval.cli;

import static io.selfeval.Decimals.assertDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.pipeline.ExitCodes;
import io.selfeval.spark.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** {@code selfeval run} end to end on the seeds: the ledger, rejects, metrics, flags, marts. */
class RunCommandIT {

  @Test
  void runAccountsForEveryDocumentInTheLedgerAndRejects() throws Exception {
    String warehouse = SeedWarehouse.get().toString();
    SparkSession spark = SharedSpark.get();
    // the empty file is rejected, and no run had rejected it before: exit 4, not 0
    assertEquals(ExitCodes.SOME_REJECTED, SeedWarehouse.exitCode(), SeedWarehouse.output());

    List<Row> ledger = spark.read().format("delta").load(warehouse + "/delta/runs")
        .orderBy("started_at", "ended_at").collectAsList();
    assertEquals(List.of("extract", "load", "analyse", "publish", "site"),
        ledger.stream().map(r -> r.<String>getAs("stage")).toList());
    String runId = ledger.get(0).getAs("run_id");
    for (Row r : ledger) {
      assertEquals(runId, r.getAs("run_id"));
    }
    assertEquals("ok", ledger.get(2).getAs("outcome"));
    assertEquals("ok", ledger.get(3).getAs("outcome"));
    String last = SeedWarehouse.output().strip().lines().reduce((a, b) -> b).orElse("");
    assertTrue(last.matches("run " + runId + ": done in [0-9.]+ s; 6 documents: 5 loaded, "
        + "0 unchanged, 1 rejected \\(1 new\\); 9 forms, 24 flags; marts published; site "
        + "\\S+/site/current/index.html \\(exit 4\\)"), last);
    Row extract = ledger.get(0);
    final Row load = ledger.get(1);
    // extract: 6 documents in = 5 parsed + 1 rejected (the empty file)
    assertEquals(6L, (long) extract.getAs("documents_in"));
    assertEquals(5L, (long) extract.getAs("documents_done"));
    assertEquals(1L, (long) extract.getAs("documents_rejected"));
    assertEquals("ok_with_rejects", extract.getAs("outcome"));
    // load: 5 documents in = 5 loaded + 0 skipped + 0 rejected
    long in = load.getAs("documents_in");
    assertEquals(in, (long) load.<Long>getAs("documents_done")
        + load.<Long>getAs("documents_skipped") + load.<Long>getAs("documents_rejected"));
    assertEquals(5L, in);
    assertEquals(9L, (long) load.getAs("records_loaded"));

    List<Row> rejects = spark.read().format("delta").load(warehouse + "/delta/rejects")
        .collectAsList();
    assertEquals(1, rejects.size());
    assertEquals("empty.txt", rejects.get(0).getAs("source_file"));
    assertEquals("extract", rejects.get(0).getAs("stage"));
    assertEquals("empty file (0 bytes)", rejects.get(0).getAs("reason"));

    // analyse, checked against figures computed by hand from the seed reports
    Dataset<Row> execution = spark.read().format("delta")
        .load(warehouse + "/delta/int_form_execution");
    assertEquals(9, execution.count());
    Row prose = execution.where("source_file like '000%'").first();
    assertNull(prose.getAs("recomputed_budget_score"), "no budget table, no score");
    assertNull(prose.getAs("fair_total"));
    Row unit003 = execution.where("source_file like '003%' and form_kind = 'unit'").first();
    assertDecimal("0.971962", unit003.getAs("execution_rate"), "1627.57 / 1674.52");
    assertDecimal("9.72", unit003.getAs("recomputed_budget_score"), "10 x 97.196 %");
    assertDecimal("87", unit003.getAs("indicator_score_sum"), "17 awarded scores");
    assertDecimal("96.72", unit003.getAs("recomputed_total"), "9.72 + 87");
    assertDecimal("96.72", unit003.getAs("reported_total"), "printed 总分");
    assertDecimal("50", unit003.getAs("weight_output"), "产出指标");
    assertDecimal("30", unit003.getAs("weight_effect"), "效益指标");
    assertDecimal("10", unit003.getAs("weight_satisfaction"), "满意度指标");
    assertDecimal("100", unit003.getAs("weight_total"), "10 + 90");
    assertEquals("national@2021.1", unit003.getAs("rule_pack"));
    Row affairs = execution.join(spark.read().format("delta").load(warehouse + "/delta/forms")
            .where("project_name = '城管事务经费'").select("form_id"), "form_id").first();
    assertDecimal("0.979933", affairs.getAs("execution_rate"), "244.65 / 249.66");
    assertDecimal("9.80", affairs.getAs("recomputed_budget_score"), "10 x 97.99 %");
    assertDecimal("0", affairs.getAs("budget_score_difference"), "printed 9.8");
    Row caseFees = execution.join(spark.read().format("delta")
        .load(warehouse + "/delta/forms").where("project_name = '办案费'").select("form_id"),
        "form_id").first();
    assertDecimal("97", caseFees.getAs("recomputed_total"), "10 + 87, printed 96");
    assertDecimal("-1", ((java.math.BigDecimal) caseFees.getAs("reported_total"))
        .subtract(caseFees.getAs("recomputed_total")), "96 - 97");
    Row revenue = spark.read().format("delta").load(warehouse
        + "/delta/int_indicator_deviations").where("name = '增加财政非税收入'").first();
    assertDecimal("3.62", revenue.getAs("expected_score"), "8 x 11.32 / 25");
    assertDecimal("1.38", revenue.getAs("score_excess"), "5 - 3.62");
    assertEquals("missed", revenue.getAs("status"));

    // flags: each one checked against the report text by hand (file, rule, line)
    List<String> flags = spark.read().format("delta").load(warehouse + "/delta/int_flags")
        .selectExpr("concat_ws(' ', substring(source_file, 1, 3), rule_id, "
            + "cast(source_line as string))").as(Encoders.STRING()).collectAsList().stream()
        .sorted().toList();
    assertEquals(List.of(
        "001 ALL_FULL_MARKS 117", // nine indicators, each at its weight
        "001 BUDGET_ADJUSTED_TO_SPEND 100", // 1064.54 -> 1112.67 = executed 1112.67
        "001 PERFECT_TOTAL 117", // 总分 100
        "001 PROBLEMS_BUT_HIGH_SCORE 86", // 存在的问题 lists one, total 100
        "003 ALL_FULL_MARKS 725", // 附件1-1 协管员经费: 15 rows at full weight
        "003 BUDGET_ADJUSTED_TO_SPEND 1052", // 办案费 2.51 -> 32.26 = executed 32.26
        "003 NARRATIVE_TABLE_MISMATCH 14", // 办案费 form executes 32.26; prose, 附件1 say 32.25
        "003 PARTS_NOT_TOTAL 1291", // 办案费 10 + 87 = 97, 总分 96
        "003 PERFECT_TOTAL 725", // 附件1-1 总分 100
        "003 PROBLEMS_BUT_HIGH_SCORE 471", // the project report's problems, four forms >= 90
        "003 PROBLEMS_BUT_HIGH_SCORE 471",
        "003 PROBLEMS_BUT_HIGH_SCORE 471",
        "003 PROBLEMS_BUT_HIGH_SCORE 471",
        "003 PROBLEMS_BUT_HIGH_SCORE 54", // unit report's problems, 96.72
        "003 QUALITATIVE_HEAVY 1026", // 办案费: 60 of 90 points qualitative, all full
        "003 QUALITATIVE_HEAVY 480", // 协管员经费: 53 of 90
        "003 REASON_WITHOUT_DEDUCTION 585", // "38人" in the reason column, full marks
        "003 SCORE_EXCESS 1211", // 增加财政非税收入 5 awarded, 3.62 expected
        "004 BUDGET_ADJUSTED_TO_SPEND 160", // 865.82 -> 899.13 = executed 899.13
        "004 DEDUCTION_WITHOUT_REASON 268", // 准时率 100% / 99%, 4 of 5, no reason
        "004 DEDUCTION_WITHOUT_REASON 381", // 满意度 96% / 95%, 9 of 10, no reason
        "004 NARRATIVE_TABLE_MISMATCH 802", // "全部为…支出889.95万元"; the form executes 899.13
        "004 PROBLEMS_BUT_HIGH_SCORE 866", // three problems listed, total 98
        "004 QUALITATIVE_HEAVY 143"), flags); // 45 of 90 points qualitative, all full

    // unit-year profiles: one per seed (five units, one year each)
    Dataset<Row> profiles = spark.read().format("delta")
        .load(warehouse + "/delta/int_unit_year_profiles");
    assertEquals(5, profiles.count());
    Row p001 = profiles.where("fiscal_year = 2021 and indicator_rows = 9").first();
    assertEquals("株洲市城市管理综合行政执法支队", p001.getAs("unit_name"));
    assertEquals(5, (int) p001.getAs("quantitative_rows"), "案件, 罚没, 错案率, 处理率, 满意率");
    assertDecimal("0.4", p001.getAs("exact_hit_share"), "0 = 0 and 100% = 100%");
    assertDecimal("1", p001.getAs("full_marks_share"), "nine of nine");
    assertDecimal("1", p001.getAs("execution_rate"), "1112.67 / 1112.67");
    assertDecimal("0.045212", p001.getAs("adjustment_ratio"), "1112.67 / 1064.54 - 1");
    assertEquals(4, (int) p001.getAs("flags"));
    Row p003 = profiles.where("fiscal_year = 2024 and forms = 5").first();
    assertEquals(4, (int) p003.getAs("project_forms"));
    assertEquals(85, (int) p003.getAs("indicator_rows"));
    assertEquals(14, (int) p003.getAs("flags"));
    assertEquals(1, (int) p003.getAs("high_flags"), "PARTS_NOT_TOTAL");
  }

  @Test
  void runPublishesTheFourMartsReconciledWithTheTables() {
    String marts = SeedWarehouse.get() + "/marts/";
    SparkSession spark = SharedSpark.get();
    assertEquals(9, spark.read().parquet(marts + "form_scorecard").count());
    assertEquals(111, spark.read().parquet(marts + "indicator_deviations").count());
    assertEquals(24, spark.read().parquet(marts + "inflation_flags").count());
    assertEquals(5, spark.read().parquet(marts + "unit_year_profiles").count());
    // 003 办案费: PARTS_NOT_TOTAL (high); BUDGET_ADJUSTED_TO_SPEND, NARRATIVE_TABLE_MISMATCH,
    // PROBLEMS_BUT_HIGH_SCORE, SCORE_EXCESS (medium); QUALITATIVE_HEAVY (low)
    Row fees = spark.read().parquet(marts + "form_scorecard").where("project_name = '办案费'")
        .first();
    assertEquals(1, (int) fees.getAs("flags_high"));
    assertEquals(4, (int) fees.getAs("flags_medium"));
    assertEquals(1, (int) fees.getAs("flags_low"));
    assertEquals(6, (int) fees.getAs("flags_total"));
    java.math.BigDecimal inflation = fees.getAs("inflation_points");
    assertDecimal("14", ((java.math.BigDecimal) fees.getAs("risk_score"))
        .subtract(inflation.max(java.math.BigDecimal.ZERO)), "5 x 1 + 2 x 4 + 1 x 1");
    assertEquals(2024, (int) fees.getAs("fiscal_year"));
    Row flag = spark.read().parquet(marts + "inflation_flags")
        .where("rule_id = 'SCORE_EXCESS'").first();
    assertEquals("增加财政非税收入", flag.getAs("indicator_name"));
    assertEquals(1211, (int) flag.getAs("source_line"));
    assertTrue(((String) flag.getAs("evidence_json")).contains("\"excess_points\":\"1.38"),
        (String) flag.getAs("evidence_json"));
  }

}
