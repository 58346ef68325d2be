package io.selfeval.analyse;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.selfeval.model.Schemas;
import io.selfeval.spark.SharedSpark;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 §6: one report repeated thousands of times in one file (thousands of forms of one
 * unit and year, in two consecutive years) through every analyse step, timed step by step at
 * growing sizes and printed. Time per form should stay flat as the copies grow (linear); a join
 * on unit and year (or unit, form key and year) without the form grows with copies x copies.
 * Run with {@code mvn -Pbenchmark test -Dtest=RepeatedReportBenchmarkTest}; {@code
 * -Drepeat.sizes=500,1000,2000,5000} sets the copies (forms per unit-year).
 */
@Tag("benchmark")
class RepeatedReportBenchmarkTest {

  private static final String FILE = "repeated.txt";
  private static final String[][] ROWS = {
      {"产出指标", "巡查次数", "100次", "100次", "20", "20"},
      {"产出指标", "宣传次数", "12次", "12次", "15", "15"},
      {"产出指标", "整改完成率", "≥95%", "96%", "15", "15"},
      {"效益指标", "罚没收入", "400万元", "380万元", "30", "28"},
      {"满意度指标", "群众满意率", "≥90%", "91%", "10", "10"}};

  private final SparkSession spark = SharedSpark.get();

  @Test
  void analyseTimePerFormStaysFlatAsOneReportIsRepeated() {
    RulePack pack = RulePack.load("national");
    FlagThresholds t = FlagThresholds.load(null);
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "%n%-8s %10s %10s %10s %10s %10s %10s %10s %12s%n", "forms", "deviations", "execution",
        "links", "changes", "profiles", "flags", "total ms", "ms per form"));
    for (String size : System.getProperty("repeat.sizes", "500,1000,2000,5000").split(",")) {
      int copies = Integer.parseInt(size.trim());
      List<Row> forms = new ArrayList<>();
      List<Row> indicators = new ArrayList<>();
      List<Row> facts = new ArrayList<>();
      for (int year = 2023; year <= 2024; year++) {
        for (int c = 0; c < copies; c++) {
          copy(year, c, forms, indicators, facts);
        }
      }
      Dataset<Row> formRows = spark.createDataFrame(forms, AnalyseFixtures.FORMS).cache();
      Dataset<Row> indicatorRows = spark.createDataFrame(indicators, AnalyseFixtures.INDICATORS)
          .cache();
      Dataset<Row> factRows = spark.createDataFrame(facts, Schemas.ddl("tables/facts.ddl"))
          .cache();
      formRows.count();
      indicatorRows.count();
      factRows.count();
      Dataset<Row> units = spark.createDataFrame(List.of(), Schemas.ddl("tables/units.ddl"));
      long[] ms = new long[6];
      Dataset<Row> deviations = timed(ms, 0,
          () -> Metrics.indicatorDeviations(indicatorRows, pack));
      Dataset<Row> execution = timed(ms, 1,
          () -> Metrics.formExecution(formRows, deviations, pack));
      Dataset<Row> keyed = deviations.join(formRows.select(col("form_id").as("k_form_id"),
          TargetChanges.formKey().as("form_key")), col("form_id").equalTo(col("k_form_id")),
          "inner").drop("k_form_id").localCheckpoint(true);
      Dataset<Row> links = timed(ms, 2, () -> Links.indicators(keyed,
          t.linkMaxDistance().doubleValue()));
      Dataset<Row> changes = timed(ms, 3, () -> TargetChanges.changes(keyed, links));
      Dataset<Row> profiles = timed(ms, 4, () -> Profiles.unitYearProfiles(execution,
          deviations, units, changes, t.scores(), t.peers(), pack.label()));
      final Dataset<Row> flags = timed(ms, 5, () -> Flags.flags(formRows, execution,
          deviations, factRows, profiles, t, pack.label()));
      long total = 0;
      for (long m : ms) {
        total += m;
      }
      String row = String.format(Locale.ROOT,
          "%-8d %10d %10d %10d %10d %10d %10d %10d %12.3f%n", 2 * copies, ms[0], ms[1], ms[2],
          ms[3], ms[4], ms[5], total, total / (2.0 * copies));
      System.out.print("RepeatedReportBenchmarkTest: " + row);
      table.append(row);
      // every copy of a form gets the same flags, and each year's target repeats last year's
      assertEquals(0, flags.count() % copies, "flags a multiple of the copies");
      assertEquals(2L * copies * ROWS.length, changes.count(), "one change per row of 2024");
      formRows.unpersist();
      indicatorRows.unpersist();
      factRows.unpersist();
    }
    System.out.println("RepeatedReportBenchmarkTest: analyse steps, ms (forms: 2 years of one"
        + " unit, half unit forms, half project forms, all in " + FILE + ")" + table);
  }

  /** One copy of the report of {@code year}: a unit form and a project form, 5 rows each. */
  private static void copy(int year, int c, List<Row> forms, List<Row> indicators,
      List<Row> facts) {
    int line = 1 + 60 * c;
    for (String kind : List.of("unit", "project")) {
      String form = year + "-" + c + "-" + kind;
      boolean unit = "unit".equals(kind);
      forms.add(RowFactory.create(form, "u", year, kind, dec("100"), dec("120"), dec("110"),
          dec("10"), dec("0.9167"), dec("9.17"), dec("97.17"), "优", ROWS.length, FILE,
          line, line + 20, line + 5, true, line + 30, unit ? null : "执法经费", true));
      for (int p = 0; p < ROWS.length; p++) {
        String[] r = ROWS[p];
        indicators.add(RowFactory.create(form + "#" + p, form, p, "u", year, r[0], "数量指标",
            r[1], r[2], r[3], null, dec(r[4]), dec(r[5]), FILE, line + 8 + p));
      }
      line += 30;
    }
    String[][] stated = {{"budget_total", "预算收入", "120"}, {"initial_budget", "年初预算", "100"},
        {"expenditure", "年支出", "110"}, {"project_line", "(1)执法经费", "110"}};
    for (int k = 0; k < stated.length; k++) {
      facts.add(RowFactory.create(year + "-" + c + "#" + k, year + "-" + c + "-unit", k, "u",
          year, stated[k][0], stated[k][1], dec(stated[k][2]), "万元", null, stated[k][1],
          FILE, 1 + 60 * c + k));
    }
  }

  private static Dataset<Row> timed(long[] ms, int step, Supplier<Dataset<Row>> rows) {
    long started = System.nanoTime();
    Dataset<Row> kept = rows.get().localCheckpoint(true);
    ms[step] = (System.nanoTime() - started) / 1_000_000;
    return kept;
  }

  private static BigDecimal dec(String v) {
    return new BigDecimal(v);
  }
}
