package io.selfeval.load;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfeval.Folders;
import io.selfeval.extract.ReportExtractor;
import io.selfeval.extract.Seeds;
import io.selfeval.model.FormRecord;
import io.selfeval.model.Records;
import io.selfeval.spark.SharedSpark;
import io.selfeval.warehouse.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the seeds' records. Expected counts come from the hand-checked golden files, not from
 * the loader: forms = golden records, indicator rows = their indicators. The seeds are loaded
 * once for the class; the tests that start from that load get a copy of its warehouse. An
 * integration test (whole loads of the five seeds' records files, about 100 s), so it runs in
 * {@code mvn verify}, not in the quick loop.
 */
class LoadJobIT {

  private static final List<String> TABLES =
      List.of("forms", "budget_lines", "indicators", "facts", "units");

  /** The seeds' records and the warehouse of their first load, made once for the class. */
  private static Path seedRecords;
  private static Path seedsLoaded;
  private static LoadSummary seedsLoad;

  @TempDir
  Path tmp;

  private final SparkSession spark = SharedSpark.get();

  @BeforeAll
  static void loadTheSeeds(@TempDir Path shared) throws IOException {
    seedRecords = Files.write(shared.resolve("records.jsonl"), seedRecords(),
        StandardCharsets.UTF_8);
    seedsLoaded = shared.resolve("wh");
    seedsLoad = new LoadJob(SharedSpark.get(), new Warehouse(seedsLoaded.toString()))
        .run(seedRecords.toString(), null, "run-1");
  }

  /** A copy of the warehouse after the seeds' first load, for one test. */
  private Warehouse afterSeedsLoad() throws IOException {
    Folders.copy(seedsLoaded, tmp.resolve("wh"));
    return new Warehouse(tmp.resolve("wh").toString());
  }

  private static List<String> seedRecords() {
    List<String> lines = new ArrayList<>();
    for (String seed : Seeds.NAMES) {
      for (FormRecord r : ReportExtractor.extract(Seeds.bytes(seed), seed).records()) {
        lines.add(Records.toJson(r));
      }
    }
    return lines;
  }

  private static int[] goldenCounts() throws IOException {
    int forms = 0;
    int indicators = 0;
    for (String seed : Seeds.NAMES) {
      try (InputStream in = LoadJobIT.class.getResourceAsStream("/golden/"
          + seed.replace(".txt", ".expected.json"))) {
        for (JsonNode r : Records.MAPPER.readTree(in).get("records")) {
          forms++;
          indicators += r.get("indicators").size();
        }
      }
    }
    return new int[] {forms, indicators};
  }

  private Path write(String name, List<String> lines) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, lines, StandardCharsets.UTF_8);
    return p;
  }

  private Map<String, List<Row>> snapshot(Warehouse w) {
    Map<String, List<Row>> out = new java.util.TreeMap<>();
    for (String t : TABLES) {
      Dataset<Row> df = spark.read().format("delta").load(table(w, t));
      out.put(t, df.drop("loaded_run_id").orderBy(df.columns()[0]).collectAsList());
    }
    return out;
  }

  /** The folder of a Delta table, as the README names the tables. */
  private static String table(Warehouse w, String name) {
    return w.root() + "/delta/" + name;
  }

  private long version(Warehouse w, String table) {
    return io.delta.tables.DeltaTable.forPath(spark, table(w, table)).history(1)
        .select("version").first().getLong(0);
  }

  @Test
  void seedsLoadWithTheCountsOfTheGoldenFilesAndSecondLoadChangesNothing() throws IOException {
    Warehouse w = afterSeedsLoad();
    int[] golden = goldenCounts();

    LoadSummary first = seedsLoad;
    assertEquals(5, first.loaded());
    assertTrue(first.balances());
    assertEquals(golden[0], spark.read().format("delta").load(table(w, "forms")).count());
    assertEquals(golden[1], spark.read().format("delta").load(table(w, "indicators")).count());
    assertEquals(golden[1], first.indicatorRows());
    assertEquals(5, spark.read().format("delta").load(table(w, "units")).count(),
        "five seeds, five units");
    // nothing was rejected, yet rejects is there, empty, for whoever queries a clean warehouse
    assertEquals(0, spark.read().format("delta").load(table(w, "rejects")).count());
    Map<String, List<Row>> before = snapshot(w);
    Map<String, Long> versions = new java.util.HashMap<>();
    for (String t : TABLES) {
      versions.put(t, version(w, t));
      assertEquals(0L, versions.get(t), t + ": one commit for the first load");
    }

    LoadSummary second = new LoadJob(spark, w).run(seedRecords.toString(), null, "run-2");
    assertEquals(new LoadSummary(5, 0, 5, 0, 9, 0, 0, 0, w.root()), second);
    assertEquals(before, snapshot(w));
    for (String t : TABLES) {
      assertEquals(versions.get(t), version(w, t), t + ": no commit when nothing changed");
    }
  }

  @Test
  void rowsKeepWhereTheyStoodInTheOriginalAndAnOldTableGetsTheColumn() throws IOException {
    Warehouse w = new Warehouse(tmp.resolve("wh").toString());
    // an indicators table written before source_location existed
    org.apache.spark.sql.types.StructType old = new org.apache.spark.sql.types.StructType(
        java.util.Arrays.stream(io.selfeval.warehouse.Tables.INDICATORS.schema().fields())
            .filter(f -> !f.name().equals("source_location"))
            .toArray(org.apache.spark.sql.types.StructField[]::new));
    spark.createDataFrame(List.<Row>of(), old).write().format("delta")
        .save(table(w, "indicators"));
    FormRecord r = null;
    for (String seed : Seeds.NAMES) {
      for (FormRecord x : ReportExtractor.extract(Seeds.bytes(seed), seed).records()) {
        if (r == null && !x.indicators().isEmpty() && x.budget() != null
            && x.budget().lines() != null && !x.budget().lines().isEmpty()) {
          r = x;
        }
      }
    }
    com.fasterxml.jackson.databind.node.ObjectNode json = Records.MAPPER.valueToTree(r);
    int indicatorLine = json.get("indicators").get(1).get("line").asInt();
    int budgetLine = json.get("budget").get("lines").get(0).get("line").asInt();
    com.fasterxml.jackson.databind.node.ArrayNode at =
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("source")).putArray("locations");
    at.addObject().put("line", indicatorLine).put("location", "自评表!B21:J21");
    at.addObject().put("line", budgetLine).put("location", "自评表!B6:J6");
    Path records = write("records.jsonl", List.of(Records.MAPPER.writeValueAsString(json)));

    assertEquals(1, new LoadJob(spark, w).run(records.toString(), null, "run-1").loaded());
    List<Row> located = spark.read().format("delta").load(table(w, "indicators"))
        .where("source_location IS NOT NULL").select("line", "source_location").collectAsList();
    assertEquals(List.of(org.apache.spark.sql.RowFactory.create(indicatorLine, "自评表!B21:J21")),
        located);
    List<Row> budget = spark.read().format("delta").load(table(w, "budget_lines"))
        .where("line = " + budgetLine).select("source_location").collectAsList();
    assertEquals("自评表!B6:J6", budget.get(0).getString(0));
    // the form keeps the whole map, for the flags' evidence
    assertEquals(2, spark.read().format("delta").load(table(w, "forms"))
        .selectExpr("size(source_locations)").first().getInt(0));
  }

  @Test
  void invalidRecordRejectsItsDocumentAndTheRestLoads() throws IOException {
    final Warehouse w = new Warehouse(tmp.resolve("wh").toString());
    List<String> lines = seedRecords();
    // break one form of seed 003 (the third record in file order): a score that is text
    int broken = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("\"form_index\":2") && lines.get(i).contains("003_")) {
        ObjectNode node = (ObjectNode) Records.MAPPER.readTree(lines.get(i));
        ((ObjectNode) node.get("indicators").get(0)).put("score", "five");
        lines.set(i, node.toString());
        broken = i;
      }
    }
    assertTrue(broken >= 0);
    lines.add("{not json at all");
    LoadSummary s = new LoadJob(spark, w).run(write("r.jsonl", lines).toString(), null, "r1");

    assertEquals(4, s.loaded());
    assertEquals(2, s.rejected(), "seed 003 and the line that is not JSON");
    assertTrue(s.balances());
    List<Row> rejects = spark.read().format("delta").load(table(w, "rejects"))
        .orderBy("reject_id").collectAsList();
    assertEquals(5 + 1, rejects.size(), "the five records of 003 and the broken line");
    Row brokenForm = rejects.stream()
        .filter(r -> Integer.valueOf(2).equals(r.getAs("record_index"))).findFirst().get();
    assertEquals("003_8a9d7d315562be05.txt", brokenForm.getAs("source_file"));
    assertTrue(((String) brokenForm.getAs("reason")).contains("schemas/record.schema.json"),
        (String) brokenForm.getAs("reason"));
    assertTrue(((String) brokenForm.getAs("reason")).contains("score"),
        (String) brokenForm.getAs("reason"));
    assertEquals(0, spark.read().format("delta").load(table(w, "forms"))
        .where("source_file like '003%'").count());
    assertEquals(4, spark.read().format("delta").load(table(w, "forms")).count());
  }

  @Test
  void everyRejectedNameGetsItsOwnRejectEvenWithTheSameBytes() throws IOException {
    // found by the bad-input corpus: two empty files shared one reject_id, so one vanished
    final Warehouse w = new Warehouse(tmp.resolve("wh").toString());
    String empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    List<String> outcomes = new ArrayList<>();
    for (String file : List.of("empty.txt", "empty (2).txt", "sub/empty.txt")) {
      outcomes.add("{\"file\":\"" + file + "\",\"sha256\":\"" + empty + "\",\"status\":"
          + "\"rejected\",\"reason\":\"empty file (0 bytes)\",\"size_bytes\":0,\"forms\":0,"
          + "\"indicator_rows\":0,\"facts\":0,\"warnings\":0,"
          + "\"extracted_at\":\"2026-01-01T00:00:00Z\"}");
    }
    outcomes.add("{\"file\":\"loop.txt\",\"status\":\"rejected\",\"reason\":\"symbolic link "
        + "that leads nowhere\",\"size_bytes\":0,\"forms\":0,\"indicator_rows\":0,\"facts\":0,"
        + "\"warnings\":0,\"extracted_at\":\"2026-01-01T00:00:00Z\"}");
    Path records = write("records.jsonl", seedRecords().subList(0, 1));
    Path outcomesFile = write("outcomes.json", outcomes);

    LoadSummary first = new LoadJob(spark, w).run(records.toString(), outcomesFile.toString(),
        "run-1");
    assertEquals(4, first.extractRejects());
    List<String> files = spark.read().format("delta").load(table(w, "rejects"))
        .orderBy("source_file").select("source_file").as(Encoders.STRING()).collectAsList();
    assertEquals(List.of("empty (2).txt", "empty.txt", "loop.txt", "sub/empty.txt"), files);
    new LoadJob(spark, w).run(records.toString(), outcomesFile.toString(), "run-2");
    assertEquals(4, spark.read().format("delta").load(table(w, "rejects")).count(),
        "the same rejects again add no rows");
  }

  @Test
  void newVersionOfFileReplacesItsRowsAndTimeTravelShowsTheOldOnes() throws IOException {
    // seed 001 (one form, 9 indicator rows) is loaded with the other seeds as version 1
    final Warehouse w = afterSeedsLoad();
    String seed = Seeds.NAMES.get(1);
    String v1 = Seeds.text(seed);
    String v2 = v1.replace("\t市容市貌\t整洁、有序、舒适\t效果显著\t10\t10\t",
        "\t市容市貌\t整洁、有序、舒适\t效果显著\t10\t8\t整治仍有反复");
    assertTrue(!v1.equals(v2));
    List<String> second = ReportExtractor.extract(v2.getBytes(StandardCharsets.UTF_8), seed)
        .records().stream().map(Records::toJson).toList();
    final long formsBefore = spark.read().format("delta").load(table(w, "forms")).count();
    final long v1Version = version(w, "indicators");
    LoadSummary s = new LoadJob(spark, w).run(write("v2.jsonl", second).toString(), null, "r2");

    assertEquals(1, s.loaded());
    Dataset<Row> forms = spark.read().format("delta").load(table(w, "forms"));
    assertEquals(formsBefore, forms.count(), "the other seeds' forms stay");
    Dataset<Row> ofSeed = forms.where(col("source_file").equalTo(seed));
    assertEquals(1, ofSeed.count(), "the old version's form is gone");
    assertEquals(Records.fromJson(second.get(0)).recordId(), ofSeed.first().getAs("form_id"));
    Dataset<Row> indicators = spark.read().format("delta").load(table(w, "indicators"))
        .where(col("source_file").equalTo(seed));
    assertEquals(9, indicators.count());
    assertEquals("8.000000", indicators.where("name = '市容市貌'").first().getAs("score")
        .toString());
    Dataset<Row> old = spark.read().format("delta").option("versionAsOf", v1Version)
        .load(table(w, "indicators")).where(col("source_file").equalTo(seed));
    assertEquals(9, old.count());
    assertEquals("10.000000", old.where("name = '市容市貌'").first().getAs("score").toString());
    assertEquals(v1Version + 1, version(w, "indicators"), "one commit for the new version");
  }
}
