package io.selfeval.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.spark.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows that differ between two versions of a Delta table, told from the log's files. */
class TableChangesTest {

  private static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("fiscal_year", DataTypes.IntegerType)
      .add("score", DataTypes.IntegerType);

  @TempDir
  Path dir;

  @Test
  void rowsAddedChangedAndDeletedByMergesAreToldAndRewrittenCopiesCancel() {
    SparkSession spark = SharedSpark.get();
    String path = dir.resolve("t").toString();
    write(spark, path, SaveMode.ErrorIfExists, RowFactory.create("a", 2021, 1),
        RowFactory.create("b", 2022, 2), RowFactory.create("c", 2023, 3));
    DeltaWriter writer = new DeltaWriter(spark);
    // version 1: b's score changes, d arrives, a is deleted; c is copied into the new file
    writer.upsert(path, rows(spark, RowFactory.create("b", 2022, 5),
        RowFactory.create("d", 2024, 4)), rows(spark, RowFactory.create("a", 2021, 1)), "id");
    Optional<Dataset<Row>> changes = TableChanges.between(spark, path, 0, 1,
        List.of("id", "fiscal_year"), null);
    assertTrue(changes.isPresent());
    List<String> told = changes.get().collectAsList().stream()
        .map(r -> r.getString(0) + "@" + r.getInt(1) + ":" + r.getString(2)).sorted().toList();
    assertEquals(List.of("a@2021:removed", "b@2022:added", "b@2022:removed", "d@2024:added"),
        told);
    // compared on the year only, b's change is no change
    List<String> byYear = TableChanges.between(spark, path, 0, 1, List.of("id"),
        List.of("id", "fiscal_year")).orElseThrow().collectAsList().stream()
        .map(r -> r.getString(0) + ":" + r.getString(1)).sorted().toList();
    assertEquals(List.of("a:removed", "d:added"), byYear);
    assertEquals(0, TableChanges.between(spark, path, 1, 1, List.of("id"), null)
        .orElseThrow().count());
  }

  @Test
  void schemaChangeOrMissingCommitCannotBeTold() {
    SparkSession spark = SharedSpark.get();
    String path = dir.resolve("s").toString();
    write(spark, path, SaveMode.ErrorIfExists, RowFactory.create("a", 2021, 1));
    spark.sql("ALTER TABLE delta.`" + path + "` ADD COLUMNS (note STRING)");
    assertTrue(TableChanges.between(spark, path, 0, 1, List.of("id"), null).isEmpty(),
        "a metaData action");
    assertTrue(TableChanges.between(spark, path, 0, 5, List.of("id"), null).isEmpty(),
        "commits that are not there");
    assertTrue(TableChanges.between(spark, path, -1, 1, List.of("id"), null).isEmpty(),
        "no version before");
  }

  private static void write(SparkSession spark, String path, SaveMode mode, Row... values) {
    rows(spark, values).write().format("delta").mode(mode).save(path);
  }

  private static Dataset<Row> rows(SparkSession spark, Row... values) {
    return spark.createDataFrame(List.of(values), SCHEMA);
  }
}
