package io.selfeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.extract.Seeds;
import io.selfeval.pipeline.ExitCodes;
import io.selfeval.publish.Marts;
import io.selfeval.spark.SharedSpark;
import io.selfeval.warehouse.RunLock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code run} as a scheduler sees it: exit codes that tell "done", "nothing new" and "newly
 * rejected" apart, runs that repeat leave tables and marts as they were, and a run refused while
 * another holds the warehouse.
 */
class ScheduledRunIT {


  @TempDir
  Path dir;

  private record Outcome(int code, String output, String runId) {
    String last() {
      return output.strip().lines().reduce((a, b) -> b).orElse("");
    }
  }

  private Outcome run(Path input, Path warehouse, String... extra) {
    StringWriter out = new StringWriter();
    RunCommand command = InTestRun.parse(out, input, warehouse, extra);
    try {
      int code = command.call();
      return new Outcome(code, out.toString(), command.runId());
    } catch (Exception e) {
      throw new AssertionError("run failed: " + out, e);
    }
  }



  /** The latest Delta version of every table of the warehouse, by name. */
  private static Map<String, Long> deltaVersions(Path warehouse) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> tables = Files.list(warehouse.resolve("delta"))) {
      for (Path table : tables.toList()) {
        try (Stream<Path> log = Files.list(table.resolve("_delta_log"))) {
          out.put(table.getFileName().toString(), log.map(p -> p.getFileName().toString())
              .filter(n -> n.matches("\\d{20}\\.json"))
              .mapToLong(n -> Long.parseLong(n.substring(0, 20))).max().orElse(-1));
        }
      }
    }
    return out;
  }

  private static String martRunId(Path warehouse) throws Exception {
    return Files.readString(warehouse.resolve("marts/form_scorecard/_RUN_ID")).trim();
  }

  @Test
  void repeatedRunsSayNothingNewAndLeaveTablesAndMartsAsTheyWere() throws Exception {
    // a copy of the shared first run: seed 001 alone into an empty warehouse
    ReferenceRuns.Run first = ReferenceRuns.firstSeed().copyTo(dir);
    final Path input = first.input();
    final Path warehouse = first.warehouse();
    assertEquals(ExitCodes.OK, first.code(), first.output());
    assertTrue(first.last().contains("1 documents: 1 loaded, 0 unchanged, 0 rejected (0 new)"),
        first.last());
    assertEquals(first.runId(), martRunId(warehouse));
    Map<String, List<String>> after1 = WarehouseContents.of(warehouse);
    assertEquals(1, after1.get("mart form_scorecard").size());

    final Map<String, Long> versions1 = deltaVersions(warehouse);
    Outcome second = run(input, warehouse);
    assertEquals(ExitCodes.NOTHING_NEW, second.code(), second.output());
    assertTrue(second.last().startsWith("run " + second.runId() + ": nothing new in "),
        second.last());
    assertTrue(second.last().endsWith("0 loaded, 1 unchanged, 0 rejected (0 new); analyse, "
        + "publish and site skipped, marts up to date (exit 3)"), second.last());
    assertEquals(first.runId(), martRunId(warehouse), "marts not republished");
    // told by the catalogue alone: no table, the catalogue and the ledger included, gets a commit
    assertEquals(versions1, deltaVersions(warehouse));
    assertEquals(0, SharedSpark.get().read().format("delta").load(warehouse + "/delta/runs")
        .where("run_id = '" + second.runId() + "'").count());
    assertEquals(after1, WarehouseContents.of(warehouse));

    // a file touched (same bytes, new time) is hashed, not extracted again: nothing new either
    Path seed = input.resolve(Seeds.NAMES.get(1));
    Files.setLastModifiedTime(seed, FileTime.fromMillis(Files.getLastModifiedTime(seed)
        .toMillis() + 60_000));
    Outcome touched = run(input, warehouse);
    assertEquals(ExitCodes.NOTHING_NEW, touched.code(), touched.output());
    List<Row> skipped = SharedSpark.get().read().format("delta").load(warehouse + "/delta/runs")
        .where("run_id = '" + touched.runId() + "' and outcome = 'skipped_nothing_new'")
        .orderBy("stage").collectAsList();
    assertEquals(List.of("analyse", "publish", "site"),
        skipped.stream().map(r -> r.<String>getAs("stage")).toList());
    Row extract = SharedSpark.get().read().format("delta").load(warehouse + "/delta/runs")
        .where("run_id = '" + touched.runId() + "' and stage = 'extract'").first();
    assertEquals(List.of(1L, 0L, 1L, 0L), List.of(extract.<Long>getAs("documents_in"),
        extract.<Long>getAs("documents_done"), extract.<Long>getAs("documents_skipped"),
        extract.<Long>getAs("records_in")));
    assertEquals("unchanged", SharedSpark.get().read().json(warehouse
        + "/staging/document_outcomes").first().getAs("status"));
    assertEquals(after1, WarehouseContents.of(warehouse));
    final Map<String, Long> versions2 = deltaVersions(warehouse);
    Outcome again = run(input, warehouse);
    assertEquals(ExitCodes.NOTHING_NEW, again.code(), again.output());
    assertEquals(versions2, deltaVersions(warehouse), "the touched time is in the catalogue now");

    Outcome third = run(input, warehouse, "--force");
    assertEquals(ExitCodes.OK, third.code(), third.output());
    assertEquals(third.runId(), martRunId(warehouse), "--force republishes");
    assertEquals(after1, WarehouseContents.of(warehouse), "three runs, the same tables and marts");

    // a new report and a bad file: done, but with a rejection no run had made before
    Files.write(input.resolve(Seeds.NAMES.get(4)), Seeds.bytes(Seeds.NAMES.get(4)));
    Files.write(input.resolve("empty.txt"), new byte[0]);
    Outcome fourth = run(input, warehouse);
    assertEquals(ExitCodes.SOME_REJECTED, fourth.code(), fourth.output());
    assertTrue(fourth.last().contains("3 documents: 1 loaded, 1 unchanged, 1 rejected (1 new)"),
        fourth.last());
    assertEquals(2, SharedSpark.get().read().parquet(warehouse + "/marts/form_scorecard")
        .count());

    // the same bad file again is old news, told by the catalogue without a commit
    final Map<String, Long> versions4 = deltaVersions(warehouse);
    Outcome fifth = run(input, warehouse);
    assertEquals(ExitCodes.NOTHING_NEW, fifth.code(), fifth.output());
    assertTrue(fifth.last().contains("3 documents: 0 loaded, 2 unchanged, 1 rejected (0 new)"),
        fifth.last());
    assertEquals(versions4, deltaVersions(warehouse));
  }

  @Test
  void runIsRefusedWhileAnotherHoldsTheWarehouse() throws Exception {
    Path warehouse = Files.createDirectories(dir.resolve("locked"));
    Files.writeString(warehouse.resolve(RunLock.FILE), "run_id=20261201T000000Z-aaaaaa\nhost="
        + java.net.InetAddress.getLocalHost().getHostName() + "\npid="
        + ProcessHandle.current().pid() + "\nstarted_at=" + Instant.now() + "\n");
    CommandLine cli = SelfevalCli.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("run", "--input", dir.toString(), "--warehouse",
        warehouse.toString());
    assertEquals(ExitCodes.LOCKED, code, err.toString());
    assertTrue(err.toString().contains("selfeval: run refused: another selfeval run holds the "
        + "warehouse lock"), err.toString());
    assertTrue(err.toString().contains("run 20261201T000000Z-aaaaaa, process "
        + ProcessHandle.current().pid()), err.toString());
    assertTrue(Files.exists(warehouse.resolve(RunLock.FILE)), "the holder's lock stays");
  }
}
