package io.selfeval.load;

import io.delta.tables.DeltaTable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The current Delta versions of the tables the load stage writes and the analysis reads, as one
 * string such as {@code forms@3 budget_lines@3 indicators@3 facts@3 units@3}: the marts record it
 * when they are published, so a later run can tell that nothing they are built from has changed.
 */
public final class TableVersions {

  /** The tables whose contents decide the analysis and the marts. */
  public static final List<String> LOADED = List.of("forms", "budget_lines", "indicators",
      "facts", "units");

  private TableVersions() {}

  /** The versions of {@link #LOADED}; a table not created yet shows as {@code name@none}. */
  public static String of(SparkSession spark, Warehouse warehouse) {
    StringBuilder sb = new StringBuilder();
    for (String table : LOADED) {
      String path = warehouse.table(table);
      sb.append(sb.isEmpty() ? "" : " ").append(table).append('@');
      if (DeltaTable.isDeltaTable(spark, path)) {
        Row last = DeltaTable.forPath(spark, path).history(1).select("version").first();
        sb.append(last.getLong(0));
      } else {
        sb.append("none");
      }
    }
    return sb.toString();
  }
}
