package io.selfeval.load;

import io.selfeval.extract.ExtractSummary;
import io.selfeval.model.Schemas;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
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

  public void extract(String runId, Instant started, Instant ended, ExtractSummary s) {
    append(RowFactory.create(runId, "extract", Timestamp.from(started), Timestamp.from(ended),
        s.documents(), s.parsed() + s.parsedWithWarnings(), s.parsedWithWarnings(), s.unchanged(),
        s.rejected(), s.forms(), 0L, s.indicatorRows(),
        s.rejected() > 0 ? "ok_with_rejects" : "ok", s.describe().lines().findFirst()
            .orElse("")));
  }

  public void load(String runId, Instant started, Instant ended, LoadSummary s) {
    append(RowFactory.create(runId, "load", Timestamp.from(started), Timestamp.from(ended),
        s.documentsIn(), s.loaded(), 0L, s.skipped(), s.rejected(), s.recordsIn(),
        s.recordsLoaded(), s.indicatorRows(), s.rejected() > 0 ? "ok_with_rejects" : "ok",
        s.describe().lines().findFirst().orElse("")));
  }

  /**
   * A stage without document counts (analyse, publish), or any stage that failed or was
   * skipped: {@code outcome} is ok, skipped_nothing_new or failed.
   */
  public void stage(String runId, String stage, Instant started, Instant ended, String outcome,
      String message) {
    append(RowFactory.create(runId, stage, Timestamp.from(started), Timestamp.from(ended),
        0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, outcome, message));
  }

  private void append(Row row) {
    spark.createDataFrame(List.of(row), Schemas.ddl("tables/runs.ddl"))
        .write().format("delta").mode(SaveMode.Append).save(warehouse.table("runs"));
  }
}
