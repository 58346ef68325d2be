package io.selfeval.analyse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import io.selfeval.warehouse.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Year over year, the same indicator's target: raised, repeated or lowered, and whether the year
 * before had beaten it. The same indicator is the row of the same unit and form (the unit-wide
 * form, or a project by name) in the year before with the same name, or, when the name was
 * reworded, the row {@code int_links} links to it. Only targets of the same kind and unit are
 * compared.
 */
public final class TargetChanges {

  private TargetChanges() {}

  /** The form key: {@code (unit)} for unit-wide forms, else the project name. */
  public static Column formKey() {
    return when(col("form_kind").equalTo("unit"), lit("(unit)"))
        .otherwise(col("project_name"));
  }

  /**
   * Rows of {@code int_target_changes}.
   *
   * @param deviations {@code int_indicator_deviations} with a {@code form_key} column
   * @param links {@code int_links}
   */
  public static Dataset<Row> changes(Dataset<Row> deviations, Dataset<Row> links) {
    Dataset<Row> rows = deviations.where(col("unit_id").isNotNull()
        .and(col("form_key").isNotNull()).and(col("fiscal_year").isNotNull()));
    Dataset<Row> previous = rows.select(col("indicator_id").as("p_id"),
        col("unit_id").as("p_unit"), col("form_key").as("p_form"),
        col("fiscal_year").as("p_year"), col("name").as("p_name"),
        col("target_kind").as("p_kind"), col("target_unit").as("p_unit_word"),
        col("target_value").as("p_target"), col("actual_value").as("p_actual"),
        col("status").as("p_status"));
    Column sameRow = col("unit_id").equalTo(col("p_unit")).and(col("form_key")
        .equalTo(col("p_form"))).and(col("p_year").equalTo(col("fiscal_year").minus(1)));
    // by name, a row's predecessor is the first row of that name in the form the year before
    // (the one kept below): one candidate per row, not one per copy of the name, so a form
    // repeated n times in two years joins n rows, not n x n
    Dataset<Row> firstByName = previous.withColumn("first_p_id", min(col("p_id"))
            .over(Window.partitionBy(col("p_unit"), col("p_form"), col("p_year"), col("p_name"))))
        .where(col("p_id").equalTo(col("first_p_id"))).drop("first_p_id");
    Dataset<Row> byName = rows.join(firstByName,
        sameRow.and(col("name").equalTo(col("p_name"))), "inner")
        .withColumn("matched_by", lit("same_name"));
    Dataset<Row> linkPairs = links.where(col("link_kind").equalTo("indicator"))
        .select(col("left_key"), col("right_key"));
    Dataset<Row> byLink = rows.join(linkPairs, col("indicator_id").equalTo(col("right_key")),
            "inner")
        .join(previous, col("left_key").equalTo(col("p_id")), "inner")
        .drop("left_key", "right_key").withColumn("matched_by", lit("link"));
    Dataset<Row> pairs = byName.unionByName(byLink);
    // a name printed twice in one form: keep one predecessor per row
    Column first = min(col("p_id")).over(Window.partitionBy(col("indicator_id")));
    Column change = when(col("target_value").gt(col("p_target")), lit("raised"))
        .when(col("target_value").lt(col("p_target")), lit("lowered"))
        .otherwise(lit("repeated"));
    Dataset<Row> compared = pairs.withColumn("f_p_id", first)
        .where(col("p_id").equalTo(col("f_p_id")))
        .where(col("target_value").isNotNull().and(col("p_target").isNotNull())
            .and(col("target_kind").equalTo(col("p_kind")))
            .and(col("target_kind").isin("number", "percent", "count_per_period"))
            .and(col("target_unit").eqNullSafe(col("p_unit_word"))));
    return Tables.TARGET_CHANGES.conform(compared
        .withColumn("previous_indicator_id", col("p_id"))
        .withColumn("previous_name", col("p_name"))
        .withColumn("previous_target_value", col("p_target"))
        .withColumn("previous_actual_value", col("p_actual"))
        .withColumn("previous_status", col("p_status"))
        .withColumn("change", change)
        .withColumn("after_beaten", col("p_status").equalTo("exceeded")));
  }
}
