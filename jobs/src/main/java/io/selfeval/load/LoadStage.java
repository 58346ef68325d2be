package io.selfeval.load;

import io.selfeval.warehouse.Warehouse;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/** The load stage as the pipeline calls it: its settings in, its summary out. */
public final class LoadStage {

  /**
   * What load reads and where it writes.
   *
   * @param records a .jsonl file or a folder of them, or null for the warehouse's staging
   *     records
   * @param outcomes extraction outcomes, or null for the warehouse's staging outcomes
   * @param keepMissing keep the rows of documents no longer in the input
   */
  public record Settings(String warehouse, String records, String outcomes, String runId,
      boolean keepMissing) {}

  private LoadStage() {}

  /**
   * Loads the records; {@code reached} is told each named point ({@link LoadJob#BEFORE_FORMS})
   * as the load passes it.
   */
  public static LoadSummary run(SparkSession spark, Settings settings,
      Consumer<String> reached) {
    Warehouse warehouse = new Warehouse(settings.warehouse());
    return new LoadJob(spark, warehouse, settings.keepMissing()
        ? InputChanges.Policy.KEEP_MISSING : InputChanges.Policy.FOLLOW_INPUT, reached).run(
        settings.records() != null ? settings.records() : warehouse.stagingRecords(),
        settings.outcomes() != null ? settings.outcomes() : warehouse.stagingOutcomes(),
        settings.runId());
  }
}
