package io.selfeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.pipeline.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Options that name something unusable end the command with exit code 2 and a one-line reason,
 * before anything is written (no lock, no warehouse folder) and before Spark starts.
 */
class OptionChecksTest {

  @TempDir
  Path tmp;

  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine cli = SelfevalCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void emptyWarehouseIsUsageError() {
    assertEquals(ExitCodes.USAGE, execute("load", "--warehouse", ""));
    assertTrue(err.toString().contains("--warehouse is empty"), err.toString());
  }

  @Test
  void warehouseThatIsFileIsUsageErrorNotLockHeldByNobody() throws Exception {
    Path file = Files.writeString(tmp.resolve("wh"), "not a folder");
    assertEquals(ExitCodes.USAGE, execute("publish", "--warehouse", file.toString()));
    assertTrue(err.toString().contains("is a file, not a folder"), err.toString());
    assertEquals("not a folder", Files.readString(file));
  }

  @Test
  void missingInputIsUsageErrorAndNothingIsWritten() {
    Path warehouse = tmp.resolve("wh");
    assertEquals(ExitCodes.USAGE, execute("run", "--input", tmp.resolve("nope").toString(),
        "--warehouse", warehouse.toString()));
    assertTrue(err.toString().contains("does not exist"), err.toString());
    assertFalse(Files.exists(warehouse), "no warehouse made, no lock taken");
  }

  @Test
  void negativeThresholdsInConfigAreUsageErrorNamingThem() throws Exception {
    String builtIn = new String(getClass().getResourceAsStream("/flags.json").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    Path config = Files.writeString(tmp.resolve("flags.json"), builtIn
        .replace("\"score_tolerance\": 0.01", "\"score_tolerance\": -1")
        .replace("\"exact_hits_min_share\": 0.9", "\"exact_hits_min_share\": 9")
        // a file written before the digit tests' floors were settings: refused, not zero
        .replace("\"digit_round_unit_wan_yuan\": 10,", ""));
    Path warehouse = tmp.resolve("wh");
    assertEquals(ExitCodes.USAGE, execute("run", "--input", tmp.toString(), "--warehouse",
        warehouse.toString(), "--config", config.toString()));
    assertTrue(err.toString().contains("score_tolerance = -1 is negative"), err.toString());
    assertTrue(err.toString().contains("exact_hits_min_share = 9 is a share above 1"),
        err.toString());
    assertTrue(err.toString().contains("digit_round_unit_wan_yuan is missing"),
        err.toString());
    assertFalse(Files.exists(warehouse));
  }

  @Test
  void unknownRulePackIsUsageErrorBeforeExtract() {
    Path warehouse = tmp.resolve("wh");
    assertEquals(ExitCodes.USAGE, execute("run", "--input", tmp.toString(), "--warehouse",
        warehouse.toString(), "--rule-pack", "atlantis"));
    assertTrue(err.toString().contains("--rule-pack atlantis"), err.toString());
    assertFalse(Files.exists(warehouse));
  }

  @Test
  void builtInThresholdsAreValid() {
    io.selfeval.analyse.FlagThresholds.load(null);
  }
}
