package io.selfeval.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import io.selfeval.cli.SelfevalCli;
import io.selfeval.spark.SparkSessions;
import io.selfeval.warehouse.Tables;
import io.selfeval.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/**
 * The Java side of {@code bench/run.sh} (issue #9): the warm measurement and the export of the
 * normalised tables for the DuckDB peer. Not a test; it lives in test scope so that it never
 * reaches the product jars.
 *
 * <p>{@code warm --warmup-input A --input B --work DIR [--export OUT]}: makes one Spark session,
 * runs {@code selfeval run} on A into a fresh warehouse (the warm-up: JIT, class loading, Spark
 * and Delta start-up), then on B into another fresh warehouse (the measured run), and prints one
 * line {@code stage<TAB>seconds} per stage of the measured run (from the runs ledger), the
 * whole run's seconds and the JVM's peak resident memory. With {@code --export}, the measured
 * warehouse is then exported as parquet (see {@link ParquetExport}).
 */
public final class BenchRunner {

  private BenchRunner() {}

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    final Map<String, String> opts = options(args);
    if (!"warm".equals(args.length > 0 ? args[0] : "")) {
      throw new IllegalArgumentException("usage: BenchRunner warm --warmup-input DIR --input DIR"
          + " --work DIR [--export DIR]");
    }
    final Path work = Path.of(require(opts, "--work"));
    SparkSession spark = SparkSessions.create("selfeval bench", null, Map.of());
    try {
      run(require(opts, "--warmup-input"), work.resolve("wh-warmup").toString());
      final String warehouse = work.resolve("wh-warm").toString();
      final long started = System.nanoTime();
      int code = run(require(opts, "--input"), warehouse);
      final double total = (System.nanoTime() - started) / 1e9;
      List<String> lines = new ArrayList<>();
      for (Map.Entry<String, Double> e : stageSeconds(spark, warehouse).entrySet()) {
        lines.add(String.format(Locale.ROOT, "%s\t%.1f", e.getKey(), e.getValue()));
      }
      lines.add(String.format(Locale.ROOT, "total\t%.1f", total));
      lines.add("exit\t" + code);
      lines.add("peak_rss_kib\t" + peakRssKib());
      Files.write(work.resolve("warm.tsv"), lines, StandardCharsets.UTF_8);
      if (opts.containsKey("--export")) {
        ParquetExport.export(spark, new Warehouse(warehouse), Path.of(opts.get("--export")));
      }
    } finally {
      spark.stop();
    }
  }

  private static int run(String input, String warehouse) {
    CommandLine cli = SelfevalCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    int code = cli.execute("run", "--input", input, "--warehouse", warehouse);
    if (code != 0 && code != 4) {
      throw new IllegalStateException("selfeval run on " + input + " exited " + code);
    }
    return code;
  }

  /** Seconds of each stage of the latest run in the ledger, in pipeline order. */
  static Map<String, Double> stageSeconds(SparkSession spark, String warehouse) {
    final String path = new Warehouse(warehouse).table(Tables.RUNS);
    String last = spark.read().format("delta").load(path).agg(max(col("run_id")))
        .first().getString(0);
    Map<String, Double> seconds = new java.util.LinkedHashMap<>();
    for (String stage : List.of("extract", "load", "analyse", "publish")) {
      List<Row> rows = spark.read().format("delta").load(path)
          .where(col("run_id").equalTo(last).and(col("stage").equalTo(stage)))
          .selectExpr("unix_micros(ended_at) - unix_micros(started_at)").collectAsList();
      seconds.put(stage, rows.isEmpty() ? Double.NaN : rows.get(0).getLong(0) / 1e6);
    }
    return seconds;
  }

  /** VmHWM of this process (Linux), or -1 where /proc is not there. */
  private static long peakRssKib() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opts = new java.util.HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      opts.put(args[i], args[i + 1]);
    }
    return opts;
  }

  private static String require(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing " + name);
    }
    return v;
  }
}
