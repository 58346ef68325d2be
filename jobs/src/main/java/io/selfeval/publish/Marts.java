package io.selfeval.publish;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.selfeval.model.Schemas;
import io.selfeval.warehouse.MartNames;
import io.selfeval.warehouse.Tables;
import io.selfeval.warehouse.Warehouse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The four marts, built from the Delta tables and held to their declared schemas
 * ({@code schemas/marts/<name>.ddl}): what dashboards and auditors read.
 */
public final class Marts {

  public static final String FORM_SCORECARD = MartNames.FORM_SCORECARD;
  public static final String INDICATOR_DEVIATIONS = MartNames.INDICATOR_DEVIATIONS;
  public static final String INFLATION_FLAGS = MartNames.INFLATION_FLAGS;
  public static final String UNIT_YEAR_PROFILES = MartNames.UNIT_YEAR_PROFILES;
  public static final List<String> NAMES = MartNames.NAMES;

  /** The partition column of every mart. */
  public static final String PARTITION = MartNames.PARTITION;

  private Marts() {}

  /** The schema file of a mart. */
  public static String ddlFile(String mart) {
    return MartNames.ddlFile(mart);
  }

  /** The key columns of a mart: unique and never null. */
  static List<String> key(String mart) {
    return switch (mart) {
      case FORM_SCORECARD -> List.of("form_id");
      case INDICATOR_DEVIATIONS -> List.of("indicator_id");
      case INFLATION_FLAGS -> List.of("flag_id");
      case UNIT_YEAR_PROFILES -> List.of("unit_id", "fiscal_year");
      default -> throw new IllegalArgumentException("no mart " + mart);
    };
  }

  /** Every mart's rows, in mart order, as of the tables' current versions. */
  static Map<String, Dataset<Row>> build(SparkSession spark, Warehouse warehouse, String runId,
      RiskWeights weights) {
    Dataset<Row> forms = warehouse.read(spark, Tables.FORMS);
    Dataset<Row> flags = warehouse.read(spark, Tables.FLAGS);
    Dataset<Row> deviations = warehouse.read(spark, Tables.INDICATOR_DEVIATIONS);
    Dataset<Row> formLabels = forms.select(col("form_id").as("l_form_id"),
        col("unit_name"), col("form_kind").as("l_form_kind"), col("project_name"),
        col("document_sha256"), col("line_end"));
    Map<String, Dataset<Row>> marts = new LinkedHashMap<>();
    marts.put(FORM_SCORECARD, scorecard(warehouse.read(spark, Tables.FORM_EXECUTION),
        formLabels, flags, runId, weights));
    marts.put(INDICATOR_DEVIATIONS, Schemas.conformTo(deviations
        .join(formLabels, col("form_id").equalTo(col("l_form_id")), "left_outer")
        .withColumn("form_kind", col("l_form_kind"))
        .withColumn("run_id", lit(runId)), ddlFile(INDICATOR_DEVIATIONS)));
    Dataset<Row> unitNames = warehouse.read(spark, Tables.UNITS).select(
        col("unit_id").as("n_unit_id"), col("canonical_name").as("unit_name"));
    Dataset<Row> indicatorNames = deviations.select(col("indicator_id").as("n_indicator_id"),
        col("name").as("indicator_name"));
    marts.put(INFLATION_FLAGS, Schemas.conformTo(flags
        .join(unitNames, col("unit_id").equalTo(col("n_unit_id")), "left_outer")
        .join(formLabels.drop("unit_name"), col("form_id").equalTo(col("l_form_id")),
            "left_outer")
        .join(indicatorNames, col("indicator_id").equalTo(col("n_indicator_id")), "left_outer")
        .withColumn("form_kind", col("l_form_kind"))
        .withColumn("evidence_json", to_json(col("evidence_values")))
        .withColumn("run_id", lit(runId)), ddlFile(INFLATION_FLAGS)));
    marts.put(UNIT_YEAR_PROFILES, Schemas.conformTo(warehouse.read(spark,
        Tables.UNIT_YEAR_PROFILES).withColumn("run_id", lit(runId)), ddlFile(UNIT_YEAR_PROFILES)));
    return marts;
  }

  /**
   * One row per form: execution, totals, flag counts by severity and the risk score
   * {@code weights} × (high, medium, low) + max(inflation points, 0); the weights by default
   * 5 × high + 2 × medium + 1 × low.
   */
  static Dataset<Row> scorecard(Dataset<Row> execution, Dataset<Row> formLabels,
      Dataset<Row> flags, String runId, RiskWeights weights) {
    Dataset<Row> counts = flags.where(col("form_id").isNotNull())
        .groupBy(col("form_id").as("c_form_id")).agg(
            sum(when(col("severity").equalTo("high"), 1).otherwise(0)).as("flags_high"),
            sum(when(col("severity").equalTo("medium"), 1).otherwise(0)).as("flags_medium"),
            sum(when(col("severity").equalTo("low"), 1).otherwise(0)).as("flags_low"));
    Column high = coalesce(col("flags_high"), lit(0));
    Column medium = coalesce(col("flags_medium"), lit(0));
    Column low = coalesce(col("flags_low"), lit(0));
    Column risk = high.multiply(lit(weights.high())).plus(medium.multiply(lit(weights.medium())))
        .plus(low.multiply(lit(weights.low()))).cast("decimal(22,6)")
        .plus(greatest(coalesce(col("inflation_points"), lit(BigDecimal.ZERO)),
            lit(BigDecimal.ZERO)));
    return Schemas.conformTo(execution
        .join(formLabels, col("form_id").equalTo(col("l_form_id")), "left_outer")
        .join(counts, col("form_id").equalTo(col("c_form_id")), "left_outer")
        .withColumn("grade_of_total", col("recomputed_grade"))
        .withColumn("risk_score", risk)
        .withColumn("flags_high", high)
        .withColumn("flags_medium", medium)
        .withColumn("flags_low", low)
        .withColumn("flags_total", high.plus(medium).plus(low))
        .withColumn("run_id", lit(runId)), ddlFile(FORM_SCORECARD));
  }
}
