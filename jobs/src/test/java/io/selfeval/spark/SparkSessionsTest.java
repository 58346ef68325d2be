package io.selfeval.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkSessionsTest {

  @TempDir
  Path tmp;

  @Test
  void sessionIsConfiguredForDeltaAndUtc() {
    SparkSession spark = SharedSpark.get();
    assertEquals("UTC", spark.conf().get("spark.sql.session.timeZone"));
    assertEquals("io.delta.sql.DeltaSparkSessionExtension",
        spark.conf().get("spark.sql.extensions"));
    assertEquals("false", spark.sparkContext().getConf().get("spark.ui.enabled"));
  }

  @Test
  void writesAndReadsBackDeltaTable() {
    SparkSession spark = SharedSpark.get();
    StructType schema = new StructType()
        .add("form_id", DataTypes.StringType, false)
        .add("executed_wan_yuan", DataTypes.createDecimalType(18, 2), true);
    List<Row> rows = List.of(
        RowFactory.create("a", new BigDecimal("1112.67")),
        RowFactory.create("b", new BigDecimal("0.01")));
    String path = tmp.resolve("forms").toString();

    spark.createDataFrame(rows, schema).write().format("delta").save(path);
    Dataset<Row> back = spark.read().format("delta").load(path).orderBy("form_id");

    assertTrue(Files.isDirectory(tmp.resolve("forms/_delta_log")));
    assertEquals(List.of(
        RowFactory.create("a", new BigDecimal("1112.67")),
        RowFactory.create("b", new BigDecimal("0.01"))), back.collectAsList());
    assertEquals(DataTypes.createDecimalType(18, 2), back.schema().apply("executed_wan_yuan")
        .dataType());
  }

  @Test
  void recognisesLocalMasters() {
    assertTrue(SparkSessions.isLocal("local"));
    assertTrue(SparkSessions.isLocal("local[*]"));
    assertTrue(SparkSessions.isLocal("local[2,3]"));
    assertFalse(SparkSessions.isLocal("spark://127.0.0.1:7077"));
    assertFalse(SparkSessions.isLocal("yarn"));
    assertFalse(SparkSessions.isLocal(null));
  }
}
