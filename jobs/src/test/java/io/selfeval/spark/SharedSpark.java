package io.selfeval.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of a test JVM, built by {@link SparkSessions} like the jobs'
 * and stopped when the JVM exits (surefire runs two test JVMs, failsafe one). Two shuffle
 * partitions unless the test JVM says otherwise ({@code -Dspark.sql.shuffle.partitions}: the quick
 * loop's one, pom.xml); the JVM's other {@code spark.*} properties reach the session as they are.
 */
public final class SharedSpark {

  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSessions.create("selfeval-tests", "local[2]",
          Map.of("spark.sql.shuffle.partitions",
              System.getProperty("spark.sql.shuffle.partitions", "2"),
              "spark.default.parallelism", "2",
              "spark.sql.warehouse.dir",
              System.getProperty("java.io.tmpdir") + "/selfeval-test-warehouse"));
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
