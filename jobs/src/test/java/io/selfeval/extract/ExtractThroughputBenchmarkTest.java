package io.selfeval.extract;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parser throughput on one core: MB of report text per second through {@link ReportExtractor}
 * (decode, mask, scan, parse, serialise nothing). Prints its numbers; asserts nothing.
 * Run with {@code mvn -Pbenchmark test}.
 */
@Tag("benchmark")
class ExtractThroughputBenchmarkTest {

  @Test
  void parserThroughputOnOneCore() {
    List<byte[]> docs = Seeds.NAMES.stream().map(Seeds::bytes).toList();
    long corpusBytes = docs.stream().mapToLong(d -> d.length).sum();
    run(docs, 3_000_000_000L); // warm-up: let the JIT compile the hot paths
    long[] measured = run(docs, 10_000_000_000L);
    double seconds = measured[0] / 1e9;
    double mb = measured[1] * corpusBytes / 1e6;
    System.out.printf("extract throughput: %d passes over the %d seeds (%.1f KB), %.1f s, "
            + "%.2f MB/s, %.0f documents/s, %.0f forms/s on one core%n",
        measured[1], docs.size(), corpusBytes / 1e3, seconds, mb / seconds,
        measured[1] * docs.size() / seconds, measured[1] * measured[2] / seconds);
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
