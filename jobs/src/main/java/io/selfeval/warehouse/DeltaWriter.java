package io.selfeval.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.selfeval.warehouse.Tables.Table;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The one place Delta tables are written: each call is exactly one commit (or none when there
 * is nothing to write), so a run leaves one version per table it changed. Merges are built from
 * Column conditions and {@code updateAll}/{@code insertAll}: the target is aliased {@code t},
 * the source {@code s}.
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
    DeltaTable.forPath(spark, path).as("t")
        .merge(source.as("s"), sameKey(key))
        .whenMatched(col("s." + DELETE)).delete()
        .whenMatched().updateAll()
        .whenNotMatched(col("s." + DELETE).unary_$bang()).insertAll()
        .execute();
  }

  /** Deletes the rows whose {@code key} is in {@code keys}, in one MERGE; none: no commit. */
  public void deleteKeys(String path, Dataset<Row> keys, String key) {
    if (!exists(path) || keys.isEmpty()) {
      return;
    }
    DeltaTable.forPath(spark, path).as("t")
        .merge(keys.select(col(key)).distinct().as("s"), sameKey(key))
        .whenMatched().delete()
        .execute();
  }

  /**
   * Sets {@code set} (target column to a Column over {@code s} and {@code t}) on the rows that
   * match {@code source} by {@code on} and also satisfy {@code when}, in one MERGE. The source
   * must match each target row at most once.
   */
  public void update(String path, Dataset<Row> source, Column on, Column when,
      Map<String, Column> set) {
    if (!exists(path) || source.isEmpty()) {
      return;
    }
    DeltaTable.forPath(spark, path).as("t")
        .merge(source.as("s"), on)
        .whenMatched(when).update(set)
        .execute();
  }

  /** Inserts the rows whose key the table does not hold yet; existing rows stay as they are. */
  public void insertNew(String path, Dataset<Row> rows, String key) {
    if (created(path, rows)) {
      return;
    }
    DeltaTable.forPath(spark, path).as("t")
        .merge(rows.as("s"), sameKey(key))
        .whenNotMatched().insertAll()
        .execute();
  }

  /** Replaces the table's content with {@code rows} where they differ, in one MERGE. */
  public void sync(String path, Dataset<Row> rows, String key) {
    if (created(path, rows)) {
      return;
    }
    Column changed = lit(false);
    for (String c : rows.columns()) {
      if (!c.equals(key)) {
        changed = changed.or(col("t." + c).eqNullSafe(col("s." + c)).unary_$bang());
      }
    }
    DeltaTable.forPath(spark, path).as("t")
        .merge(rows.as("s"), sameKey(key))
        .whenMatched(changed).updateAll()
        .whenNotMatched().insertAll()
        .whenNotMatchedBySource().delete()
        .execute();
  }

  /**
   * Replaces the whole table with {@code rows} (its schema too), with {@code userMetadata} on
   * the commit when not null.
   */
  public void replace(String path, Dataset<Row> rows, String userMetadata) {
    DataFrameWriter<Row> writer = rows.write().format("delta").mode(SaveMode.Overwrite)
        .option("overwriteSchema", "true");
    if (userMetadata != null) {
      writer = writer.option("userMetadata", userMetadata);
    }
    writer.save(path);
  }

  /**
   * Appends {@code rows}; columns the table does not have yet are added (a ledger written by an
   * older version gains the new counts, its old rows reading null there).
   */
  public void append(String path, Dataset<Row> rows) {
    rows.write().format("delta").mode(SaveMode.Append).option("mergeSchema", "true").save(path);
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
        // a path-named table in SQL must be absolute: a relative --warehouse is not found there
        spark.sql("ALTER TABLE delta.`" + qualified(path).replace("`", "``") + "` ADD COLUMNS (`"
            + f.name() + "` " + f.dataType().sql() + ")");
      }
    }
  }

  private String qualified(String path) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    try {
      return p.getFileSystem(spark.sessionState().newHadoopConf()).makeQualified(p).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot resolve the table path " + path, e);
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

  private static Column sameKey(String key) {
    return col("t." + key).equalTo(col("s." + key));
  }
}
