package io.selfeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.extract.Seeds;
import io.selfeval.pipeline.ExitCodes;
import io.selfeval.pipeline.Pipeline;
import io.selfeval.pipeline.PipelineHooks;
import io.selfeval.pipeline.PipelineSettings;
import io.selfeval.pipeline.StageListener;
import io.selfeval.publish.Marts;
import io.selfeval.spark.SharedSpark;
import io.selfeval.warehouse.RunLedger;
import io.selfeval.warehouse.RunLock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs that die in the middle of load and of publish: readers keep whole marts, the next run
 * clears the dead run's lock and completes, and tables and marts end equal to those of runs that
 * were never interrupted. The deaths in load and before publish's switch are failures thrown at
 * those points in this JVM (what they leave on disk is what a kill there leaves, the lock and
 * ledger row aside); the death after the first switch is a SIGKILL, the one that leaves a lock
 * behind and marts half switched.
 * Tagged {@code child-jvm}: the run it kills is a separate JVM on this test JVM's class path.
 */
@Tag("child-jvm")
class CrashRecoveryIT {

  private static final String SECOND = ReferenceRuns.SECOND;

  @TempDir
  Path dir;

  @Test
  void killedLoadAndPublishRecoverToTheTablesAndMartsOfUninterruptedRuns() throws Exception {
    // a copy of the shared first run (seed 001), and the reference: the shared second run with
    // one more report (seed 004) on that first run's warehouse, never interrupted
    ReferenceRuns.Run first = ReferenceRuns.firstSeed();
    assertEquals(ExitCodes.OK, first.code(), first.output());
    ReferenceRuns.Run start = first.copyTo(dir);
    final Path input = start.input();
    final Path wh = start.warehouse();
    final String firstMarts = martRunId(wh, Marts.FORM_SCORECARD);
    ReferenceRuns.Run second = ReferenceRuns.secondSeedAdded();
    assertEquals(ExitCodes.OK, second.code(), second.output());
    final Path ref = second.warehouse();
    Files.write(input.resolve(SECOND), Seeds.bytes(SECOND));

    // the same second run on the warehouse itself, dying three times before it completes

    failAt(PipelineHooks.LOAD_BEFORE_FORMS, input, wh);
    assertEquals(firstMarts, martRunId(wh, Marts.FORM_SCORECARD));

    failAt(PipelineHooks.PUBLISH_BEFORE_SWITCH, input, wh);
    for (String mart : Marts.NAMES) {
      assertEquals(firstMarts, martRunId(wh, mart), mart + ": readers still get the old one");
    }
    assertEquals(1, martRows(wh, Marts.FORM_SCORECARD), "the old scorecard, whole");

    killAt(PipelineHooks.PUBLISH_AFTER_FIRST_SWITCH, input, wh);
    String switched = martRunId(wh, Marts.FORM_SCORECARD);
    assertTrue(!switched.equals(firstMarts), "the first mart was switched before the kill");
    assertEquals(2, martRows(wh, Marts.FORM_SCORECARD), "the new scorecard, whole");
    assertEquals(firstMarts, martRunId(wh, Marts.INFLATION_FLAGS), "not switched yet");

    // the next run clears the dead run's lock, completes, and ends where the reference is
    assertTrue(Files.exists(wh.resolve(RunLock.FILE)), "the killed run left its lock");
    assertEquals(ExitCodes.OK, execute(input, wh));
    assertTrue(!Files.exists(wh.resolve(RunLock.FILE)));
    Map<String, List<String>> expected = WarehouseContents.of(ref);
    Map<String, List<String>> actual = WarehouseContents.of(wh);
    for (String name : expected.keySet()) {
      assertEquals(expected.get(name), actual.get(name), name);
    }
    String now = martRunId(wh, Marts.FORM_SCORECARD);
    for (String mart : Marts.NAMES) {
      assertEquals(now, martRunId(wh, mart), mart + " from the last run");
    }
  }

  /** {@code selfeval run} in this JVM, through the command line (lock included). */
  private static int execute(Path input, Path warehouse) {
    CommandLine cli = SelfevalCli.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    return cli.execute("run", "--input", input.toString(), "--warehouse", warehouse.toString());
  }

  /**
   * {@code selfeval run} in this JVM, as the CLI builds it, failing at {@code point}: the run
   * stops there, its writes so far stay, and the failure is recorded and its lock given back.
   */
  private static void failAt(String point, Path input, Path warehouse) {
    PipelineSettings settings = PipelineSettings.builder(warehouse.toString(),
            RunLedger.newRunId(Instant.now()))
        .input(input.toString()).version(new SelfevalCli.Version().getVersion()[0]).build();
    PipelineHooks fail = reached -> {
      if (reached.equals(point)) {
        throw new IllegalStateException("died at " + point);
      }
    };
    SharedSpark.get();
    Exception died = assertThrows(Exception.class,
        () -> new Pipeline(settings, StageListener.NONE, fail).run(), "reached " + point);
    assertTrue(String.valueOf(died.getMessage()).contains("died at " + point),
        String.valueOf(died));
    assertTrue(!Files.exists(warehouse.resolve(RunLock.FILE)), "the failed run's lock is gone");
  }

  /**
   * Starts {@code selfeval run} in a new JVM ({@link PausingRun}) that waits at {@code point},
   * kills it there with SIGKILL and checks that it died of it.
   */
  private static void killAt(String point, Path input, Path warehouse) throws Exception {
    List<String> command = ChildJvm.command();
    command.addAll(List.of(PausingRun.class.getName(), point, input.toString(),
        warehouse.toString()));
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    StringBuilder err = new StringBuilder();
    CompletableFuture<Boolean> reached = CompletableFuture.supplyAsync(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(
          process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          err.append(line).append('\n');
          if (line.equals("selfeval: paused at " + point)) {
            return true;
          }
        }
        return false;
      } catch (IOException e) {
        return false;
      }
    });
    try {
      assertTrue(reached.get(10, TimeUnit.MINUTES), "never reached " + point + ":\n" + err);
    } finally {
      process.destroyForcibly();
    }
    assertEquals(137, process.waitFor(), "killed by SIGKILL at " + point);
  }

  private static String martRunId(Path warehouse, String mart) throws IOException {
    return Files.readString(warehouse.resolve("marts").resolve(mart).resolve("_RUN_ID")).trim();
  }

  private static long martRows(Path warehouse, String mart) {
    return SharedSpark.get().read().parquet(warehouse.resolve("marts").resolve(mart).toString())
        .count();
  }
}
