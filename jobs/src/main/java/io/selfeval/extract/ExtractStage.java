package io.selfeval.extract;

import io.selfeval.warehouse.DocumentCatalogue;
import io.selfeval.warehouse.LoadedDocuments;
import io.selfeval.warehouse.Warehouse;
import org.apache.spark.sql.SparkSession;

/** The extract stage as the pipeline calls it: its settings in, its summary out. */
public final class ExtractStage {

  /**
   * What extract reads and where it writes.
   *
   * @param out the one JSON Lines file for the records, or null for the warehouse's staging
   *     folder
   * @param outcomes the outcomes folder, or null for the warehouse's staging folder
   * @param all extract every document, also those already loaded with the same content
   */
  public record Settings(String warehouse, String input, String out, String outcomes,
      boolean all, String runId) {}

  private ExtractStage() {}

  /**
   * The input when nothing in it is new, changed or gone since the documents catalogue recorded
   * it ({@link UnchangedInput}), told without reading a document; null otherwise, and always with
   * {@code all} or {@code out}. With {@code keepMissing} false, loaded documents no file holds any
   * more count as a change (the load retires them).
   */
  public static UnchangedInput.Unchanged unchanged(SparkSession spark, Settings settings,
      boolean keepMissing) {
    if (settings.all() || settings.out() != null) {
      return null;
    }
    return UnchangedInput.check(spark, new Warehouse(settings.warehouse()), settings.input(),
        keepMissing);
  }

  /** Extracts every document under the input that is not already loaded (unless all). */
  public static ExtractSummary run(SparkSession spark, Settings settings) {
    Warehouse warehouse = new Warehouse(settings.warehouse());
    String out = settings.out();
    // --out FILE: Spark writes a folder beside it, made into the one file, then removed
    String records = out == null ? warehouse.stagingRecords()
        : out + ".parts-" + settings.runId();
    String outcomes = settings.outcomes() != null ? settings.outcomes()
        : warehouse.stagingOutcomes();
    DocumentCatalogue catalogue = new DocumentCatalogue(spark, warehouse);
    ExtractJob job = new ExtractJob(spark);
    ExtractSummary summary = job.run(settings.input(), records, outcomes,
        settings.all() ? null : LoadedDocuments.of(spark, warehouse),
        settings.all() ? null : catalogue.known());
    if (job.seen() != null) {
      catalogue.record(job.seen(), settings.runId());
    }
    if (out != null) {
      JsonLinesFile.concatenate(spark.sparkContext().hadoopConfiguration(), records, out);
      summary = summary.withRecordsPath(out);
    }
    return summary;
  }
}
