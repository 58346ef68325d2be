package io.selfeval.site;

import io.selfeval.spark.SmallInputs;
import io.selfeval.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/** The site stage as the pipeline calls it: its settings in, the site it built out. */
public final class SiteStage {

  /**
   * What the site reads.
   *
   * @param input the documents the source lines are read again from (null: none)
   * @param config the flag thresholds file, or null for the built-in ones
   */
  public record Settings(String warehouse, String input, Path config, String runId) {}

  private SiteStage() {}

  /** Builds the site from the published marts and makes it current. */
  public static SiteJob.Built run(SparkSession spark, Settings settings) {
    Warehouse warehouse = new Warehouse(settings.warehouse());
    SmallInputs.tune(spark, "site", warehouse.forms(spark));
    return new SiteJob(spark, warehouse, settings.input(),
        settings.config()).run(settings.runId());
  }

  /** Lines for the terminal. */
  public static String describe(SiteJob.Built built) {
    return String.format(Locale.ROOT, "site: %d pages, %.1f MB in %.1f s, run %s%n  open: %s",
        built.pages(), built.bytes() / 1e6, built.seconds(), built.runId(), built.index());
  }

  /** Whether a site can be written there: a local folder, not HDFS or an object store. */
  public static boolean isLocal(String warehouse) {
    return SiteWriter.isLocal(warehouse);
  }
}
