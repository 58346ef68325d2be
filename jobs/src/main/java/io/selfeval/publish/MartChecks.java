package io.selfeval.publish;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.selfeval.model.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The checks a written mart version must pass before readers see it, run on the files as
 * written: the declared schema, keys unique and not null, row counts equal to the Delta tables
 * they come from, and the scorecard's flag counts equal to the flags mart's rows.
 */
final class MartChecks {

  /** Columns that tell a reader where a duplicated key comes from, where a mart has them. */
  private static final List<String> DUPLICATE_CONTEXT = List.of("rule_id", "form_id",
      "unit_id", "fiscal_year", "source_file");
  private static final int DUPLICATES_SHOWN = 5;

  private MartChecks() {}

  /**
   * Every failed check, as a readable line; empty when all pass.
   *
   * @param written each mart as read back from its new version
   * @param expectedRows each mart's row count in the Delta tables it comes from
   */
  static List<String> failures(Map<String, Dataset<Row>> written, Map<String, Long> expectedRows) {
    List<String> failed = new ArrayList<>();
    // every mart's figures in one query (one row each) rather than a job per figure
    Dataset<Row> figures = null;
    for (Map.Entry<String, Dataset<Row>> e : written.entrySet()) {
      String mart = e.getKey();
      Dataset<Row> df = e.getValue();
      failed.addAll(schema(mart, df.schema()));
      List<String> key = Marts.key(mart);
      Column anyNull = anyNull(key);
      Column flagged = mart.equals(Marts.FORM_SCORECARD) ? sum(col("flags_total"))
          : mart.equals(Marts.INFLATION_FLAGS) ? sum(when(col("form_id").isNotNull(), 1))
          : lit(null);
      Dataset<Row> one = df.agg(lit(mart).as("mart"), count(lit(1)).as("rows"),
          countDistinct(col(key.get(0)), key.subList(1, key.size()).stream()
              .map(org.apache.spark.sql.functions::col).toArray(Column[]::new)).as("keys"),
          sum(when(anyNull, 1).otherwise(0)).cast("long").as("null_keys"),
          flagged.cast("long").as("flagged"));
      figures = figures == null ? one : figures.unionByName(one);
    }
    Map<String, Row> byMart = new TreeMap<>();
    if (figures != null) {
      for (Row r : figures.collectAsList()) {
        byMart.put(r.getString(0), r);
      }
    }
    for (String mart : written.keySet()) {
      Row stats = byMart.get(mart);
      List<String> key = Marts.key(mart);
      long n = stats.getLong(1);
      long nullKeys = stats.isNullAt(3) ? 0 : stats.getLong(3);
      if (nullKeys > 0) {
        failed.add(mart + ": " + nullKeys + " rows with a null key " + key);
      }
      if (stats.getLong(2) != n - nullKeys) {
        failed.add(mart + ": key " + key + " not unique (" + n + " rows, " + stats.getLong(2)
            + " distinct keys); " + duplicates(written.get(mart), key));
      }
      Long expected = expectedRows.get(mart);
      if (expected != null && expected != n) {
        failed.add(mart + ": " + n + " rows, but its Delta table has " + expected);
      }
    }
    Row scorecard = byMart.get(Marts.FORM_SCORECARD);
    Row flags = byMart.get(Marts.INFLATION_FLAGS);
    if (scorecard != null && flags != null) {
      long counted = scorecard.isNullAt(4) ? 0 : scorecard.getLong(4);
      long flagRows = flags.isNullAt(4) ? 0 : flags.getLong(4);
      if (counted != flagRows) {
        failed.add("form_scorecard counts " + counted + " flags, inflation_flags has "
            + flagRows + " rows with a form");
      }
    }
    return failed;
  }

  /**
   * The first few keys that occur more than once, each with its row count and the rule, form and
   * document of its rows, so that whoever reads the failure knows which rule and which form to
   * look at; run only when a key is found not unique.
   */
  static String duplicates(Dataset<Row> df, List<String> key) {
    List<String> columns = List.of(df.columns());
    List<String> named = DUPLICATE_CONTEXT.stream()
        .filter(c -> columns.contains(c) && !key.contains(c)).toList();
    List<Column> context = new ArrayList<>();
    for (String c : named) {
      context.add(concat_ws(" | ", array_sort(collect_set(col(c).cast("string")))).as(c));
    }
    Column[] keyColumns = key.stream().map(functions::col).toArray(Column[]::new);
    List<Row> rows = df.where(not(anyNull(key)))
        .groupBy(keyColumns).agg(count(lit(1)).as("_rows"), context.toArray(new Column[0]))
        .where(col("_rows").gt(1)).orderBy(keyColumns).limit(DUPLICATES_SHOWN).collectAsList();
    List<String> shown = new ArrayList<>();
    for (Row r : rows) {
      StringBuilder one = new StringBuilder();
      for (int k = 0; k < key.size(); k++) {
        one.append(k == 0 ? "" : ", ").append(key.get(k)).append('=').append(r.get(k));
      }
      one.append(" (").append(r.getLong(key.size())).append(" rows");
      for (int k = 0; k < named.size(); k++) {
        one.append(", ").append(named.get(k)).append('=').append(r.get(key.size() + 1 + k));
      }
      shown.add(one.append(')').toString());
    }
    return "duplicated: " + String.join("; ", shown);
  }

  private static Column anyNull(List<String> key) {
    Column anyNull = lit(false);
    for (String k : key) {
      anyNull = anyNull.or(col(k).isNull());
    }
    return anyNull;
  }

  /** Columns missing, extra or of another type than {@code schemas/marts/<mart>.ddl} says. */
  static List<String> schema(String mart, StructType actual) {
    StructType declared = Schemas.ddl(Marts.ddlFile(mart));
    Map<String, String> want = new TreeMap<>();
    for (StructField f : declared.fields()) {
      want.put(f.name(), f.dataType().simpleString());
    }
    Map<String, String> got = new TreeMap<>();
    for (StructField f : actual.fields()) {
      got.put(f.name(), f.dataType().simpleString());
    }
    List<String> out = new ArrayList<>();
    if (!want.equals(got)) {
      out.add(mart + ": schema differs from " + Marts.ddlFile(mart) + ": declared " + want
          + ", written " + got);
    }
    return out;
  }
}
