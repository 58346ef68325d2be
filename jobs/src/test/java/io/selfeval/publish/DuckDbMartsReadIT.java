package io.selfeval.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.ExternalTools;
import io.selfeval.cli.SeedWarehouse;
import io.selfeval.model.Schemas;
import io.selfeval.spark.SharedSpark;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The seeds' marts read by an engine that is not Spark: DuckDB, through the npm package
 * {@code @duckdb/node-api} and {@code dev/duckdb-reader/read-marts.mjs}. Row counts and values
 * are compared with the Delta tables read through Spark (never with the marts read by Spark)
 * and with facts known by hand from the seed reports; the types must be plain parquet types
 * that any reader understands. Needs Node.js 18 or newer, with npm, on the PATH; skipped, saying
 * so, without them.
 */
@Tag("node")
class DuckDbMartsReadIT {

  private static final Path READER = Path.of("dev", "duckdb-reader").toAbsolutePath();
  private static final long NPM_CI_MINUTES = 5;
  private static final long NODE_SECONDS = 60;
  private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");

  private static Path warehouse;
  private static JsonNode duck;

  @BeforeAll
  static void readTheMartsWithDuckDb() throws Exception {
    checkNode();
    warehouse = SeedWarehouse.get();
    if (npmInstallIsStale()) {
      run(List.of(WINDOWS ? "npm.cmd" : "npm", "ci", "--no-audit", "--no-fund"),
          NPM_CI_MINUTES * 60);
    }
    Output read = run(List.of("node", "read-marts.mjs", warehouse.toString()), NODE_SECONDS);
    duck = new ObjectMapper().readTree(read.stdout());
  }

  @Test
  void everyMartHasTheRowsOfItsDeltaTable() {
    Map<String, String> tables = Map.of(Marts.FORM_SCORECARD, "forms",
        Marts.INDICATOR_DEVIATIONS, "int_indicator_deviations",
        Marts.INFLATION_FLAGS, "int_flags",
        Marts.UNIT_YEAR_PROFILES, "int_unit_year_profiles");
    // counted by hand in the seed reports
    Map<String, Integer> seeds = Map.of(Marts.FORM_SCORECARD, 9,
        Marts.INDICATOR_DEVIATIONS, 111, Marts.INFLATION_FLAGS, 24, Marts.UNIT_YEAR_PROFILES, 5);
    for (String mart : Marts.NAMES) {
      JsonNode m = mart(mart);
      Dataset<Row> table = delta(tables.get(mart));
      assertEquals(table.count(), m.get("rows").asLong(), mart + " vs " + tables.get(mart));
      assertEquals(seeds.get(mart), m.get("rows").asInt(), mart);
      Map<String, String> byYear = new TreeMap<>();
      for (Row r : table.groupBy("fiscal_year").count().collectAsList()) {
        byYear.put(text(r.get(0)), text(r.get(1)));
      }
      assertEquals(byYear, fields(m.get("rows_by_fiscal_year")), mart + " rows by fiscal_year");
    }
    assertEquals(delta("int_form_execution").count(), mart(Marts.FORM_SCORECARD).get("rows")
        .asLong(), "form_scorecard is built on int_form_execution");
  }

  @Test
  void duckDbSeesTheDeclaredColumnsWithPlainTypes() {
    for (String mart : Marts.NAMES) {
      Map<String, String> expected = new TreeMap<>();
      for (StructField f : Schemas.ddl(Marts.ddlFile(mart)).fields()) {
        expected.put(f.name(), duckDbType(f.dataType()));
      }
      Map<String, String> seen = new TreeMap<>();
      for (JsonNode c : mart(mart).get("columns")) {
        seen.put(c.get("name").asText(), c.get("type").asText());
      }
      // a hive partition column is typed by DuckDB from the folder names
      String year = seen.put(Marts.PARTITION, expected.get(Marts.PARTITION));
      assertTrue(Set.of("INTEGER", "BIGINT").contains(year), mart + ": fiscal_year is " + year);
      assertEquals(expected, seen, mart);
    }
  }

  @Test
  void scorecardValuesMatchTheTables() {
    Dataset<Row> flagCounts = delta("int_flags").where(col("form_id").isNotNull())
        .groupBy(col("form_id").as("f_form_id")).agg(
            sum(when(col("severity").equalTo("high"), 1).otherwise(0)).as("high"),
            sum(when(col("severity").equalTo("medium"), 1).otherwise(0)).as("medium"),
            sum(when(col("severity").equalTo("low"), 1).otherwise(0)).as("low"));
    Dataset<Row> execution = delta("int_form_execution")
        .select(col("form_id").as("e_form_id"), col("inflation_points"));
    List<Row> forms = delta("forms")
        .join(execution, col("form_id").equalTo(col("e_form_id")), "left_outer")
        .join(flagCounts, col("form_id").equalTo(col("f_form_id")), "left_outer")
        .select("form_id", "fiscal_year", "form_kind", "project_name", "reported_total",
            "executed_wan_yuan", "inflation_points", "high", "medium", "low")
        .collectAsList();
    Map<String, String> expected = new TreeMap<>();
    for (Row r : forms) {
      long high = r.isNullAt(7) ? 0 : r.getLong(7);
      long medium = r.isNullAt(8) ? 0 : r.getLong(8);
      long low = r.isNullAt(9) ? 0 : r.getLong(9);
      BigDecimal inflation = r.isNullAt(6) ? BigDecimal.ZERO : r.getDecimal(6);
      BigDecimal risk = BigDecimal.valueOf(5 * high + 2 * medium + low)
          .add(inflation.max(BigDecimal.ZERO));
      expected.put(r.getString(0), String.join(" ", text(r.get(1)), r.getString(2),
          text(r.get(3)), text(r.get(4)), text(r.get(5)), text(r.get(6)),
          high + "/" + medium + "/" + low + "=" + (high + medium + low), text(risk)));
    }
    Map<String, String> seen = new TreeMap<>();
    JsonNode fees = null;
    for (JsonNode f : values(Marts.FORM_SCORECARD, "forms")) {
      seen.put(f.get("form_id").asText(), String.join(" ", text(f.get("fiscal_year")),
          f.get("form_kind").asText(), text(f.get("project_name")),
          text(f.get("reported_total")), text(f.get("executed_wan_yuan")),
          text(f.get("inflation_points")), text(f.get("flags_high")) + "/"
              + text(f.get("flags_medium")) + "/" + text(f.get("flags_low")) + "="
              + text(f.get("flags_total")), text(f.get("risk_score"))));
      if ("办案费".equals(f.get("project_name").asText())) {
        fees = f;
      }
    }
    assertEquals(expected, seen, "form_id: year kind project total executed inflation "
        + "high/medium/low=flags risk");

    // 003 办案费: PARTS_NOT_TOTAL (high); BUDGET_ADJUSTED_TO_SPEND, NARRATIVE_TABLE_MISMATCH,
    // PROBLEMS_BUT_HIGH_SCORE, SCORE_EXCESS (medium); QUALITATIVE_HEAVY (low); printed 96
    assertTrue(fees != null, "no 办案费 form in " + seen);
    assertEquals("1/4/1=6 2024 96", text(fees.get("flags_high")) + "/"
        + text(fees.get("flags_medium")) + "/" + text(fees.get("flags_low")) + "="
        + text(fees.get("flags_total")) + " " + text(fees.get("fiscal_year")) + " "
        + text(fees.get("reported_total")));
    BigDecimal inflation = new BigDecimal(fees.get("inflation_points").asText());
    assertEquals("14", text(new BigDecimal(fees.get("risk_score").asText())
        .subtract(inflation.max(BigDecimal.ZERO))), "5 x 1 + 2 x 4 + 1 x 1");
    assertEquals("24", text(values(Marts.FORM_SCORECARD, "totals").get(0).get("flags_total")),
        "every seed flag is about a form");
  }

  @Test
  void flagCountsByRuleAndSeverityMatchTheTable() {
    Dataset<Row> flags = delta("int_flags");
    assertEquals(counts(flags, "rule_id"), byKey(values(Marts.INFLATION_FLAGS, "by_rule"),
        "rule_id"));
    assertEquals(counts(flags, "severity"), byKey(values(Marts.INFLATION_FLAGS, "by_severity"),
        "severity"));
    // the 24 flags of the seeds, each checked against the text in RunCommandIT
    Map<String, String> seeds = new TreeMap<>(Map.of("ALL_FULL_MARKS", "2",
        "BUDGET_ADJUSTED_TO_SPEND", "3", "DEDUCTION_WITHOUT_REASON", "2",
        "NARRATIVE_TABLE_MISMATCH", "2", "PARTS_NOT_TOTAL", "1", "PERFECT_TOTAL", "2",
        "PROBLEMS_BUT_HIGH_SCORE", "7", "QUALITATIVE_HEAVY", "3", "REASON_WITHOUT_DEDUCTION", "1",
        "SCORE_EXCESS", "1"));
    assertEquals(seeds, byKey(values(Marts.INFLATION_FLAGS, "by_rule"), "rule_id"));
  }

  @Test
  void deviationsAndProfilesMatchTheTables() {
    Map<String, String> expected = new TreeMap<>();
    for (Row r : delta("int_indicator_deviations").groupBy("status")
        .agg(count(lit(1)), sum("score_excess")).collectAsList()) {
      expected.put(r.getString(0), text(r.get(1)) + " " + text(r.get(2)));
    }
    Map<String, String> seen = new TreeMap<>();
    for (JsonNode s : values(Marts.INDICATOR_DEVIATIONS, "by_status")) {
      seen.put(s.get("status").asText(), text(s.get("rows")) + " " + text(s.get("score_excess")));
    }
    assertEquals(expected, seen, "status: rows Σ score_excess");
    Row totals = delta("int_indicator_deviations").agg(sum("score_excess"), sum("score"),
        sum("weight"), count("expected_score")).first();
    JsonNode duckTotals = values(Marts.INDICATOR_DEVIATIONS, "totals").get(0);
    assertEquals(text(totals.get(0)) + " " + text(totals.get(1)) + " " + text(totals.get(2))
        + " " + text(totals.get(3)), text(duckTotals.get("score_excess")) + " "
        + text(duckTotals.get("score")) + " " + text(duckTotals.get("weight")) + " "
        + text(duckTotals.get("with_expected_score")), "Σ excess, score, weight; expected");

    String[] columns = {"unit_name", "forms", "indicator_rows", "flags", "high_flags",
        "exact_hit_share", "execution_rate", "inflation_points"};
    Map<String, String> profiles = new TreeMap<>();
    for (Row r : delta("int_unit_year_profiles").collectAsList()) {
      List<String> cells = new ArrayList<>();
      for (String c : columns) {
        cells.add(text(r.getAs(c)));
      }
      profiles.put(r.getAs("unit_id") + "/" + r.getAs("fiscal_year"), String.join(" ", cells));
    }
    Map<String, String> duckProfiles = new TreeMap<>();
    for (JsonNode p : values(Marts.UNIT_YEAR_PROFILES, "profiles")) {
      duckProfiles.put(p.get("unit_id").asText() + "/" + text(p.get("fiscal_year")),
          cells(p, columns));
    }
    assertEquals(profiles, duckProfiles, "unit/year: " + String.join(" ", columns));
    // by hand (RunCommandIT): 001 in 2021, one form of nine rows, 2 of its 5 quantitative
    // rows hit exactly, budget executed whole, 4 flags; 003 in 2024, 5 forms, 85 rows, 14 flags
    JsonNode p001 = only(Marts.UNIT_YEAR_PROFILES, "profiles",
        p -> "2021 9".equals(cells(p, "fiscal_year", "indicator_rows")));
    assertEquals("株洲市城市管理综合行政执法支队 1 4 0.4 1", cells(p001, "unit_name", "forms",
        "flags", "exact_hit_share", "execution_rate"));
    JsonNode p003 = only(Marts.UNIT_YEAR_PROFILES, "profiles",
        p -> "2024 5".equals(cells(p, "fiscal_year", "forms")));
    assertEquals("85 14 1", cells(p003, "indicator_rows", "flags", "high_flags"));
  }

  private static Dataset<Row> delta(String table) {
    SparkSession spark = SharedSpark.get();
    return spark.read().format("delta").load(warehouse.resolve("delta").resolve(table)
        .toString());
  }

  private static JsonNode mart(String mart) {
    JsonNode m = duck.path("marts").path(mart);
    assertTrue(m.isObject(), "read-marts.mjs printed no " + mart + ": " + duck);
    return m;
  }

  private static JsonNode values(String mart, String name) {
    JsonNode v = mart(mart).path("values").path(name);
    assertTrue(v.isArray(), "read-marts.mjs printed no " + mart + " " + name);
    return v;
  }

  private static JsonNode only(String mart, String name, Predicate<JsonNode> which) {
    List<JsonNode> found = new ArrayList<>();
    values(mart, name).forEach(r -> {
      if (which.test(r)) {
        found.add(r);
      }
    });
    assertEquals(1, found.size(), mart + " " + name + ": " + found);
    return found.get(0);
  }

  private static Map<String, String> counts(Dataset<Row> df, String column) {
    Map<String, String> counts = new TreeMap<>();
    for (Row r : df.groupBy(column).count().collectAsList()) {
      counts.put(r.getString(0), text(r.get(1)));
    }
    return counts;
  }

  private static Map<String, String> byKey(JsonNode rows, String key) {
    Map<String, String> counts = new TreeMap<>();
    for (JsonNode r : rows) {
      counts.put(r.get(key).asText(), text(r.get("rows")));
    }
    return counts;
  }

  private static String cells(JsonNode row, String... columns) {
    List<String> cells = new ArrayList<>();
    for (String c : columns) {
      cells.add(text(row.get(c)));
    }
    return String.join(" ", cells);
  }

  private static Map<String, String> fields(JsonNode object) {
    Map<String, String> map = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      map.put(e.getKey(), text(e.getValue()));
    }
    return map;
  }

  /** How DuckDB names the type a parquet reader should give a column of a declared type. */
  private static String duckDbType(DataType type) {
    if (type instanceof DecimalType d) {
      return "DECIMAL(" + d.precision() + "," + d.scale() + ")";
    }
    if (type.equals(DataTypes.StringType)) {
      return "VARCHAR";
    }
    if (type.equals(DataTypes.IntegerType)) {
      return "INTEGER";
    }
    if (type.equals(DataTypes.LongType)) {
      return "BIGINT";
    }
    if (type.equals(DataTypes.BooleanType)) {
      return "BOOLEAN";
    }
    return type.sql();
  }

  /** A value as text both sides agree on: numbers by value whatever their scale. */
  private static String text(Object value) {
    Object v = value instanceof JsonNode j && !j.isNull() ? j.asText() : value;
    if (v == null || v instanceof JsonNode) {
      return "null";
    }
    String s = v.toString();
    if (v instanceof Number || s.matches("-?\\d+(\\.\\d+)?")) {
      return new BigDecimal(s).stripTrailingZeros().toPlainString();
    }
    return s;
  }

  // ---- running node and npm ----

  private record Output(String stdout, String stderr) {}

  /** Skips the test, saying so, without Node.js 18+ and npm on the PATH. */
  private static void checkNode() {
    String purpose = "reading the marts with DuckDB (Node.js 18+ with npm; CI uses Node 20)";
    String version = ExternalTools.assumeAvailable(purpose, "node", "--version").trim();
    int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*$", "$1"));
    if (major < 18) {
      ExternalTools.skip(purpose, "Node.js " + version + " is too old for @duckdb/node-api");
    }
    ExternalTools.assumeAvailable(purpose, WINDOWS ? "npm.cmd" : "npm", "--version");
  }

  /**
   * Whether {@code npm ci} has to run: node_modules is missing, or what npm installed there (its
   * hidden lock file) differs from package-lock.json for any non-optional package.
   */
  private static boolean npmInstallIsStale() throws IOException {
    Path installed = READER.resolve("node_modules").resolve(".package-lock.json");
    if (!Files.exists(installed)) {
      return true;
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode have = json.readTree(installed.toFile()).path("packages");
    JsonNode want = json.readTree(READER.resolve("package-lock.json").toFile()).path("packages");
    for (Map.Entry<String, JsonNode> p : want.properties()) {
      if (p.getKey().startsWith("node_modules/") && !p.getValue().path("optional").asBoolean()
          && !p.getValue().path("integrity").equals(have.path(p.getKey()).path("integrity"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs a command in the reader's folder and returns its output; fails the test, with the
   * output, when it exits non-zero or outlives the timeout.
   */
  private static Output run(List<String> command, long timeoutSeconds) throws Exception {
    File out = File.createTempFile("duckdb-reader-", ".out");
    File err = File.createTempFile("duckdb-reader-", ".err");
    try {
      Process process;
      try {
        process = new ProcessBuilder(command).directory(READER.toFile())
            .redirectOutput(out).redirectError(err).start();
      } catch (IOException e) {
        throw new AssertionError("cannot run `" + String.join(" ", command) + "` ("
            + e.getMessage() + "): this test reads the marts with DuckDB through Node.js; "
            + "install Node.js 18 or newer, with npm, on the PATH (CI uses Node 20)", e);
      }
      boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      if (!done) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      final Output output = new Output(Files.readString(out.toPath(), StandardCharsets.UTF_8),
          Files.readString(err.toPath(), StandardCharsets.UTF_8));
      String what = String.join(" ", command) + " (in " + READER + ")";
      if (!done) {
        fail(what + " did not finish in " + timeoutSeconds + " s\nstdout:\n" + output.stdout()
            + "\nstderr:\n" + output.stderr());
      }
      if (process.exitValue() != 0) {
        fail(what + " exited with " + process.exitValue() + "\nstdout:\n" + output.stdout()
            + "\nstderr:\n" + output.stderr());
      }
      return output;
    } finally {
      Files.deleteIfExists(out.toPath());
      Files.deleteIfExists(err.toPath());
    }
  }
}
