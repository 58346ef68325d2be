package io.selfeval.analyse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;

import io.selfeval.warehouse.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code DUPLICATE_FORM}: the same unit, year, kind and project arrived in two documents. Load
 * keeps the later publication as current and moves the other to {@code superseded_forms}; the
 * flag stands on the kept form, one per superseded form, and names both documents.
 */
public final class DuplicateForms {

  public static final String RULE = "DUPLICATE_FORM";

  private DuplicateForms() {}

  /**
   * The flags of {@code superseded} (rows of {@code superseded_forms}) whose kept form is in
   * {@code forms}, as {@code int_flags} rows.
   */
  public static Dataset<Row> flags(Dataset<Row> superseded, Dataset<Row> forms,
      FlagThresholds t, String rulePack) {
    Dataset<Row> kept = forms.select(col("form_id").as("k_form_id"),
        col("source_file").as("k_source_file"), col("line_start").as("k_line"));
    Dataset<Row> pairs = superseded.join(kept, col("kept_form_id").equalTo(col("k_form_id")),
        "inner");
    return Tables.FLAGS.conform(pairs.select(
        substring(sha2(concat_ws("#", lit(RULE), col("kept_form_id"), col("form_id")), 256), 1,
            32).as("flag_id"),
        lit(RULE).as("rule_id"),
        lit(t.severities().of(RULE)).as("severity"),
        col("unit_id"), col("fiscal_year"),
        col("kept_form_id").as("form_id"),
        lit(null).cast("string").as("indicator_id"),
        concat_ws(", ", concat_ws("=", lit("kept_file"), col("k_source_file")),
            concat_ws("=", lit("superseded_file"), col("source_file")),
            concat_ws("=", lit("superseded_form"), col("form_id"))).as("evidence"),
        map(lit("kept_file"), col("k_source_file"), lit("superseded_file"), col("source_file"),
            lit("superseded_form"), col("form_id")).as("evidence_values"),
        col("k_source_file").as("source_file"),
        col("k_line").as("source_line"),
        lit(rulePack).as("rule_pack"),
        lit(t.version()).as("thresholds_version")));
  }
}
