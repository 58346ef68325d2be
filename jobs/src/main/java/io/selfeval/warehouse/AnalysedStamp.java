package io.selfeval.warehouse;

import io.delta.tables.DeltaTable;
import io.selfeval.warehouse.Tables.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the analysis in a warehouse was computed from, as the analyse stage stamps it on the
 * commit of each of its tables (Delta {@code userMetadata}): the versions of the loaded tables
 * ({@link TableVersions}) then the analysis settings, e.g.
 * {@code forms@3 budget_lines@3 indicators@3 facts@3 units@3 rule_pack=national@1 ...}.
 */
public final class AnalysedStamp {

  /** The stamp when the analysed tables do not all carry the same one. */
  public static final String UNKNOWN = "unknown";

  private AnalysedStamp() {}

  /**
   * The stamp every analysed table's last commit carries; {@link #UNKNOWN} when a table is
   * missing, unstamped, or stamped otherwise than the others (an analysis that died half-way).
   */
  public static String of(SparkSession spark, Warehouse warehouse) {
    String found = null;
    for (Table table : Tables.ANALYSED) {
      if (!warehouse.has(spark, table)) {
        return UNKNOWN;
      }
      Row last = DeltaTable.forPath(spark, warehouse.table(table)).history(1)
          .select("userMetadata").first();
      String stamped = last.isNullAt(0) ? null : last.getString(0);
      if (stamped == null || found != null && !found.equals(stamped)) {
        return UNKNOWN;
      }
      found = stamped;
    }
    return found;
  }

  /** The table versions a stamp names ({@code forms} to 3 …), in its order; none: empty. */
  public static Map<String, Long> versions(String stamp) {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String token : stamp.split(" ")) {
      int at = token.indexOf('@');
      if (at > 0 && !token.contains("=")) {
        String v = token.substring(at + 1);
        versions.put(token.substring(0, at), v.equals("none") ? -1L : Long.parseLong(v));
      }
    }
    return versions;
  }

  /** The part of a stamp after its table versions: the analysis settings. */
  public static String settings(String stamp) {
    StringBuilder sb = new StringBuilder();
    for (String token : stamp.split(" ")) {
      if (token.contains("=") || token.indexOf('@') <= 0) {
        sb.append(sb.isEmpty() ? "" : " ").append(token);
      }
    }
    return sb.toString();
  }
}
