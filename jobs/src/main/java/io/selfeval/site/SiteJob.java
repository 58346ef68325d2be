package io.selfeval.site;

import io.selfeval.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site stage: collects the published marts (and the table rows they lack), renders every
 * page, writes them with their scripts and styles as a new version of the site and switches
 * {@code site/current} to it.
 */
public final class SiteJob {

  private static final Logger LOG = LoggerFactory.getLogger(SiteJob.class);

  /** What a build wrote: pages, bytes, where to open it, and how long it took. */
  public record Built(long pages, long bytes, Path index, String runId, double seconds) {}

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final String input;
  private final Path config;

  /**
   * A site of {@code warehouse}, with source lines read from the documents under {@code input}
   * (null: none) and rule thresholds from {@code config} (null: the built-in ones).
   */
  public SiteJob(SparkSession spark, Warehouse warehouse, String input, Path config) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.input = input;
    this.config = config;
  }

  /** Builds the site as version {@code runId} and makes it current. */
  public Built run(String runId) {
    final long started = System.nanoTime();
    SiteData data = new SiteLoader(spark, warehouse).load();
    final long loaded = System.nanoTime();
    SiteWriter writer = new SiteWriter(warehouse.root(), runId);
    SourceLines sources = new SourceLines(input, spark.sparkContext().hadoopConfiguration());
    new SiteBuilder(new SitePages(), sources, new Rules(config)).build(data, writer::page);
    writer.assets();
    List<String> removed = writer.switchToThis();
    if (!removed.isEmpty()) {
      LOG.info("site: removed old versions {}", removed);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    LOG.info("site: {} pages, {} bytes in {} s (collecting the marts {} s), at {}",
        writer.pages(), writer.bytes(), String.format("%.1f", seconds),
        String.format("%.1f", (loaded - started) / 1e9), writer.version());
    return new Built(writer.pages(), writer.bytes(), writer.currentIndex(), runId, seconds);
  }
}
