package io.selfeval.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.Folders;
import io.selfeval.extract.ReportExtractor;
import io.selfeval.extract.Seeds;
import io.selfeval.model.Records;
import io.selfeval.spark.SharedSpark;
import io.selfeval.warehouse.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load follows the input its outcomes list (issue #20 §4): deleted, renamed, corrected,
 * duplicated and rejected documents. Seed 001 and seed 004 hold one form each (golden files);
 * seed 001's versions below change one indicator's score, so they are other bytes of the same
 * unit, year and form. Both tests start from a copy of one first load. An integration test
 * (six loads of records and outcomes files), so it runs in {@code mvn verify}, not in the quick
 * loop.
 */
class LoadFollowsInputIT {

  private static final String ONE = Seeds.NAMES.get(1);
  private static final String FOUR = Seeds.NAMES.get(4);
  private static final String ROW = "\t市容市貌\t整洁、有序、舒适\t效果显著\t10\t10\t";

  /** The warehouse after the load both tests start with (a.txt and d.txt), made once. */
  private static Path firstLoad;

  @TempDir
  Path tmp;

  private final SparkSession spark = SharedSpark.get();
  private int step;

  /**
   * Loads a.txt (seed 001) and d.txt (seed 004) into an empty warehouse, once for the class: a
   * first load retires nothing, so it is the same under either policy.
   */
  @BeforeAll
  static void loadTheFirstInput(@TempDir Path shared) throws IOException {
    LoadFollowsInputIT first = new LoadFollowsInputIT();
    first.tmp = shared;
    first.load(new Warehouse(shared.resolve("wh").toString()), InputChanges.Policy.FOLLOW_INPUT,
        new Doc("a.txt", version(null), "parsed"), new Doc("d.txt", Seeds.bytes(FOUR), "parsed"));
    firstLoad = shared.resolve("wh");
  }

  /** A copy of the first load's warehouse, at {@code name} under this test's folder. */
  private Warehouse afterFirstLoad(String name) throws IOException {
    Path copy = tmp.resolve(name);
    Folders.copy(firstLoad, copy);
    step = 1;
    return new Warehouse(copy.toString());
  }

  private static byte[] version(String score) {
    String text = Seeds.text(ONE);
    String changed = score == null ? text
        : text.replace(ROW, "\t市容市貌\t整洁、有序、舒适\t效果显著\t10\t" + score + "\t整治仍有反复");
    assertTrue(score == null || !changed.equals(text));
    return changed.getBytes(StandardCharsets.UTF_8);
  }

  /** A document of the input: its name, bytes and extraction status. */
  private record Doc(String file, byte[] bytes, String status) {}

  /**
   * Loads the records of the documents whose status is parsed, with outcomes that list every
   * document given: the input as extract would have seen it.
   */
  private LoadSummary load(Warehouse w, InputChanges.Policy policy, Doc... input)
      throws IOException {
    List<String> records = new ArrayList<>();
    List<String> outcomes = new ArrayList<>();
    for (Doc d : input) {
      if (d.status().equals("parsed")) {
        ReportExtractor.extract(d.bytes(), d.file()).records()
            .forEach(r -> records.add(Records.toJson(r)));
      }
      outcomes.add("{\"file\":\"" + d.file() + "\",\"sha256\":\"" + Records.sha256Hex(d.bytes())
          + "\",\"status\":\"" + d.status() + "\",\"forms\":0,\"indicator_rows\":0,"
          + "\"facts\":0,\"warnings\":0,\"extracted_at\":\"2026-01-01T00:00:00Z\"}");
    }
    step++;
    Path r = Files.write(tmp.resolve("records-" + step + ".jsonl"), records);
    Path o = Files.write(tmp.resolve("outcomes-" + step + ".json"), outcomes);
    return new LoadJob(spark, w, policy).run(r.toString(), o.toString(), "run-" + step);
  }

  private Dataset<Row> table(Warehouse w, String name) {
    return spark.read().format("delta").load(w.root() + "/delta/" + name);
  }

  private List<String> files(Warehouse w, String name) {
    return table(w, name).select("source_file").distinct().as(Encoders.STRING())
        .collectAsList().stream().sorted().toList();
  }

  @Test
  void tablesShowExactlyTheDocumentsOfTheInput() throws IOException {
    Warehouse w = afterFirstLoad("wh");
    assertEquals(List.of("a.txt", "d.txt"), files(w, "forms"));

    // d.txt deleted, a.txt renamed: one document retired, the other renamed everywhere
    LoadSummary moved = load(w, InputChanges.Policy.FOLLOW_INPUT,
        new Doc("renamed.txt", version(null), "unchanged"));
    assertEquals(1, moved.retired());
    assertEquals(0, moved.loaded());
    assertEquals(List.of("renamed.txt"), files(w, "forms"));
    assertEquals(List.of("renamed.txt"), files(w, "indicators"));
    assertEquals(List.of("renamed.txt"), files(w, "budget_lines"));

    // renamed and corrected: the corrected form replaces the old one
    LoadSummary corrected = load(w, InputChanges.Policy.FOLLOW_INPUT,
        new Doc("corrected.txt", version("8"), "parsed"));
    assertEquals(1, corrected.retired());
    assertEquals(List.of("corrected.txt"), files(w, "forms"));
    assertEquals("8.000000", table(w, "indicators").where("name = '市容市貌'").first()
        .getAs("score").toString());

    // another document with the same unit, year and form, loaded later: it is kept, the
    // earlier one leaves the current tables for superseded_forms
    LoadSummary duplicate = load(w, InputChanges.Policy.FOLLOW_INPUT,
        new Doc("corrected.txt", version("8"), "unchanged"),
        new Doc("v3.txt", version("9"), "parsed"));
    assertEquals(0, duplicate.retired());
    assertEquals(List.of("v3.txt"), files(w, "forms"));
    assertEquals(List.of("v3.txt"), files(w, "indicators"));
    Row pair = table(w, "superseded_forms").first();
    assertEquals(List.of("corrected.txt", "v3.txt"), List.of(pair.<String>getAs("source_file"),
        pair.<String>getAs("kept_source_file")));

    // both replaced: v3.txt by bytes extraction rejects, corrected.txt deleted
    LoadSummary rejected = load(w, InputChanges.Policy.FOLLOW_INPUT,
        new Doc("v3.txt", new byte[0], "rejected"));
    assertEquals(1, rejected.retired());
    assertEquals(0, table(w, "forms").count());
    assertEquals(0, table(w, "indicators").count());
    assertEquals(0, table(w, "superseded_forms").count());
  }

  @Test
  void keepMissingKeepsDocumentsNoLongerListed() throws IOException {
    Warehouse w = afterFirstLoad("keep");
    LoadSummary kept = load(w, InputChanges.Policy.KEEP_MISSING,
        new Doc("a.txt", version(null), "unchanged"));
    assertEquals(0, kept.retired());
    assertEquals(List.of("a.txt", "d.txt"), files(w, "forms"));
  }
}
