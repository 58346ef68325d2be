package io.selfeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.pipeline.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SelfevalCliTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine cli = SelfevalCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void helpListsEveryStageAndTheSharedOptionsOfEachStage() {
    assertEquals(0, execute("--help"));
    for (String stage : new String[] {"extract", "load", "analyse", "publish", "site", "run"}) {
      assertTrue(out.toString().contains("  " + stage), "help lacks " + stage + ":\n" + out);
    }
    out.getBuffer().setLength(0);
    assertEquals(0, execute("extract", "--help"));
    for (String option : new String[] {"--warehouse", "--config", "--master", "--verbose",
        "--input", "--out"}) {
      assertTrue(out.toString().contains(option), "extract help lacks " + option + ":\n" + out);
    }
  }

  /**
   * Every command's help is formatted, not printed raw: a lone {@code %} in a description makes
   * picocli warn and print the text with its {@code %n} unreplaced ("right %, wrong" once did).
   */
  @Test
  void everyCommandsHelpIsFormatted() {
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      for (String name : SelfevalCli.commandLine().getSubcommands().keySet()) {
        out.getBuffer().setLength(0);
        assertEquals(0, execute(name, "--help"), name);
        assertTrue(!out.toString().contains("%n"), name + " help has a raw %n:\n" + out);
      }
    } finally {
      System.setErr(stderr);
    }
    assertTrue(!warnings.toString(java.nio.charset.StandardCharsets.UTF_8)
        .contains("Could not format"), warnings.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void versionNamesTheProductAndSpark() {
    assertEquals(0, execute("--version"));
    assertTrue(out.toString().startsWith("selfeval "), out.toString());
    assertTrue(out.toString().contains("Spark 4.1.0"), out.toString());
  }

  @Test
  void missingStageIsUsageError() {
    assertEquals(ExitCodes.USAGE, execute());
    assertTrue(err.toString().contains("Name a stage"), err.toString());
  }

  /**
   * In YARN's cluster deploy mode main must not call System.exit, not even with 0: the
   * application master would report the run failed and start it again. It returns on success
   * and throws otherwise (here, a usage error).
   */
  @Test
  void mainReturnsOrThrowsInsideYarnApplicationMaster() {
    final String master = System.setProperty("spark.master", "yarn");
    final String deployMode = System.setProperty("spark.submit.deployMode", "cluster");
    try {
      SelfevalCli.main(new String[] {"--version"});
      IllegalStateException failed = assertThrows(IllegalStateException.class,
          () -> SelfevalCli.main(new String[] {"extract", "--no-such-option"}));
      assertTrue(failed.getMessage().contains("exited with " + ExitCodes.USAGE),
          failed.getMessage());
    } finally {
      restore("spark.master", master);
      restore("spark.submit.deployMode", deployMode);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  @Test
  void unknownOptionIsUsageError() {
    assertEquals(ExitCodes.USAGE, execute("extract", "--no-such-option"));
  }
}
