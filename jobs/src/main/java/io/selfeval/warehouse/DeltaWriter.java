package io.selfeval.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.selfeval.warehouse.Tables.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The one place Delta tables are written: each call is exactly one commit (or none when there
 * is nothing to write), so a run leaves one version per table it changed.
 */
public final class DeltaWriter {

  private static final String DELETE = "_delete";

  private final SparkSession spark;

  public DeltaWriter(SparkSession spark) {
    this.spark = spark;
  }

  public boolean exists(String path) {
    return DeltaTable.isDeltaTable(spark, path);
  }

  public Dataset<Row> read(String path) {
    return spark.read().format("delta").load(path);
  }

  /**
   * Inserts or replaces {@code rows} and deletes the rows whose key is in {@code deletions}, in
   * one MERGE on {@code key}. The first write of a table creates it with the rows' schema.
   */
  public void upsert(String path, Dataset<Row> rows, Dataset<Row> deletions, String key) {
    if (created(path, rows)) {
      return;
    }
    Dataset<Row> source = rows.withColumn(DELETE, lit(false));
    if (deletions != null) {
      source = source.unionByName(deletions.select(col(key)).withColumn(DELETE, lit(true)),
          true);
    }
    Map<String, String> set = fromSource(rows);
    DeltaTable.forPath(spark, path).as("t")
        .merge(source.as("s"), "t." + key + " = s." + key)
        .whenMatched("s." + DELETE).delete()
        .whenMatched().updateExpr(set)
        .whenNotMatched("NOT s." + DELETE).insertExpr(set)
        .execute();
  }

  /** Inserts the rows whose key the table does not hold yet; existing rows stay as they are. */
  public void insertNew(String path, Dataset<Row> rows, String key) {
    if (created(path, rows)) {
      return;
    }
    Map<String, String> set = fromSource(rows);
    DeltaTable.forPath(spark, path).as("t")
        .merge(rows.as("s"), "t." + key + " = s." + key)
        .whenNotMatched().insertExpr(set)
        .execute();
  }

  /** Replaces the table's content with {@code rows} where they differ, in one MERGE. */
  public void sync(String path, Dataset<Row> rows, String key) {
    if (created(path, rows)) {
      return;
    }
    Map<String, String> set = fromSource(rows);
    StringBuilder changed = new StringBuilder();
    for (String c : rows.columns()) {
      if (!c.equals(key)) {
        changed.append(changed.length() == 0 ? "" : " OR ")
            .append("NOT (t.").append(c).append(" <=> s.").append(c).append(")");
      }
    }
    DeltaTable.forPath(spark, path).as("t")
        .merge(rows.as("s"), "t." + key + " = s." + key)
        .whenMatched(changed.toString()).updateExpr(set)
        .whenNotMatched().insertExpr(set)
        .whenNotMatchedBySource().delete()
        .execute();
  }

  /**
   * Creates each of {@code tables} that does not exist yet, empty, with its declared columns:
   * every table is there to read after the stage that owns it ran, even when nothing went in.
   */
  public void createMissing(Warehouse warehouse, List<Table> tables) {
    for (Table table : tables) {
      created(warehouse.table(table),
          table.conform(spark.createDataFrame(List.of(), table.schema())));
    }
  }

  /**
   * Adds to an existing table the columns {@code rows} has and it lacks (a schema that grew
   * compatibly, e.g. source_location), null in its old rows, so the MERGE can set them.
   */
  private void addMissingColumns(String path, Dataset<Row> rows) {
    java.util.Set<String> have = new java.util.HashSet<>(java.util.Arrays.asList(
        read(path).columns()));
    for (org.apache.spark.sql.types.StructField f : rows.schema().fields()) {
      if (!have.contains(f.name())) {
        spark.sql("ALTER TABLE delta.`" + path.replace("`", "``") + "` ADD COLUMNS (`"
            + f.name() + "` " + f.dataType().sql() + ")");
      }
    }
  }

  /** Creates the table with {@code rows} when it does not exist yet; true when it did so. */
  private boolean created(String path, Dataset<Row> rows) {
    if (exists(path)) {
      addMissingColumns(path, rows);
      return false;
    }
    rows.write().format("delta").mode(SaveMode.ErrorIfExists).save(path);
    return true;
  }

  /** Every column of the target set from the same column of the source. */
  private static Map<String, String> fromSource(Dataset<Row> rows) {
    Map<String, String> set = new LinkedHashMap<>();
    for (String c : rows.columns()) {
      set.put(c, "s." + c);
    }
    return set;
  }
}
