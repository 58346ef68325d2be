package io.selfeval.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.extract.Seeds;
import io.selfeval.pipeline.ExitCodes;
import io.selfeval.spark.SharedSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The stages run one at a time, as a person or a scheduler may run them: each leaves its row in
 * the runs ledger, a failed one too, and a standalone publish stamps what its marts are built
 * from, so the next {@code run} over the same reports finds nothing new.
 */
class StandaloneStagesIT {

  @TempDir
  Path dir;

  private final StringWriter printed = new StringWriter();

  private int execute(String... args) {
    SharedSpark.get(); // the commands run in the session there is, as when embedded
    CommandLine cli = SelfevalCli.commandLine();
    cli.setOut(new PrintWriter(printed, true));
    cli.setErr(new PrintWriter(printed, true));
    return cli.execute(args);
  }

  private List<Row> ledger(Path warehouse) {
    return SharedSpark.get().read().format("delta").load(warehouse + "/delta/runs")
        .orderBy(col("started_at")).collectAsList();
  }

  @Test
  void everyStageWritesItsRowAndTheNextRunFindsNothingNew() throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    for (String seed : List.of(Seeds.NAMES.get(1), Seeds.NAMES.get(4))) {
      Files.write(input.resolve(seed), Seeds.bytes(seed));
    }
    String wh = dir.resolve("wh").toString();
    assertEquals(ExitCodes.OK, execute("extract", "--input", input.toString(),
        "--warehouse", wh), printed.toString());
    for (String stage : List.of("load", "analyse", "publish")) {
      assertEquals(ExitCodes.OK, execute(stage, "--warehouse", wh), printed.toString());
    }

    List<Row> rows = ledger(Path.of(wh));
    assertEquals(List.of("extract", "load", "analyse", "publish"),
        rows.stream().map(r -> r.<String>getAs("stage")).toList());
    for (Row r : rows) {
      assertEquals("ok", r.getAs("outcome"), r.toString());
    }
    assertEquals(4, rows.stream().map(r -> r.<String>getAs("run_id")).distinct().count(),
        "each command is a run of its own: " + rows);

    // the same reports, the same default settings: the marts the stages published are current
    assertEquals(ExitCodes.NOTHING_NEW, execute("run", "--input", input.toString(),
        "--warehouse", wh), printed.toString());
    // every file as the catalogue recorded it and the marts current: the run reads nothing and
    // writes nothing, not even a runs row (README "Running it on a schedule")
    List<Row> after = ledger(Path.of(wh));
    assertEquals(4, after.size(), after.toString());
  }

  @Test
  void failedStandaloneStageWritesItsRowWithTheReason() {
    Path wh = dir.resolve("empty-wh");
    assertEquals(ExitCodes.FAILED, execute("publish", "--warehouse", wh.toString()));
    List<Row> rows = ledger(wh);
    assertEquals(1, rows.size(), rows.toString());
    assertEquals("publish", rows.get(0).getAs("stage"));
    assertEquals("failed", rows.get(0).getAs("outcome"));
    String message = rows.get(0).getAs("message");
    assertTrue(message != null && !message.isBlank() && !"null".equals(message), message);
    assertFalse(Files.exists(wh.resolve("marts")), "nothing published");
  }
}
