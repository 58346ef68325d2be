package io.selfeval.warehouse;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code documents} table: every file an extract has listed, with the size, modification
 * time and SHA-256 it had when last seen, so the next run recognises an unchanged file (same
 * path, size and time) without reading it. A file no longer listed stays, with status
 * {@code missing}.
 */
public final class DocumentCatalogue {

  /** Status of a file the last extract did not find. */
  public static final String MISSING = "missing";

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final DeltaWriter delta;

  public DocumentCatalogue(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.delta = new DeltaWriter(spark);
  }

  /** The files seen before and still worth recalling; null before the first extract. */
  public Dataset<Row> known() {
    if (!warehouse.has(spark, Tables.DOCUMENTS)) {
      return null;
    }
    return warehouse.read(spark, Tables.DOCUMENTS).where(col("status").notEqual(MISSING));
  }

  /**
   * Records what run {@code runId} listed: {@code seen} has file, size_bytes, modified_at,
   * sha256 and status (the outcome, null when kept under another name). One commit.
   */
  public void record(Dataset<Row> seen, String runId) {
    Dataset<Row> before = warehouse.has(spark, Tables.DOCUMENTS)
        ? warehouse.read(spark, Tables.DOCUMENTS)
        : spark.createDataFrame(List.of(), Tables.DOCUMENTS.schema());
    delta.sync(warehouse.table(Tables.DOCUMENTS), next(before, seen, runId),
        Tables.DOCUMENTS.key());
  }

  /** The catalogue after a run that listed {@code seen}: pure. */
  static Dataset<Row> next(Dataset<Row> before, Dataset<Row> seen, String runId) {
    Dataset<Row> old = before.select(col("file").as("b_file"),
        col("size_bytes").as("b_size_bytes"), col("modified_at").as("b_modified_at"),
        col("sha256").as("b_sha256"), col("first_run_id").as("b_first_run_id"),
        col("last_run_id").as("b_last_run_id"));
    Column listed = col("file").isNotNull();
    return Tables.DOCUMENTS.conform(seen.join(old, col("file").equalTo(col("b_file")),
            "full_outer")
        .select(
            coalesce(col("file"), col("b_file")).as("file"),
            when(listed, col("size_bytes")).otherwise(col("b_size_bytes")).as("size_bytes"),
            when(listed, col("modified_at")).otherwise(col("b_modified_at")).as("modified_at"),
            when(listed, col("sha256")).otherwise(col("b_sha256")).as("sha256"),
            coalesce(col("b_first_run_id"), lit(runId)).as("first_run_id"),
            when(listed, lit(runId)).otherwise(col("b_last_run_id")).as("last_run_id"),
            when(listed, coalesce(col("status"), lit("listed"))).otherwise(lit(MISSING))
                .as("status")));
  }
}
