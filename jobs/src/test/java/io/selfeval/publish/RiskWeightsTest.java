package io.selfeval.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.Schemas;
import io.selfeval.spark.SharedSpark;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scorecard's risk weights are configuration: flags.json's {@code risk_weights}, 5 / 2 / 1
 * by default, or those of a {@code --config} file; a file without them is refused.
 */
class RiskWeightsTest {

  @TempDir
  Path tmp;

  private static String builtIn() throws IOException {
    return new String(RiskWeightsTest.class.getResourceAsStream("/flags.json").readAllBytes(),
        StandardCharsets.UTF_8);
  }

  @Test
  void builtInWeightsAreFiveTwoOne() {
    assertEquals(new RiskWeights(new BigDecimal("5"), new BigDecimal("2"), new BigDecimal("1")),
        RiskWeights.load(null));
  }

  @Test
  void configWithoutWeightsOrWithNegativeOneIsRefused() throws IOException {
    String json = builtIn();
    int at = json.indexOf(",\n  \"risk_weights\"");
    assertTrue(at > 0, "the built-in file holds risk_weights last");
    Path without = Files.writeString(tmp.resolve("old.json"), json.substring(0, at) + "\n}\n");
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> RiskWeights.load(without));
    assertTrue(missing.getMessage().contains("risk_weights.high is missing"),
        missing.getMessage());
    Path negative = Files.writeString(tmp.resolve("negative.json"),
        json.replace("\"medium\": 2,", "\"medium\": -2,"));
    IllegalArgumentException below = assertThrows(IllegalArgumentException.class,
        () -> RiskWeights.load(negative));
    assertTrue(below.getMessage().contains("risk_weights.medium = -2 is negative"),
        below.getMessage());
  }

  /**
   * One form with 1 high, 2 medium and 4 low flags and 2.5 inflation points: 5 + 4 + 4 + 2.5 =
   * 15.5 with the built-in weights; 3 + 1 + 0 + 2.5 = 6.5 with high 3, medium 0.5, low 0.
   */
  @Test
  void riskScoreWeighsFlagsAsConfigured() throws IOException {
    SparkSession spark = SharedSpark.get();
    StructType mart = Schemas.ddl("marts/form_scorecard.ddl");
    List<String> fromLabels = List.of("unit_name", "project_name", "document_sha256",
        "line_end");
    List<String> computed = List.of("grade_of_total", "flags_high", "flags_medium",
        "flags_low", "flags_total", "risk_score", "run_id");
    List<Column> columns = new ArrayList<>();
    for (var f : mart.fields()) {
      if (!fromLabels.contains(f.name()) && !computed.contains(f.name())) {
        columns.add(lit(null).cast(f.dataType()).as(f.name()));
      }
    }
    columns.add(lit(null).cast("string").as("recomputed_grade"));
    Dataset<Row> execution = spark.range(1).select(columns.toArray(Column[]::new))
        .withColumn("form_id", lit("f1"))
        .withColumn("inflation_points", lit(new BigDecimal("2.5")).cast("decimal(22,6)"));
    Dataset<Row> labels = spark.range(1).select(lit("f1").as("l_form_id"),
        lit("u").as("unit_name"), lit("project").as("l_form_kind"),
        lit("p").as("project_name"), lit("sha").as("document_sha256"), lit(9).as("line_end"));
    List<Row> flagRows = new ArrayList<>();
    for (String severity : List.of("high", "medium", "medium", "low", "low", "low", "low")) {
      flagRows.add(RowFactory.create("f1", severity));
    }
    Dataset<Row> flags = spark.createDataFrame(flagRows,
        new StructType().add("form_id", "string").add("severity", "string"));

    Row byDefault = Marts.scorecard(execution, labels, flags, "r1", RiskWeights.load(null))
        .select(col("risk_score"), col("flags_total")).first();
    assertEquals(0, new BigDecimal("15.5").compareTo(byDefault.getDecimal(0)),
        byDefault.toString());
    assertEquals(7, byDefault.getInt(1));

    Path config = Files.writeString(tmp.resolve("flags.json"), builtIn()
        .replace("\"high\": 5,", "\"high\": 3,").replace("\"medium\": 2,", "\"medium\": 0.5,")
        .replace("\"low\": 1", "\"low\": 0"));
    Row configured = Marts.scorecard(execution, labels, flags, "r1", RiskWeights.load(config))
        .select(col("risk_score")).first();
    assertEquals(0, new BigDecimal("6.5").compareTo(configured.getDecimal(0)),
        configured.toString());
  }
}
