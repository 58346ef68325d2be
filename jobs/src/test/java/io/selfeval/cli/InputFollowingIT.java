package io.selfeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.selfeval.pipeline.ExitCodes;
import io.selfeval.spark.SharedSpark;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse follows its input (issue #20 §4), end to end: a deleted document leaves the
 * current tables and marts, a renamed one takes its new name there, and an unchanged file is
 * recognised by its path, size and time without being read. Seed 001 and seed 004 each hold one
 * form (their golden files). Corrections, duplicates, rejected versions and --keep-missing are
 * tested on the load ({@code LoadFollowsInputIT}).
 */
class InputFollowingIT {

  private static final String ONE = ReferenceRuns.FIRST;
  private static final String FOUR = ReferenceRuns.SECOND;

  @TempDir
  Path dir;

  private record Outcome(int code, String output, String runId) {}

  private Outcome run(Path input, Path warehouse, String... extra) {
    StringWriter out = new StringWriter();
    RunCommand command = InTestRun.parse(out, input, warehouse, extra);
    try {
      return new Outcome(command.call(), out.toString(), command.runId());
    } catch (Exception e) {
      throw new AssertionError("run failed: " + out, e);
    }
  }

  private static List<String> column(Dataset<Row> rows, String column) {
    return rows.select(column).as(Encoders.STRING()).collectAsList().stream().sorted().toList();
  }

  private static Dataset<Row> table(Path warehouse, String name) {
    return SharedSpark.get().read().format("delta").load(warehouse + "/delta/" + name);
  }

  private static Dataset<Row> scorecard(Path warehouse) {
    return SharedSpark.get().read().parquet(warehouse + "/marts/form_scorecard");
  }

  private static long retired(Path warehouse, String runId) {
    return table(warehouse, "runs").where("run_id = '" + runId + "' and stage = 'load'")
        .first().<Long>getAs("documents_retired");
  }

  @Test
  void tablesAndMartsShowExactlyTheDocumentsInTheInput() throws Exception {
    // a copy of the shared runs on seed 001, then with seed 004 added
    ReferenceRuns.Run first = ReferenceRuns.secondSeedAdded();
    assertEquals(ExitCodes.OK, first.code(), first.output());
    ReferenceRuns.Run copy = first.copyTo(dir);
    Path input = copy.input();
    Path warehouse = copy.warehouse();
    assertEquals(List.of(ONE, FOUR), column(scorecard(warehouse), "source_file"));

    // one report deleted, the other renamed: the deleted one's form leaves tables and marts
    // (the ledger counts one document retired), the renamed one's rows take its new name
    Files.delete(input.resolve(FOUR));
    Files.move(input.resolve(ONE), input.resolve("renamed.txt"));
    Outcome moved = run(input, warehouse);
    assertEquals(ExitCodes.OK, moved.code(), "retiring changes the marts: " + moved.output());
    assertEquals(List.of("renamed.txt"), column(table(warehouse, "forms"), "source_file"));
    assertEquals(List.of("renamed.txt"), column(scorecard(warehouse), "source_file"));
    assertEquals(List.of("renamed.txt"), column(table(warehouse, "indicators")
        .select("source_file").distinct(), "source_file"));
    assertEquals(1L, retired(warehouse, moved.runId()));
    assertEquals("missing", table(warehouse, "documents").where("file = '" + FOUR + "'")
        .first().getAs("status"));

    // same path, size and time: recognised without being read. Bytes of the same size put
    // behind its back are not seen: had the file been read and hashed, they would be a new
    // version (loaded: exit 0 or 4), not "nothing new".
    Path renamed = input.resolve("renamed.txt");
    byte[] bytes = Files.readAllBytes(renamed);
    FileTime time = Files.getLastModifiedTime(renamed);
    bytes[bytes.length - 1] = (byte) (bytes[bytes.length - 1] == ' ' ? '.' : ' ');
    Files.write(renamed, bytes);
    Files.setLastModifiedTime(renamed, time);
    Outcome unread = run(input, warehouse);
    assertEquals(ExitCodes.NOTHING_NEW, unread.code(), unread.output());
    assertEquals(List.of("unchanged"), column(SharedSpark.get().read()
        .json(warehouse + "/staging/document_outcomes"), "status"));
  }
}
