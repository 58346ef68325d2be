package io.selfeval.load;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Where things live under a warehouse root, and the one way its Delta tables are read. */
public record Warehouse(String root) {

  public String table(String name) {
    return root + "/delta/" + name;
  }

  public String stagingRecords() {
    return root + "/staging/records";
  }

  public String stagingOutcomes() {
    return root + "/staging/document_outcomes";
  }

  /** Whether the Delta table {@code name} exists yet: false before its first write. */
  public boolean has(SparkSession spark, String name) {
    return DeltaTable.isDeltaTable(spark, table(name));
  }

  /** The Delta table {@code name}, at its latest version. */
  public Dataset<Row> read(SparkSession spark, String name) {
    return spark.read().format("delta").load(table(name));
  }
}
