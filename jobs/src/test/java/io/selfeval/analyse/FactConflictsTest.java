package io.selfeval.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.selfeval.model.Schemas;
import io.selfeval.spark.SharedSpark;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** FACT_CONFLICT: one quantity stated twice in a document's prose with different amounts. */
class FactConflictsTest {

  private final SparkSession spark = SharedSpark.get();

  private static Row fact(String form, int pos, String key, String label, String value,
      String unit, String period, int line) {
    return RowFactory.create(form + "#" + pos, form, pos, "u", 2022, key, label,
        new BigDecimal(value), unit, period, label + value + unit, form + ".txt", line);
  }

  private Dataset<Row> facts() {
    return spark.createDataFrame(List.of(
        // d1: 城管事务经费 stated as 244.65 (line 3) and 254.65 万元 (line 5): a conflict
        fact("d1", 0, "project_line", "城管事务经费", "244.65", "万元", null, 3),
        fact("d1", 1, "project_line", "城管事务经费", "254.65", "万元", null, 5),
        // 36 万元 and 360000 元 are one amount: no conflict
        fact("d1", 2, "project_line", "农村环境专项", "36", "万元", null, 4),
        fact("d1", 3, "project_line", "农村环境专项", "360000", "元", null, 6),
        // the unit's budget stated twice differently is not one project's quantity (the
        // narrative rule compares it with the form): not this rule
        fact("d1", 4, "budget_total", "预算收入", "100", "万元", null, 7),
        fact("d1", 5, "budget_total", "预算收入", "110", "万元", null, 8),
        // d2: the same label in another document, one amount each: no conflict across files
        fact("d2", 0, "project_line", "城管事务经费", "300", "万元", null, 3),
        // d3: a project total stated three times, twice alike: one flag naming all three
        fact("d3", 0, "project_expenditure", "项目支出总额", "80.5", "万元", null, 9),
        fact("d3", 1, "project_expenditure", "项目支出总额", "85", "万元", null, 20),
        fact("d3", 2, "project_expenditure", "项目支出总额", "80.50", "万元", null, 31)),
        Schemas.ddl("tables/facts.ddl"));
  }

  @Test
  void eachDisagreeingQuantityIsOneFlagNamingEveryStatementAndItsLine() {
    List<Row> flags = FactConflicts.flags(facts()).orderBy("form_id")
        .select("form_id", "rule_id", "evidence", "source_line").collectAsList();
    assertEquals(2, flags.size(), flags.toString());
    assertEquals(RowFactory.create("d1", "FACT_CONFLICT",
        "figure=project_line:城管事务经费, stated_wan_yuan=244.65 / 254.65, "
            + "statements=244.65 (line 3) / 254.65 (line 5)", 3), flags.get(0));
    assertEquals(RowFactory.create("d3", "FACT_CONFLICT",
        "figure=project_expenditure:项目支出总额, stated_wan_yuan=80.5 / 85, "
            + "statements=80.5 (line 9) / 85 (line 20) / 80.5 (line 31)", 9), flags.get(1));
  }

  @Test
  void theRuleIsInTheFlagTableWithItsSeverity() {
    Dataset<Row> noForms = spark.createDataFrame(List.<Row>of(), AnalyseFixtures.FORMS);
    Dataset<Row> noRows = spark.createDataFrame(List.<Row>of(), AnalyseFixtures.INDICATORS);
    RulePack pack = RulePack.load("national");
    Dataset<Row> deviations = Metrics.indicatorDeviations(noRows, pack);
    Dataset<Row> execution = Metrics.formExecution(noForms, deviations, pack);
    List<Row> flags = Flags.flags(noForms, execution, deviations, facts(), null,
            FlagThresholds.load(null), pack.label())
        .where("rule_id = 'FACT_CONFLICT'").orderBy("form_id")
        .selectExpr("form_id", "severity", "evidence_values['figure']").collectAsList();
    assertEquals(List.of(RowFactory.create("d1", "medium", "project_line:城管事务经费"),
        RowFactory.create("d3", "medium", "project_expenditure:项目支出总额")), flags);
  }
}
