package io.selfeval.cli;

import io.selfeval.Folders;
import io.selfeval.extract.Seeds;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The runs several integration tests start from, made once per test JVM and copied for each test
 * that changes them, instead of being run again by each: {@code selfeval run} (through its
 * command line, lock included) on seed 001 alone into an empty warehouse, and that warehouse after
 * a second run with seed 004 added. A copy holds the input (each file with its modification time,
 * so the documents catalogue still recognises it) and the warehouse, and reports what the
 * reference run returned and printed, for the test to check. The seeds' own shared run is
 * {@link SeedWarehouse}.
 */
final class ReferenceRuns {

  /** Seed 001 (one form), the first run's only report. */
  static final String FIRST = Seeds.NAMES.get(1);
  /** Seed 004 (one form), added by the second run. */
  static final String SECOND = Seeds.NAMES.get(4);

  private static Path root;
  private static Run first;
  private static Run second;

  private ReferenceRuns() {}

  /** A reference run: its input and warehouse, exit code, printed output and run id. */
  record Run(Path input, Path warehouse, int code, String output, String runId) {

    /** The last line the run printed: its summary. */
    String last() {
      return output.strip().lines().reduce((a, b) -> b).orElse("");
    }

    /** This run's input and warehouse copied to {@code dir}/in and {@code dir}/wh. */
    Run copyTo(Path dir) throws IOException {
      Path in = dir.resolve("in");
      Path wh = dir.resolve("wh");
      Folders.copy(input, in, StandardCopyOption.COPY_ATTRIBUTES);
      Folders.copy(warehouse, wh);
      return new Run(in, wh, code, output, runId);
    }
  }

  /** {@code selfeval run} on seed 001 alone, into an empty warehouse. */
  static synchronized Run firstSeed() throws IOException {
    if (first == null) {
      Path dir = root().resolve("first");
      Path input = Files.createDirectories(dir.resolve("in"));
      Files.write(input.resolve(FIRST), Seeds.bytes(FIRST));
      first = run(input, dir.resolve("wh"));
    }
    return first;
  }

  /** The warehouse of {@link #firstSeed()} after a second run with seed 004 added. */
  static synchronized Run secondSeedAdded() throws IOException {
    if (second == null) {
      Run copy = firstSeed().copyTo(root().resolve("second"));
      Files.write(copy.input().resolve(SECOND), Seeds.bytes(SECOND));
      second = run(copy.input(), copy.warehouse());
    }
    return second;
  }

  private static Run run(Path input, Path warehouse) {
    StringWriter out = new StringWriter();
    RunCommand command = InTestRun.parse(out, input, warehouse);
    try {
      int code = command.call();
      return new Run(input, warehouse, code, out.toString(), command.runId());
    } catch (Exception e) {
      throw new AssertionError("reference run failed: " + out, e);
    }
  }

  /** Where the reference runs are made: under target/, kept for inspection, as SeedWarehouse. */
  private static Path root() throws IOException {
    if (root == null) {
      root = Files.createTempDirectory(Path.of("target"), "reference-runs-").toAbsolutePath();
    }
    return root;
  }
}
