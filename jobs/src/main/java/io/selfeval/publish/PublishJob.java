package io.selfeval.publish;

import io.selfeval.warehouse.AnalysedStamp;
import io.selfeval.warehouse.Tables;
import io.selfeval.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish stage: writes every mart as a new version (parquet, snappy, partitioned by
 * fiscal year), checks the versions as written, and only when every check passes makes them
 * the ones readers see (see {@link MartPublisher}). A failed check discards the new versions and
 * leaves the previous marts in place.
 */
public final class PublishJob {

  private static final Logger LOG = LoggerFactory.getLogger(PublishJob.class);
  private static final int MAX_RECORDS_PER_FILE = 1_000_000;

  /** What one mart got. */
  public record Published(String mart, long rows, String path, String runId) {}

  /** Thrown when a written version fails its checks; nothing was switched. */
  public static final class ChecksFailedException extends RuntimeException {
    ChecksFailedException(List<String> failures) {
      super("publish stopped, the previous marts stay: " + String.join("; ", failures));
    }
  }

  /** The point where every mart's new version is written and checked, none switched. */
  public static final String BEFORE_SWITCH = "publish.before-switch";
  /** The point where the first mart is switched, the others not yet. */
  public static final String AFTER_FIRST_SWITCH = "publish.after-first-switch";

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final MartPublisher publisher;
  private final Consumer<String> reached;
  private final RiskWeights weights;

  public PublishJob(SparkSession spark, Warehouse warehouse) {
    this(spark, warehouse, point -> {});
  }

  /**
   * A publish that tells {@code reached} each named point ({@link #BEFORE_SWITCH},
   * {@link #AFTER_FIRST_SWITCH}) it passes.
   */
  public PublishJob(SparkSession spark, Warehouse warehouse, Consumer<String> reached) {
    this(spark, warehouse, RiskWeights.load(null), reached);
  }

  /** A publish whose scorecard weighs flags by {@code weights}; see the constructor above. */
  public PublishJob(SparkSession spark, Warehouse warehouse, RiskWeights weights,
      Consumer<String> reached) {
    this.spark = spark;
    this.weights = weights;
    this.warehouse = warehouse;
    this.reached = reached;
    this.publisher = new MartPublisher(warehouse.root() + "/marts",
        spark.sparkContext().hadoopConfiguration());
  }

  /**
   * True when every mart is published and was built from {@code source}: publishing again would
   * give the same marts.
   */
  public boolean upToDate(String source) {
    try {
      for (String mart : Marts.NAMES) {
        if (!source.equals(publisher.source(mart))) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What the analysis in the warehouse was computed from, as the analyse stage stamped it on
   * the commit of each of its tables ({@code userMetadata}); {@code unknown} unless every one of
   * them carries the same.
   */
  public String analysedSource() {
    return AnalysedStamp.of(spark, warehouse);
  }

  /** Publishes as {@link #run(String, String)}, stamped with {@link #analysedSource()}. */
  public List<Published> run(String runId) {
    return run(runId, analysedSource());
  }

  /** As {@link #run(String, String, boolean)}, writing only the years that changed. */
  public List<Published> run(String runId, String source) {
    return run(runId, source, false);
  }

  /**
   * Writes, checks and switches every mart; {@code source} (the table versions and analysis
   * settings the marts come from) is kept beside each version for {@link #upToDate}. A mart
   * whose tables' changes since its current version can be told ({@link MartYears}) gets a
   * version where only the fiscal years with a changed row are written and the others are
   * hard links to the current version's files; {@code full}, or changes that cannot be told,
   * writes it whole. Either way the version is checked whole and switched as one.
   */
  public List<Published> run(String runId, String source, boolean full) {
    final double cpu = cpuSeconds();
    long started = System.nanoTime();
    Map<String, Dataset<Row>> marts = Marts.build(spark, warehouse, runId, weights);
    MartYears years = new MartYears(spark, warehouse, publisher);
    String tables = years.versionsNow();
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put(Marts.FORM_SCORECARD, warehouse.read(spark, Tables.FORMS).count());
    expected.put(Marts.INDICATOR_DEVIATIONS,
        warehouse.read(spark, Tables.INDICATOR_DEVIATIONS).count());
    expected.put(Marts.INFLATION_FLAGS, warehouse.read(spark, Tables.FLAGS).count());
    expected.put(Marts.UNIT_YEAR_PROFILES,
        warehouse.read(spark, Tables.UNIT_YEAR_PROFILES).count());
    Map<String, Dataset<Row>> written = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Dataset<Row>> e : marts.entrySet()) {
        String path = publisher.versionPath(e.getKey(), runId);
        Dataset<Row> mart = e.getValue();
        // an empty mart partitioned by year writes no file at all, and then no reader (Spark,
        // DuckDB, a BI tool) can tell its columns: it is written as one empty file instead
        boolean empty = expected.getOrDefault(e.getKey(), -1L) == 0L;
        java.util.Optional<java.util.Set<String>> changed = full || empty
            ? java.util.Optional.empty() : years.changed(e.getKey());
        if (changed.isPresent()) {
          mart = mart.where(MartYears.in(changed.get()));
        }
        DataFrameWriter<Row> writer = empty ? mart.coalesce(1).write()
            : mart.repartition(mart.col(Marts.PARTITION)).write().partitionBy(Marts.PARTITION);
        writer.mode(SaveMode.ErrorIfExists)
            .option("compression", "snappy").option("maxRecordsPerFile", MAX_RECORDS_PER_FILE)
            .parquet(path);
        if (changed.isPresent()) {
          int linked = publisher.linkYears(e.getKey(), runId, changed.get());
          LOG.info("publish: {}: {} fiscal years written, {} linked from the current version",
              e.getKey(), changed.get().size(), linked);
        }
        publisher.stamp(e.getKey(), runId, source);
        publisher.stampTables(e.getKey(), runId, tables);
        written.put(e.getKey(), spark.read().schema(e.getValue().schema()).parquet(path));
      }
      List<String> failures = MartChecks.failures(written, expected);
      if (!failures.isEmpty()) {
        for (String mart : written.keySet()) {
          publisher.discard(mart, runId);
        }
        throw new ChecksFailedException(failures);
      }
      reached.accept(BEFORE_SWITCH);
      List<Published> out = new ArrayList<>();
      for (String mart : marts.keySet()) {
        String previous = publisher.current(mart);
        publisher.switchTo(mart, runId);
        if (out.isEmpty()) {
          reached.accept(AFTER_FIRST_SWITCH);
        }
        List<String> removed = publisher.clean(mart, runId, previous);
        if (!removed.isEmpty()) {
          LOG.info("publish: removed old versions of {}: {}", mart, removed);
        }
        out.add(new Published(mart, expected.get(mart), publisher.martPath(mart), runId));
      }
      LOG.info("publish: {} marts in {} s wall, {} s CPU of this JVM", out.size(),
          String.format("%.1f", (System.nanoTime() - started) / 1e9),
          String.format("%.1f", cpuSeconds() - cpu));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** CPU seconds this JVM has used (every thread): what a stage costs on a shared machine. */
  private static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }
}
