package io.selfeval.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.generate.CorpusGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extraction throughput per format on one core: a generated corpus written in every format
 * ({@code generate --formats}) and the committed text PDFs, each format's documents read through
 * {@link ReportExtractor} (format reader, mask, scan, parse) over and over for a fixed time after
 * a warm-up. Prints documents/s and MB/s; asserts nothing. Run with
 * {@code mvn -Pbenchmark test -Dtest=FormatThroughputBenchmarkTest}.
 */
@Tag("benchmark")
class FormatThroughputBenchmarkTest {

  @TempDir
  Path tmp;

  @Test
  void throughputPerFormatOnOneCore() throws Exception {
    new CorpusGenerator(new CorpusGenerator.Settings(60, 2, 2021, 23, null, true, true))
        .write(tmp);
    JsonNode m = new ObjectMapper().readTree(tmp.resolve("manifest.json").toFile());
    Map<String, List<byte[]>> byFormat = new TreeMap<>();
    for (JsonNode d : m.get("documents")) {
      byFormat.computeIfAbsent(d.get("format").asText(), k -> new ArrayList<>())
          .add(Files.readAllBytes(tmp.resolve("reports").resolve(d.get("file").asText())));
    }
    Path pdfs = Path.of("jobs/src/test/resources/formats/pdf/reports");
    try (Stream<Path> s = Files.list(pdfs)) {
      for (Path p : s.sorted().toList()) {
        if (!p.getFileName().toString().contains("-scan")) {
          byFormat.computeIfAbsent("pdf", k -> new ArrayList<>()).add(Files.readAllBytes(p));
        }
      }
    }
    System.out.printf("load average at start: %s%n",
        Files.readString(Path.of("/proc/loadavg")).strip());
    for (Map.Entry<String, List<byte[]>> e : byFormat.entrySet()) {
      List<byte[]> docs = e.getValue();
      long bytes = docs.stream().mapToLong(d -> d.length).sum();
      run(docs, e.getKey(), 2_000_000_000L);
      long[] r = run(docs, e.getKey(), 6_000_000_000L);
      double seconds = r[0] / 1e9;
      System.out.printf("format %-5s %3d documents (%.1f KB each): %.1f documents/s, %.2f MB/s, "
              + "%d passes in %.1f s on one core%n", e.getKey(), docs.size(),
          bytes / 1e3 / docs.size(), r[1] * docs.size() / seconds, r[1] * bytes / 1e6 / seconds,
          r[1], seconds);
    }
  }

  /** Passes over the documents until the time is up: {nanos, passes}. */
  private static long[] run(List<byte[]> docs, String format, long nanos) {
    long start = System.nanoTime();
    long passes = 0;
    while (System.nanoTime() - start < nanos) {
      for (byte[] d : docs) {
        ReportExtractor.extract(d, "bench." + format);
      }
      passes++;
    }
    return new long[] {System.nanoTime() - start, passes};
  }
}
