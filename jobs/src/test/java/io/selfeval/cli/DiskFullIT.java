package io.selfeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.selfeval.extract.Seeds;
import io.selfeval.pipeline.ExitCodes;
import io.selfeval.spark.SharedSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run whose warehouse disk fills up: it fails (exit 1) saying the disk is full, in its own
 * words and first, not a Spark or Delta error the full disk caused; once space is freed the next
 * run completes. The disk is a small tmpfs mounted for the test, so it needs root (Linux): without
 * it the test says so and is skipped.
 */
@Tag("mount")
class DiskFullIT {

  private static final String SEED = Seeds.NAMES.get(1);

  @TempDir
  Path dir;

  private Path disk;

  @AfterEach
  void unmount() throws Exception {
    if (disk != null) {
      command("umount", "-l", disk.toString());
    }
  }

  @Test
  void fullDiskIsNamedAndTheRunAfterFreeingSpaceCompletes() throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.write(input.resolve(SEED), Seeds.bytes(SEED));
    Path mount = Files.createDirectories(dir.resolve("disk"));
    String mounted = command("mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs",
        mount.toString());
    assumeTrue(mounted == null, () -> "DiskFullIT skipped: cannot mount a small tmpfs (needs "
        + "root on Linux): " + mounted);
    disk = mount;
    Path wh = mount.resolve("wh");

    StringWriter out = new StringWriter();
    assertEquals(ExitCodes.FAILED, run(input, wh, out), out::toString);
    String failed = out.toString().lines().filter(l -> l.startsWith("selfeval: run failed: "))
        .findFirst().orElseThrow(() -> new AssertionError("no failure line:\n" + out));
    assertTrue(failed.startsWith("selfeval: run failed: the disk is full (No space left on "
        + "device) while writing to " + wh), failed);

    // more space, as an operator would give it, and the same run again
    assertEquals(null, command("mount", "-o", "remount,size=64m", mount.toString()));
    StringWriter again = new StringWriter();
    assertEquals(ExitCodes.OK, run(input, wh, again), again::toString);
    // seed 001 holds one form (read by eye: one 部门整体支出绩效自评表 under its 附件 line)
    assertEquals(1, SharedSpark.get().read().parquet(wh + "/marts/form_scorecard").count());
  }

  private static int run(Path input, Path wh, StringWriter out) {
    CommandLine cli = SelfevalCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    return cli.execute("run", "--input", input.toString(), "--warehouse", wh.toString());
  }

  /** Runs a system command; null when it succeeded, else what it said. */
  private static String command(String... args) {
    try {
      Process p = new ProcessBuilder(List.of(args)).redirectErrorStream(true).start();
      String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "timed out";
      }
      return p.exitValue() == 0 ? null : said.trim() + " (exit " + p.exitValue() + ")";
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
