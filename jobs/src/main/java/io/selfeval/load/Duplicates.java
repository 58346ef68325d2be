package io.selfeval.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.selfeval.warehouse.Tables;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Forms of the same unit, fiscal year, kind and project from different documents: the same form
 * published twice (a corrected report beside the first one, a report filed under two names with
 * different bytes). One stays current: the later publication. A record carries no publication
 * date, so "later" is the later first load ({@code loaded_run_id}: run ids sort by start time),
 * then, for documents first loaded by the same run, the greater {@code source_file}, then the
 * greater sha256. Forms without a unit or a year are never judged duplicates. Pure.
 */
public final class Duplicates {

  private static final String[] KEY = {"unit_id", "fiscal_year", "form_kind", "project_name"};

  private Duplicates() {}

  /**
   * The forms to supersede among {@code forms} (the forms table), as rows of
   * {@code superseded_forms}: each names the form kept in its place.
   */
  public static Dataset<Row> superseded(Dataset<Row> forms, String runId) {
    Column later = col("loaded_run_id").desc();
    Column[] key = Arrays.stream(KEY).map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> ranked = forms.where(col("unit_id").isNotNull()
            .and(col("fiscal_year").isNotNull()))
        .withColumn("rank", row_number().over(Window.partitionBy(key).orderBy(later,
            col("source_file").desc(), col("document_sha256").desc(), col("form_id"))));
    Dataset<Row> kept = ranked.where(col("rank").equalTo(1)).select(col("unit_id").as("k_unit"),
        col("fiscal_year").as("k_year"), col("form_kind").as("k_kind"),
        col("project_name").as("k_project"), col("form_id").as("kept_form_id"),
        col("document_sha256").as("kept_document_sha256"),
        col("source_file").as("kept_source_file"));
    Column sameKey = col("unit_id").equalTo(col("k_unit"))
        .and(col("fiscal_year").equalTo(col("k_year")))
        .and(col("form_kind").equalTo(col("k_kind")))
        .and(col("project_name").eqNullSafe(col("k_project")));
    return Tables.SUPERSEDED_FORMS.conform(ranked.where(col("rank").gt(1))
        .join(kept, sameKey, "inner")
        // two forms of one key in one document are one report's business, not a duplicate
        .where(col("document_sha256").notEqual(col("kept_document_sha256")))
        .withColumn("superseded_run_id", lit(runId)));
  }
}
