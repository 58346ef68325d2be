package io.selfeval.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.selfeval.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The Delta writer on a warehouse named by a relative path, as `--warehouse wh` gives it. */
class DeltaWriterTest {

  @Test
  void olderTableGetsItsMissingColumnsUnderRelativePath() throws IOException {
    SparkSession spark = SharedSpark.get();
    Files.createDirectories(Path.of("target"));
    Path dir = Files.createTempDirectory(Path.of("target"), "relative-wh");
    String path = Path.of("").toAbsolutePath().relativize(dir.toAbsolutePath())
        .resolve("t").toString();
    StructType old = new StructType().add("id", DataTypes.StringType);
    spark.createDataFrame(List.of(RowFactory.create("a")), old).write().format("delta")
        .save(path);
    StructType now = old.add("score", DataTypes.IntegerType);
    DeltaWriter writer = new DeltaWriter(spark);
    writer.insertNew(path, spark.createDataFrame(List.of(RowFactory.create("b", 7)), now), "id");
    List<Row> rows = writer.read(path).orderBy("id").collectAsList();
    assertEquals(List.of("id", "score"), Arrays.asList(writer.read(path).columns()));
    assertEquals(2, rows.size());
    assertEquals(7, rows.get(1).getInt(1));
  }
}
