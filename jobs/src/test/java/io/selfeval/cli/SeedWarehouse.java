package io.selfeval.cli;

import io.selfeval.extract.Seeds;
import io.selfeval.spark.SharedSpark;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One {@code selfeval run} over the five seeds and an empty file, made once per test JVM on the
 * shared session and read by every test that needs the tables or marts of the seeds.
 */
public final class SeedWarehouse {

  private static Path root;
  private static int exitCode;
  private static String output;

  private SeedWarehouse() {}

  /** The warehouse folder of the run (under target/, kept for inspection after the tests). */
  public static synchronized Path get() {
    if (root == null) {
      try {
        Path base = Files.createTempDirectory(Path.of("target"), "seed-run-");
        Path input = Files.createDirectories(base.resolve("in"));
        for (String seed : Seeds.NAMES) {
          Files.write(input.resolve(seed), Seeds.bytes(seed));
        }
        Files.write(input.resolve("empty.txt"), new byte[0]);
        Path warehouse = base.resolve("wh");
        StringWriter out = new StringWriter();
        exitCode = InTestRun.parse(out, input, warehouse).call();
        output = out.toString();
        root = warehouse.toAbsolutePath();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (Exception e) {
        throw new IllegalStateException("selfeval run over the seeds failed", e);
      }
    }
    return root;
  }

  /** What {@code run} returned. */
  public static int exitCode() {
    get();
    return exitCode;
  }

  /** What {@code run} printed. */
  public static String output() {
    get();
    return output;
  }
}
