package io.selfeval.load;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.posexplode_outer;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.selfeval.warehouse.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Transformations from parsed records (a column {@code r} holding the record struct, beside
 * {@code unit_id}) to the rows of the Delta tables. Pure: no reads, writes or actions. Each ends
 * with the select of its table's declared schema ({@code schemas/tables/*.ddl}).
 */
public final class RecordTables {

  private RecordTables() {}

  /** One row per form. Amounts are converted to 万元 when the form printed 元. */
  public static Dataset<Row> forms(Dataset<Row> records, String runId) {
    return Tables.FORMS.conform(records.select(
        col("r.record_id").as("form_id"),
        col("r.source.sha256").as("document_sha256"),
        col("r.source.file").as("source_file"),
        col("r.source.form_index").as("form_index"),
        col("r.source.line_start").as("line_start"),
        col("r.source.line_end").as("line_end"),
        col("r.source.locations").as("source_locations"),
        col("r.source.encoding").as("encoding"),
        col("unit_id"),
        col("unit_key").as("unit_name_key"),
        col("r.unit_name").as("unit_name"),
        col("r.fiscal_year").as("fiscal_year"),
        col("r.form_kind").as("form_kind"),
        col("r.project_name").as("project_name"),
        col("r.has_score_table").as("has_score_table"),
        col("r.budget.amount_unit").as("amount_unit"),
        wanYuan(col("r.budget.initial.value")).as("initial_wan_yuan"),
        wanYuan(col("r.budget.adjusted.value")).as("adjusted_wan_yuan"),
        wanYuan(col("r.budget.executed.value")).as("executed_wan_yuan"),
        col("r.budget.weight.value").as("budget_weight"),
        col("r.budget.reported_rate.value").as("reported_rate"),
        col("r.budget.reported_score.value").as("reported_budget_score"),
        col("r.budget.initial.line").as("budget_line"),
        col("r.reported_total.value").as("reported_total"),
        col("r.reported_total.text").as("reported_total_text"),
        col("r.reported_total.line").as("reported_total_line"),
        col("r.reported_total_weight.value").as("reported_total_weight"),
        col("r.reported_grade.value").as("reported_grade"),
        col("r.goals.target_text").as("goals_target_text"),
        col("r.goals.actual_text").as("goals_actual_text"),
        col("r.narrative.problems_section").as("problems_section"),
        col("r.narrative.problems_line").as("problems_line"),
        col("r.narrative.has_problems").as("has_problems"),
        size(col("r.indicators")).as("indicator_count"),
        size(col("r.warnings")).as("warning_count"),
        col("r.warnings").as("warnings"),
        col("r.extractor").as("extractor"),
        col("r.schema_version").as("schema_version"),
        lit(runId).as("loaded_run_id")));
  }

  /** One row per budget split line. */
  public static Dataset<Row> budgetLines(Dataset<Row> records) {
    Dataset<Row> lines = records.select(col("r"),
        posexplode_outer(col("r.budget.lines")).as(new String[] {"position", "l"}))
        .where(col("l").isNotNull());
    return Tables.BUDGET_LINES.conform(lines.select(
        concat_ws("#", col("r.record_id"), col("position").cast("string"))
            .as("budget_line_id"),
        col("r.record_id").as("form_id"),
        col("position"),
        col("l.category").as("category"),
        col("l.label").as("label"),
        wanYuan(col("l.initial.value")).as("initial_wan_yuan"),
        wanYuan(col("l.adjusted.value")).as("adjusted_wan_yuan"),
        wanYuan(col("l.executed.value")).as("executed_wan_yuan"),
        wanYuan(col("l.amount.value")).as("amount_wan_yuan"),
        col("r.source.file").as("source_file"),
        col("l.line").as("line"),
        locationOf("l.line").as("source_location")));
  }

  /** One row per indicator row; texts exactly as printed. */
  public static Dataset<Row> indicators(Dataset<Row> records) {
    Dataset<Row> rows = records.select(col("r"), col("unit_id"),
        posexplode_outer(col("r.indicators")).as(new String[] {"p", "i"}))
        .where(col("i").isNotNull());
    return Tables.INDICATORS.conform(rows.select(
        concat_ws("#", col("r.record_id"), col("i.position").cast("string"))
            .as("indicator_id"),
        col("r.record_id").as("form_id"),
        col("i.position").as("position"),
        col("unit_id"),
        col("r.fiscal_year").as("fiscal_year"),
        col("i.level1").as("level1"),
        col("i.level1_weight").as("level1_weight"),
        col("i.level2").as("level2"),
        col("i.name").as("name"),
        col("i.target_text").as("target_text"),
        col("i.actual_text").as("actual_text"),
        col("i.weight").as("weight"),
        col("i.score").as("score"),
        col("i.weight_text").as("weight_text"),
        col("i.score_text").as("score_text"),
        col("i.deviation_reason").as("deviation_reason"),
        col("i.inherited").as("inherited"),
        col("r.source.file").as("source_file"),
        col("i.line").as("line"),
        locationOf("i.line").as("source_location")));
  }

  /** One row per fact stated in prose or in the basic-data table. */
  public static Dataset<Row> facts(Dataset<Row> records) {
    Dataset<Row> rows = records.select(col("r"), col("unit_id"),
        posexplode_outer(col("r.facts")).as(new String[] {"position", "f"}))
        .where(col("f").isNotNull());
    return Tables.FACTS.conform(rows.select(
        concat_ws("#", col("r.record_id"), col("position").cast("string")).as("fact_id"),
        col("r.record_id").as("form_id"),
        col("position"),
        col("unit_id"),
        col("r.fiscal_year").as("fiscal_year"),
        col("f.key").as("key"),
        col("f.label").as("label"),
        col("f.value").as("value"),
        col("f.unit").as("unit"),
        col("f.period").as("period"),
        col("f.text").as("text"),
        col("r.source.file").as("source_file"),
        col("f.line").as("line")));
  }

  /**
   * One row per unit, derived from every form loaded so far: the names it was printed under, the
   * years it reported, and as canonical name the one on its latest year's forms (unit forms
   * before project forms, then the shortest, then the first in code-point order).
   */
  public static Dataset<Row> units(Dataset<Row> forms) {
    Dataset<Row> named = forms.where(col("unit_id").isNotNull().and(col("unit_name").isNotNull()));
    return Tables.UNITS.conform(named.groupBy(col("unit_id")).agg(
        min(col("unit_name_key")).as("name_key"),
        min_by(col("unit_name"), struct(negate(coalesce(col("fiscal_year"), lit(0))),
            when(col("form_kind").equalTo("unit"), 0).otherwise(1),
            length(col("unit_name")), col("unit_name"))).as("canonical_name"),
        array_sort(collect_set(col("unit_name"))).as("names_seen"),
        array_sort(collect_set(col("fiscal_year"))).as("years_seen")));
  }

  /** The place in the original document of a line, from the record's locations, or null. */
  private static Column locationOf(String line) {
    return expr("try_element_at(filter(r.source.locations, x -> x.line = " + line
        + "), 1).location");
  }

  /** The form's amount in 万元: divided by 10,000 when the form printed 元. */
  private static Column wanYuan(Column amount) {
    return when(col("r.budget.amount_unit").equalTo("元"), amount.divide(10_000))
        .otherwise(amount);
  }
}
