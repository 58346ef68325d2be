package io.selfeval.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parser throughput on one core: MB of report text per second through {@link ReportExtractor}
 * (decode, mask, scan, parse, serialise nothing). Prints its numbers; asserts nothing.
 * Run with {@code mvn -Pbenchmark test}. On the five seeds by default; with
 * {@code -Dselfeval.bench.dir=DIR} on the first {@code selfeval.bench.max} (default 500) text
 * files under DIR (a generated corpus, say), and then also the slowest documents, since one
 * slow layout hides in an average.
 */
@Tag("benchmark")
class ExtractThroughputBenchmarkTest {

  @Test
  void parserThroughputOnOneCore() {
    String dir = System.getProperty("selfeval.bench.dir", "");
    List<String> names = new ArrayList<>();
    List<byte[]> docs = dir.isEmpty() ? seeds(names) : files(Path.of(dir), names,
        Integer.getInteger("selfeval.bench.max", 500));
    long corpusBytes = docs.stream().mapToLong(d -> d.length).sum();
    run(docs, 3_000_000_000L); // warm-up: let the JIT compile the hot paths
    long[] measured = run(docs, 10_000_000_000L);
    double seconds = measured[0] / 1e9;
    double mb = measured[1] * corpusBytes / 1e6;
    System.out.printf("extract throughput: %d passes over %d documents (%.1f KB) of %s, %.1f s, "
            + "%.2f MB/s, %.0f documents/s, %.0f forms/s on one core%n",
        measured[1], docs.size(), corpusBytes / 1e3, dir.isEmpty() ? "the seeds" : dir, seconds,
        mb / seconds, measured[1] * docs.size() / seconds, measured[1] * measured[2] / seconds);
    if (!dir.isEmpty()) {
      slowest(docs, names);
    }
  }

  private static List<byte[]> seeds(List<String> names) {
    names.addAll(Seeds.NAMES);
    return Seeds.NAMES.stream().map(Seeds::bytes).toList();
  }

  private static List<byte[]> files(Path dir, List<String> names, int max) {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> paths = walk.filter(p -> p.toString().endsWith(".txt")).sorted().limit(max)
          .toList();
      List<byte[]> docs = new ArrayList<>();
      for (Path p : paths) {
        names.add(dir.relativize(p).toString());
        docs.add(Files.readAllBytes(p));
      }
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints the ten documents that take longest per KB (best of three readings each). */
  private static void slowest(List<byte[]> docs, List<String> names) {
    List<double[]> perKb = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      long best = Long.MAX_VALUE;
      for (int k = 0; k < 3; k++) {
        long t = System.nanoTime();
        ReportExtractor.extract(docs.get(i), "bench.txt");
        best = Math.min(best, System.nanoTime() - t);
      }
      perKb.add(new double[] {i, best / 1e6, docs.get(i).length / 1e3});
    }
    perKb.sort(Comparator.comparingDouble(r -> -r[1] / r[2]));
    for (double[] r : perKb.subList(0, Math.min(10, perKb.size()))) {
      System.out.printf("  slow: %8.2f ms %7.1f KB %8.3f ms/KB  %s%n", r[1], r[2], r[1] / r[2],
          names.get((int) r[0]));
    }
  }

  /** Passes over the corpus until the time is up: {nanos, passes, forms per pass}. */
  private static long[] run(List<byte[]> docs, long nanos) {
    long start = System.nanoTime();
    long passes = 0;
    long forms = 0;
    while (System.nanoTime() - start < nanos) {
      forms = 0;
      for (byte[] d : docs) {
        forms += ReportExtractor.extract(d, "bench.txt").records().size();
      }
      passes++;
    }
    return new long[] {System.nanoTime() - start, passes, forms};
  }
}
