package io.selfeval.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.cli.SeedWarehouse;
import io.selfeval.cli.SelfevalCli;
import io.selfeval.extract.Seeds;
import io.selfeval.spark.SharedSpark;
import io.selfeval.warehouse.RunLedger;
import io.selfeval.warehouse.Warehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Publishing the seeds' marts: declared schemas, checks, and a publish that dies half-way. */
class PublishJobIT {

  private final SparkSession spark = SharedSpark.get();

  private static String runIdOf(Path mart) throws Exception {
    return Files.readString(mart.resolve("_RUN_ID")).trim();
  }

  @Test
  void everyMartIsWrittenAsDeclaredInSnappyParquet() throws Exception {
    Path marts = SeedWarehouse.get().resolve("marts");
    for (String mart : Marts.NAMES) {
      Dataset<Row> df = spark.read().parquet(marts.resolve(mart).toString());
      assertEquals(List.of(), MartChecks.schema(mart, df.schema()), mart);
      try (Stream<Path> files = Files.walk(marts.resolve(mart).toRealPath())) {
        List<String> parquet = files.map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".parquet")).toList();
        assertTrue(!parquet.isEmpty(), mart);
        assertTrue(parquet.stream().allMatch(n -> n.endsWith(".snappy.parquet")), mart);
      }
      assertTrue(Files.isDirectory(marts.resolve(mart).resolve("fiscal_year=2021")), mart);
    }
  }

  @Test
  void checksCatchDuplicateKeysCountsAndFlagTotals() {
    Path marts = SeedWarehouse.get().resolve("marts");
    Map<String, Dataset<Row>> written = new LinkedHashMap<>();
    for (String mart : Marts.NAMES) {
      written.put(mart, spark.read().parquet(marts.resolve(mart).toString()));
    }
    Map<String, Long> rows = Map.of(Marts.FORM_SCORECARD, 9L, Marts.INDICATOR_DEVIATIONS, 111L,
        Marts.INFLATION_FLAGS, 24L, Marts.UNIT_YEAR_PROFILES, 5L);
    assertEquals(List.of(), MartChecks.failures(written, rows));
    written.put(Marts.FORM_SCORECARD, written.get(Marts.FORM_SCORECARD)
        .unionByName(written.get(Marts.FORM_SCORECARD)));
    List<String> failures = MartChecks.failures(written, rows);
    assertEquals(3, failures.size(), failures.toString());
    // a duplicated key names the forms behind it (issue 20), not only the mart
    assertTrue(failures.get(0).startsWith("form_scorecard: key [form_id] not unique (18 rows, "
        + "9 distinct keys); duplicated: form_id="), failures.get(0));
    assertTrue(failures.get(0).contains("source_file=003_8a9d7d315562be05.txt"), failures.get(0));
    assertEquals(List.of(
        "form_scorecard: 18 rows, but its Delta table has 9",
        "form_scorecard counts 48 flags, inflation_flags has 24 rows with a form"),
        failures.subList(1, 3));
  }

  @Test
  void publishKilledBeforeTheSwitchLeavesReadersThePreviousMarts() throws Exception {
    Path wh = SeedWarehouse.get();
    Path scorecard = wh.resolve("marts").resolve(Marts.FORM_SCORECARD);
    final String before = runIdOf(scorecard);
    String dying = RunLedger.newRunId(Instant.now());
    PublishJob killed = new PublishJob(spark, new Warehouse(wh.toString()), point -> {
      if (point.equals(PublishJob.BEFORE_SWITCH)) {
        throw new IllegalStateException("killed after writing, before switching");
      }
    });
    assertThrows(IllegalStateException.class, () -> killed.run(dying));
    // the new versions are on disk, complete, but readers still get the old ones
    assertTrue(Files.isDirectory(wh.resolve("marts/.versions/form_scorecard/" + dying)));
    for (String mart : Marts.NAMES) {
      assertEquals(before, runIdOf(wh.resolve("marts").resolve(mart)), mart);
    }
    assertEquals(9, spark.read().parquet(scorecard.toString()).count());

    // the next publish switches and removes the dead one's leftovers
    String next = RunLedger.newRunId(Instant.now().plusSeconds(1));
    new PublishJob(spark, new Warehouse(wh.toString())).run(next);
    for (String mart : Marts.NAMES) {
      Path m = wh.resolve("marts").resolve(mart);
      assertEquals(next, runIdOf(m), mart);
      try (Stream<Path> versions = Files.list(wh.resolve("marts/.versions").resolve(mart))) {
        assertEquals(List.of(before, next), versions.map(p -> p.getFileName().toString())
            .sorted().toList(), mart);
      }
    }
    assertNotEquals(before, next);
    assertEquals(9, spark.read().parquet(scorecard.toString()).count());
  }

  /**
   * A report with no indicator table (seed 000 is prose only: read by eye, it has no 分值/得分
   * table) gives one form, no indicator rows and no flags: publish still writes every mart, and
   * an empty mart is a parquet file with its declared columns that any reader opens.
   */
  @Test
  void martsWithNoRowsArePublishedAsEmptyFilesWithTheirColumns(@TempDir Path dir)
      throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    String name = Seeds.NAMES.get(0);
    Files.write(input.resolve(name), Seeds.bytes(name));
    Path wh = dir.resolve("wh");
    StringWriter out = new StringWriter();
    CommandLine cli = SelfevalCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    assertEquals(0, cli.execute("run", "--input", input.toString(), "--warehouse",
        wh.toString()), out::toString);
    for (String mart : List.of(Marts.INDICATOR_DEVIATIONS, Marts.INFLATION_FLAGS)) {
      Path m = wh.resolve("marts").resolve(mart);
      // read without a schema, as a BI tool would: the file itself says what the columns are
      Dataset<Row> df = spark.read().parquet(m.toString());
      assertEquals(0, df.count(), mart);
      assertEquals(List.of(), MartChecks.schema(mart, df.schema()), mart);
    }
    assertEquals(1, spark.read().parquet(wh.resolve("marts")
        .resolve(Marts.FORM_SCORECARD).toString()).count());
  }
}
