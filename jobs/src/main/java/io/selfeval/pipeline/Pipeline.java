package io.selfeval.pipeline;

import io.selfeval.warehouse.RunLedger;
import io.selfeval.warehouse.StageCounts;
import io.selfeval.warehouse.Warehouse;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;

/**
 * The stages of one run id against one warehouse, each leaving its row in the {@code runs}
 * ledger however it was started (on its own or chained by {@code run}): ok or ok_with_rejects
 * with its counts, skipped_nothing_new, or failed with its message. The caller holds the
 * warehouse lock.
 */
public final class Pipeline {

  /** A stage's work; returns what it did, in the ledger's counts. */
  @FunctionalInterface
  public interface Stage {
    StageCounts run() throws Exception;
  }

  private final RunLedger ledger;
  private final Warehouse warehouse;
  private final String runId;

  public Pipeline(SparkSession spark, Warehouse warehouse, String runId) {
    this.ledger = new RunLedger(spark, warehouse);
    this.warehouse = warehouse;
    this.runId = runId;
  }

  /**
   * Runs {@code stage} and writes its ledger row; a failure is recorded (failed, with its
   * message) and thrown again.
   */
  public StageCounts run(String name, Stage stage) throws Exception {
    Instant began = Instant.now();
    StageCounts counts;
    try {
      counts = stage.run();
    } catch (Exception | Error e) {
      try {
        ledger.stage(runId, name, began, Instant.now(), "failed",
            Failures.describe(e, warehouse.root()));
      } catch (RuntimeException ledgerDown) {
        e.addSuppressed(new Failures.LedgerNotWritten(ledgerDown));
      }
      throw e;
    }
    ledger.counted(runId, name, began, Instant.now(), counts);
    return counts;
  }

  /** Writes the row of a stage not run because nothing it reads has changed. */
  public void skipped(String name, String why) {
    skipped(name, "skipped_nothing_new", why);
  }

  /** Writes the row of a stage not run, with its outcome ({@code skipped_…}) and why. */
  public void skipped(String name, String outcome, String why) {
    Instant now = Instant.now();
    ledger.stage(runId, name, now, now, outcome, why);
  }
}
