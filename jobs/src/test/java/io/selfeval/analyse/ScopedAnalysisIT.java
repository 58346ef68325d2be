package io.selfeval.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import io.selfeval.Folders;
import io.selfeval.generate.CorpusGenerator;
import io.selfeval.pipeline.Pipeline;
import io.selfeval.pipeline.PipelineHooks;
import io.selfeval.pipeline.PipelineSettings;
import io.selfeval.pipeline.StageListener;
import io.selfeval.publish.Marts;
import io.selfeval.spark.SharedSpark;
import io.selfeval.warehouse.AnalysedStamp;
import io.selfeval.warehouse.RunLedger;
import io.selfeval.warehouse.Tables;
import io.selfeval.warehouse.Tables.Table;
import io.selfeval.warehouse.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The equality of a scoped run and a full recomputation (issue 19): a generated corpus (12 units
 * of the three peer groups over 4 years, the fewest years the history rules need and a peer group
 * of 6, more than the peer rules' 5) is run with a seventh of its documents held back, one in
 * each year; then the held documents arrive, two documents are deleted, one is changed and one
 * renamed, and a second run on the same warehouse analyses and publishes only what that touched.
 * Every int_ table and every mart must hold the same rows (order aside; the run ids of the marts'
 * rows aside) as a fresh full run on the final input, every int_ table holding rows and the peer
 * and history rules raised. And the comparison can fail: the same changes analysed with a scope
 * that leaves out the forms of one new document leave tables that differ: analysed on a copy of
 * the warehouse taken when the second run had loaded the changes and was about to analyse them.
 */
class ScopedAnalysisIT {

  private static final List<String> RUN_COLUMNS = List.of("run_id");

  @TempDir
  Path dir;

  @Test
  void scopedRunLeavesEveryTableAndMartAsFullRecomputationDoes() throws Exception {
    SharedSpark.get();
    Path corpus = dir.resolve("corpus");
    new CorpusGenerator(new CorpusGenerator.Settings(12, 4, 2020, 19, null)).write(corpus);
    List<Path> documents;
    try (Stream<Path> files = Files.walk(corpus.resolve("reports"))) {
      documents = files.filter(Files::isRegularFile).sorted().toList();
    }
    Path input = dir.resolve("in");
    List<Path> held = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      if (i % 7 == 5) {
        held.add(documents.get(i));
      } else {
        copy(corpus, documents.get(i), input);
      }
    }
    Path scoped = dir.resolve("scoped");
    run(input, scoped, false);

    // additions, deletions, a change and a rename
    held.forEach(d -> copy(corpus, d, input));
    Files.delete(target(corpus, documents.get(1), input));
    Files.delete(target(corpus, documents.get(8), input));
    Files.writeString(target(corpus, documents.get(3), input), "\n（本报告已更正）\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    Path renamed = target(corpus, documents.get(4), input);
    Files.move(renamed, renamed.resolveSibling("renamed-" + renamed.getFileName()));
    Path wrong = dir.resolve("wrong");
    run(input, scoped, false, copyBeforeAnalyse(scoped, wrong));
    SparkSession spark = SharedSpark.get();
    for (Table table : List.of(Tables.INDICATOR_DEVIATIONS, Tables.FORM_EXECUTION,
        Tables.FLAGS, Tables.LINKS, Tables.TARGET_CHANGES)) {
      assertFalse(lastOperation(spark, new Warehouse(scoped.toString()), table)
          .equals("WRITE Overwrite"), table + " was merged, not recomputed whole");
    }
    Path full = dir.resolve("full");
    run(input, full, true);
    Map<String, List<String>> expected = contents(full, true);
    Map<String, List<String>> actual = contents(scoped, true);
    // the comparison is over tables that hold rows, the peer and history rules' flags among them
    for (Table table : Tables.ANALYSED) {
      assertFalse(expected.get(table.name()).isEmpty(), table.name() + " is empty");
    }
    for (String rule : List.of("PEER_OUTLIER", "HISTORY_OUTLIER")) {
      assertTrue(expected.get(Tables.FLAGS.name()).stream()
          .anyMatch(r -> r.contains("\"rule_id\":\"" + rule + "\"")), rule + " raised");
    }
    for (String name : expected.keySet()) {
      assertEquals(expected.get(name).size(), actual.get(name).size(), name + ": rows");
      assertEquals(expected.get(name), actual.get(name), name);
    }

    // the changes as loaded, analysed with a wrong scope: the forms of one new document left out
    Warehouse wh = new Warehouse(wrong.toString());
    AnalyseStage.Settings analyse = new AnalyseStage.Settings(wrong.toString(),
        PipelineSettings.DEFAULT_RULE_PACK, null, "selfeval test");
    String source = AnalyseStage.source(spark, analyse);
    ChangeScope scope = ChangeScope.since(spark, wh, AnalysedStamp.settings(source))
        .orElseThrow();
    String left = held.get(0).getFileName().toString();
    Dataset<Row> leftOut = wh.read(spark, Tables.FORMS)
        .where(org.apache.spark.sql.functions.col("source_file").endsWith(left))
        .select("form_id");
    ChangeScope narrowed = new ChangeScope(scope.forms().join(leftOut,
        scope.forms().col("form_id").equalTo(leftOut.col("form_id")), "left_anti"),
        scope.units(), scope.formCount());
    new ScopedAnalysis(spark, wh, source, 20211L).run(narrowed, RulePack.load("national"),
        FlagThresholds.load(null));
    Map<String, List<String>> wronged = contents(wrong, false);
    boolean differs = false;
    for (String name : wronged.keySet()) {
      differs |= !wronged.get(name).equals(expected.get(name));
    }
    assertTrue(differs, "a scope without the forms of " + left + " leaves other tables");
    assertFalse(wronged.get("int_indicator_deviations").equals(
        expected.get("int_indicator_deviations")), "its indicator rows are missing");
  }

  private void run(Path input, Path warehouse, boolean full) throws Exception {
    run(input, warehouse, full, StageListener.NONE);
  }

  private void run(Path input, Path warehouse, boolean full, StageListener listener)
      throws Exception {
    new Pipeline(settings(input, warehouse, RunLedger.newRunId(Instant.now()), full),
        listener, PipelineHooks.NONE).run();
  }

  /** Copies {@code warehouse} to {@code to} when analyse begins: extract and load are done. */
  private static StageListener copyBeforeAnalyse(Path warehouse, Path to) {
    return new StageListener() {
      @Override
      public void begin(String stage) {
        if (stage.equals("analyse")) {
          try {
            Folders.copy(warehouse, to);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }
    };
  }

  private static PipelineSettings settings(Path input, Path warehouse, String runId,
      boolean full) {
    return PipelineSettings.builder(warehouse.toString(), runId).input(input.toString())
        .master("local[2]").version("selfeval test").full(full).build();
  }

  private static String lastOperation(SparkSession spark, Warehouse wh, Table table) {
    Row last = DeltaTable.forPath(spark, wh.table(table)).history(1)
        .selectExpr("operation", "operationParameters['mode']").first();
    return last.getString(0) + (last.isNullAt(1) ? "" : " " + last.getString(1));
  }

  /** Every int_ table's rows (and every mart's, when {@code marts}) as sorted JSON. */
  private static Map<String, List<String>> contents(Path warehouse, boolean marts) {
    SparkSession spark = SharedSpark.get();
    Map<String, List<String>> all = new LinkedHashMap<>();
    for (Table table : Tables.ANALYSED) {
      all.put(table.name(), rows(spark.read().format("delta").load(warehouse + "/delta/"
          + table.name())));
    }
    if (marts) {
      for (String mart : Marts.NAMES) {
        all.put("mart " + mart, rows(spark.read().parquet(warehouse + "/marts/" + mart)));
      }
    }
    return all;
  }

  private static List<String> rows(Dataset<Row> df) {
    return df.drop(RUN_COLUMNS.toArray(String[]::new)).toJSON().collectAsList().stream()
        .sorted().toList();
  }

  private static Path target(Path corpus, Path document, Path input) {
    return input.resolve(corpus.resolve("reports").relativize(document).toString());
  }

  private static void copy(Path corpus, Path document, Path input) {
    try {
      Path to = target(corpus, document, input);
      Files.createDirectories(to.getParent());
      Files.copy(document, to);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
