package io.selfeval.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one place a SparkSession is built: by every job, the CLI and the tests' shared session.
 *
 * <p>Under {@code spark-submit} the master and resources come from the submitter; selfeval only
 * adds what its tables need (Delta, UTC). In local mode it also turns the UI off and keeps the
 * shuffle small, because the default 200 partitions cost more than they give on one machine.
 */
public final class SparkSessions {

  /** The master used when neither {@code --master} nor {@code spark.master} says otherwise. */
  public static final String DEFAULT_MASTER = "local[*]";

  private SparkSessions() {}

  /**
   * Builds (or returns the running) session.
   *
   * @param appName application name shown in the Spark UI and logs
   * @param master master URL, or null to keep the one spark-submit set (else {@code local[*]})
   * @param extraConf further Spark settings, applied last
   */
  public static SparkSession create(String appName, String master, Map<String, String> extraConf) {
    SparkConf conf = new SparkConf();
    String effectiveMaster = master != null ? master : conf.get("spark.master", DEFAULT_MASTER);
    conf.setMaster(effectiveMaster);
    conf.setAppName(appName);
    conf.set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    conf.set("spark.sql.catalog.spark_catalog",
        "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    conf.set("spark.sql.session.timeZone", "UTC");
    conf.set("spark.sql.ansi.enabled", "true");
    // the record struct is wide; the default 25 fields make Spark warn on every plan it prints
    conf.setIfMissing("spark.sql.debug.maxToStringFields", "500");
    // parquet that readers other than Spark read as plain UTC timestamps, not INT96
    conf.setIfMissing("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    withLocalFiles(conf);
    if (isLocal(effectiveMaster)) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.sql.shuffle.partitions",
          String.valueOf(Math.max(2, 2 * Runtime.getRuntime().availableProcessors())));
      conf.setIfMissing("spark.default.parallelism",
          String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors())));
      // Delta replays its log with 50 partitions by default: seconds of overhead per commit on
      // a small machine for tables of a few files
      conf.setIfMissing("spark.databricks.delta.snapshotPartitions", "2");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    extraConf.forEach(conf::set);
    return SparkSession.builder().config(conf).getOrCreate();
  }

  /**
   * Adds to {@code conf} (unless set) that file: paths go through {@link LocalFiles}, without
   * a chmod or readlink process per file; returns it. Hadoop keeps one file system per scheme
   * in the JVM, so whatever opens a file: path before the session (the run lock) needs it too.
   */
  public static SparkConf withLocalFiles(SparkConf conf) {
    conf.setIfMissing("spark.hadoop.fs.file.impl", LocalFiles.class.getName());
    conf.setIfMissing("spark.hadoop.fs.AbstractFileSystem.file.impl",
        LocalFiles.Context.class.getName());
    return conf;
  }

  /** True for {@code local}, {@code local[n]}, {@code local[*]} and {@code local[n,m]}. */
  public static boolean isLocal(String master) {
    return master != null && (master.equals("local") || master.startsWith("local["));
  }
}
