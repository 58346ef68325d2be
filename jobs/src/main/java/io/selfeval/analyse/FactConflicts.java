package io.selfeval.analyse;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code FACT_CONFLICT}: the prose of one document states the same quantity twice with
 * different amounts (a project's spending given as one figure in one paragraph and as another
 * in a later one). The reader keeps both statements as facts and warns; this rule flags the
 * record they belong to, once per quantity, naming every statement and its line.
 */
final class FactConflicts {

  /** Fact keys that state one quantity (as the reader's FACT_CONFLICT warning reads them). */
  static final List<String> ONE_QUANTITY = List.of("project_line", "project_initial_budget",
      "project_budget", "project_expenditure");

  private FactConflicts() {}

  /**
   * One flag per record and quantity (fact key and label) whose prose statements, in 万元 (元
   * divided by 10 000), take more than one value. Evidence: {@code figure} (key:label),
   * {@code stated_wan_yuan} (the distinct amounts) and {@code statements} (each amount with its
   * line); the flag points at the first statement's line.
   */
  static Dataset<Row> flags(Dataset<Row> facts) {
    Column wan = when(col("unit").equalTo("元"),
        col("value").multiply(lit(new BigDecimal("0.0001")))).otherwise(col("value"));
    Dataset<Row> conflicting = facts.where(col("key").isin(ONE_QUANTITY.toArray())
            .and(col("unit").isin("万元", "元")).and(col("period").isNull()))
        .withColumn("wan", plain(wan.cast("decimal(22,6)")))
        .groupBy(col("unit_id"), col("fiscal_year"), col("form_id"), col("source_file"),
            col("key"), col("label"))
        .agg(count_distinct(col("wan")).as("amounts"),
            array_sort(collect_set(col("wan"))).as("stated"),
            array_sort(collect_set(struct(col("line"), col("wan")))).as("statements"),
            min(col("line")).as("first_line"))
        .where(col("amounts").gt(1));
    Column statements = transform(col("statements"),
        s -> format_string("%s (line %d)", s.getField("wan"), s.getField("line")));
    return Flags.form(conflicting, "FACT_CONFLICT", Flags.ev(
            "figure", concat_ws(":", col("key"), col("label")),
            "stated_wan_yuan", concat_ws(" / ", col("stated")),
            "statements", concat_ws(" / ", statements)),
        col("first_line"));
  }

  /** An amount as text without trailing zeros: 244.650000 → 244.65, 36.000000 → 36. */
  private static Column plain(Column amount) {
    return regexp_replace(regexp_replace(amount.cast("string"), "(\\.[0-9]*?)0+$", "$1"),
        "\\.$", "");
  }
}
