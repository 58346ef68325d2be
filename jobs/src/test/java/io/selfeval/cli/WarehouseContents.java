package io.selfeval.cli;

import io.selfeval.publish.Marts;
import io.selfeval.spark.SharedSpark;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a warehouse holds, to compare two of them: every table's and mart's rows as sorted JSON,
 * without the columns that name a run or a time (those differ between runs by design).
 */
final class WarehouseContents {

  private static final List<String> RUN_COLUMNS = List.of("run_id", "loaded_run_id",
      "first_run_id", "extracted_at", "started_at", "ended_at");
  private static final List<String> TABLES = List.of("forms", "budget_lines", "indicators",
      "facts", "units", "rejects", "int_indicator_deviations", "int_form_execution",
      "int_flags", "int_unit_year_profiles", "int_links", "int_target_changes");

  private WarehouseContents() {}

  /** Table or mart name (marts as {@code mart <name>}) to its rows. */
  static Map<String, List<String>> of(Path warehouse) {
    SparkSession spark = SharedSpark.get();
    Map<String, List<String>> all = new LinkedHashMap<>();
    for (String table : TABLES) {
      all.put(table, rows(spark.read().format("delta").load(warehouse + "/delta/" + table)));
    }
    for (String mart : Marts.NAMES) {
      all.put("mart " + mart, rows(spark.read().parquet(warehouse + "/marts/" + mart)));
    }
    return all;
  }

  private static List<String> rows(Dataset<Row> df) {
    return df.drop(RUN_COLUMNS.toArray(String[]::new)).toJSON().collectAsList().stream()
        .sorted().toList();
  }
}
