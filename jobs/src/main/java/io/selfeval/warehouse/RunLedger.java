package io.selfeval.warehouse;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** The {@code runs} table: one row per run and stage, appended when the stage ends. */
public final class RunLedger {

  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final Warehouse warehouse;

  public RunLedger(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /** A new run id: its UTC start time and 6 random hex digits, e.g. 20261122T031500Z-4f3a9c. */
  public static String newRunId(Instant now) {
    byte[] suffix = new byte[3];
    new SecureRandom().nextBytes(suffix);
    return RUN_TIME.format(now) + "-" + HexFormat.of().formatHex(suffix);
  }

  /** A stage that counted documents (extract, load): outcome ok or ok_with_rejects. */
  public void counted(String runId, String stage, Instant started, Instant ended,
      StageCounts c) {
    append(RowFactory.create(runId, stage, Timestamp.from(started), Timestamp.from(ended),
        c.documentsIn(), c.documentsDone(), c.documentsWithWarnings(), c.documentsSkipped(),
        c.documentsRejected(), c.recordsIn(), c.recordsLoaded(), c.indicatorRows(),
        c.outcome(), c.message(), c.documentsRetired()));
  }

  /**
   * A stage without document counts (analyse, publish), or any stage that failed or was
   * skipped: {@code outcome} is ok, skipped_nothing_new or failed.
   */
  public void stage(String runId, String stage, Instant started, Instant ended, String outcome,
      String message) {
    append(RowFactory.create(runId, stage, Timestamp.from(started), Timestamp.from(ended),
        0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, outcome, message, 0L));
  }

  private void append(Row row) {
    new DeltaWriter(spark).append(warehouse.table(Tables.RUNS),
        spark.createDataFrame(List.of(row), Tables.RUNS.schema()));
  }
}
