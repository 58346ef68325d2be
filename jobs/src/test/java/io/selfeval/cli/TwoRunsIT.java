package io.selfeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.Folders;
import io.selfeval.pipeline.ExitCodes;
import io.selfeval.warehouse.RunLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code selfeval run}s on one warehouse, started together as two JVMs (as two
 * schedulers or an impatient user would): exactly one is refused with exit 5 and a message naming
 * the run that holds the lock; the other completes, and its tables and marts are those of a
 * single run on the same input: the shared reference run on seed 001 ({@link ReferenceRuns}),
 * whose input the two runs read.
 */
@Tag("child-jvm")
class TwoRunsIT {

  @TempDir
  Path dir;

  @Test
  void oneOfTwoRunsStartedTogetherIsRefusedAndTheOtherEndsLikeOneRun() throws Exception {
    ReferenceRuns.Run single = ReferenceRuns.firstSeed();
    assertEquals(ExitCodes.OK, single.code(), single.output());
    Path input = dir.resolve("in");
    Folders.copy(single.input(), input, StandardCopyOption.COPY_ATTRIBUTES);
    Path wh = dir.resolve("wh");
    Process first = start(input, wh, "first");
    Process second = start(input, wh, "second");
    assertTrue(first.waitFor(15, TimeUnit.MINUTES) && second.waitFor(15, TimeUnit.MINUTES),
        "both runs ended");
    int[] codes = {first.exitValue(), second.exitValue()};
    String[] logs = {Files.readString(dir.resolve("first.log")),
        Files.readString(dir.resolve("second.log"))};
    int refused = codes[0] == ExitCodes.LOCKED ? 0 : 1;
    int done = 1 - refused;
    assertEquals(ExitCodes.LOCKED, codes[refused], "one refused:\n" + logs[refused]);
    assertEquals(ExitCodes.OK, codes[done], "the other completed:\n" + logs[done]);
    String holder = runIdOf(logs[done]);
    assertTrue(logs[refused].contains("holds the warehouse lock")
        && logs[refused].contains(holder), "the refusal names the holder " + holder + ":\n"
        + logs[refused]);
    assertFalse(Files.exists(wh.resolve(RunLock.FILE)), "the lock was given back");

    Map<String, List<String>> expected = WarehouseContents.of(single.warehouse());
    Map<String, List<String>> actual = WarehouseContents.of(wh);
    assertEquals(expected.keySet(), actual.keySet());
    for (String name : expected.keySet()) {
      assertEquals(expected.get(name), actual.get(name), name);
    }
  }

  /** {@code selfeval run} in a JVM of its own, output to {@code <name>.log}. */
  private Process start(Path input, Path warehouse, String name) throws Exception {
    List<String> command = ChildJvm.command();
    command.addAll(List.of(SelfevalCli.class.getName(), "run", "--input", input.toString(),
        "--warehouse", warehouse.toString(), "--master", "local[2]"));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile()).start();
  }

  /** The run id in the summary line of a completed run ({@code run <id>: done …}). */
  private static String runIdOf(String log) {
    for (String line : log.split("\n")) {
      if (line.startsWith("run ") && line.contains(": done")) {
        return line.substring(4, line.indexOf(':'));
      }
    }
    throw new AssertionError("no summary line in:\n" + log);
  }
}
