package io.selfeval.analyse;

import org.apache.spark.sql.types.StructType;

/** Schemas of the inline forms and indicator rows the analysis tests build. */
final class AnalyseFixtures {

  /** The forms columns the metrics and flags read. */
  static final StructType FORMS = new StructType()
      .add("form_id", "string").add("unit_id", "string").add("fiscal_year", "int")
      .add("form_kind", "string").add("initial_wan_yuan", "decimal(22,6)")
      .add("adjusted_wan_yuan", "decimal(22,6)").add("executed_wan_yuan", "decimal(22,6)")
      .add("budget_weight", "decimal(22,6)").add("reported_rate", "decimal(22,6)")
      .add("reported_budget_score", "decimal(22,6)").add("reported_total", "decimal(22,6)")
      .add("reported_grade", "string").add("indicator_count", "int")
      .add("source_file", "string").add("line_start", "int")
      .add("reported_total_line", "int").add("budget_line", "int")
      .add("has_problems", "boolean").add("problems_line", "int")
      .add("project_name", "string").add("has_score_table", "boolean");

  /** The indicators columns the metrics read. */
  static final StructType INDICATORS = new StructType()
      .add("indicator_id", "string").add("form_id", "string").add("position", "int")
      .add("unit_id", "string").add("fiscal_year", "int").add("level1", "string")
      .add("level2", "string").add("name", "string").add("target_text", "string")
      .add("actual_text", "string").add("deviation_reason", "string")
      .add("weight", "decimal(22,6)").add("score", "decimal(22,6)")
      .add("source_file", "string").add("line", "int");

  private AnalyseFixtures() {}
}
