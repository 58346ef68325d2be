package io.selfeval.warehouse;

import io.selfeval.warehouse.Tables.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The current Delta versions of the tables the load stage writes and the analysis reads, as one
 * string such as {@code forms@3 budget_lines@3 indicators@3 facts@3 units@3}: the marts record it
 * when they are published, so a later run can tell that nothing they are built from has changed.
 */
public final class TableVersions {

  /** The tables whose contents decide the analysis and the marts. */
  public static final List<Table> LOADED = List.of(Tables.FORMS, Tables.BUDGET_LINES,
      Tables.INDICATORS, Tables.FACTS, Tables.UNITS);

  /** A commit file of the Delta log: the version, zero-padded to 20 digits, then .json. */
  private static final Pattern COMMIT = Pattern.compile("\\d{20}\\.json");

  private TableVersions() {}

  /** The versions of {@link #LOADED}; a table not created yet shows as {@code name@none}. */
  public static String of(SparkSession spark, Warehouse warehouse) {
    StringBuilder sb = new StringBuilder();
    for (Table table : LOADED) {
      long version = latest(spark, warehouse.table(table));
      sb.append(sb.isEmpty() ? "" : " ").append(table).append('@')
          .append(version < 0 ? "none" : String.valueOf(version));
    }
    return sb.toString();
  }

  /**
   * The newest commit in the table's {@code _delta_log}, or -1 when there is none. Read from the
   * log's file names (the Delta protocol names each commit by its version), which costs one
   * listing where the table history costs a Spark job.
   */
  public static long latest(SparkSession spark, String table) {
    Path log = new Path(table, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(log)) {
        return -1;
      }
      long latest = -1;
      for (FileStatus s : fs.listStatus(log)) {
        String name = s.getPath().getName();
        if (s.isFile() && COMMIT.matcher(name).matches()) {
          latest = Math.max(latest, Long.parseLong(name.substring(0, 20)));
        }
      }
      return latest;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + log + ": " + e.getMessage(), e);
    }
  }
}
