package io.selfeval.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.selfeval.model.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The checks a written mart version must pass before readers see it, run on the files as
 * written: the declared schema, keys unique and not null, row counts equal to the Delta tables
 * they come from, and the scorecard's flag counts equal to the flags mart's rows.
 */
final class MartChecks {

  private MartChecks() {}

  /**
   * Every failed check, as a readable line; empty when all pass.
   *
   * @param written each mart as read back from its new version
   * @param expectedRows each mart's row count in the Delta tables it comes from
   */
  static List<String> failures(Map<String, Dataset<Row>> written, Map<String, Long> expectedRows) {
    List<String> failed = new ArrayList<>();
    Map<String, Long> rows = new TreeMap<>();
    for (Map.Entry<String, Dataset<Row>> e : written.entrySet()) {
      String mart = e.getKey();
      Dataset<Row> df = e.getValue();
      failed.addAll(schema(mart, df.schema()));
      List<String> key = Marts.key(mart);
      Column anyNull = lit(false);
      for (String k : key) {
        anyNull = anyNull.or(col(k).isNull());
      }
      Row stats = df.agg(count(lit(1)), countDistinct(col(key.get(0)), key.subList(1, key.size())
              .stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new)),
          sum(org.apache.spark.sql.functions.when(anyNull, 1).otherwise(0))).first();
      long n = stats.getLong(0);
      rows.put(mart, n);
      if (!stats.isNullAt(2) && stats.getLong(2) > 0) {
        failed.add(mart + ": " + stats.getLong(2) + " rows with a null key " + key);
      }
      if (stats.getLong(1) != n - (stats.isNullAt(2) ? 0 : stats.getLong(2))) {
        failed.add(mart + ": key " + key + " not unique (" + n + " rows, " + stats.getLong(1)
            + " distinct keys)");
      }
      Long expected = expectedRows.get(mart);
      if (expected != null && expected != n) {
        failed.add(mart + ": " + n + " rows, but its Delta table has " + expected);
      }
    }
    Dataset<Row> scorecard = written.get(Marts.FORM_SCORECARD);
    Dataset<Row> flags = written.get(Marts.INFLATION_FLAGS);
    if (scorecard != null && flags != null) {
      Row total = scorecard.agg(sum(col("flags_total"))).first();
      long counted = total.isNullAt(0) ? 0 : total.getLong(0);
      long flagRows = flags.where(col("form_id").isNotNull()).count();
      if (counted != flagRows) {
        failed.add("form_scorecard counts " + counted + " flags, inflation_flags has "
            + flagRows + " rows with a form");
      }
    }
    return failed;
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
