package io.selfeval.warehouse;

import io.delta.tables.DeltaTable;
import io.selfeval.warehouse.Tables.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Where things live under a warehouse root, and the one way its Delta tables are read. */
public record Warehouse(String root) {

  public String table(Table table) {
    return root + "/delta/" + table.name();
  }

  public String stagingRecords() {
    return root + "/staging/records";
  }

  public String stagingOutcomes() {
    return root + "/staging/document_outcomes";
  }

  /** Whether the Delta table exists yet: false before its first write. */
  public boolean has(SparkSession spark, Table table) {
    return DeltaTable.isDeltaTable(spark, table(table));
  }

  /**
   * The forms loaded (0 before the first load): what decides a stage's Spark settings
   * ({@link io.selfeval.spark.SmallInputs}). Delta answers the count from its log's statistics.
   */
  public long forms(SparkSession spark) {
    return has(spark, Tables.FORMS) ? read(spark, Tables.FORMS).count() : 0;
  }

  /** The Delta table, at its latest version. */
  public Dataset<Row> read(SparkSession spark, Table table) {
    return spark.read().format("delta").load(table(table));
  }
}
