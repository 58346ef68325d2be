package io.selfeval.spark;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spark's settings for a stage, chosen by how many forms it works over (a count the stage
 * already has or gets from the Delta log's statistics).
 *
 * <p>On a few thousand forms the work is a few seconds of rows, and what a stage costs is
 * Spark's fixed cost per query: adaptive execution plans every shuffle again after it ran
 * (jobs of its own), whole-stage code generation compiles Java for each plan, and each shuffle
 * is split in partitions of a few rows each. Below {@link #MAX_FORMS} forms, a stage runs
 * without adaptive execution and whole-stage code generation and with one shuffle partition;
 * above it, with the session's own settings (restored when a stage on a small input ran
 * before on the same session). The rows computed are the same either way: no result of the
 * analysis depends on how a shuffle is split (what needs an order sorts, k-means runs on one
 * partition).
 */
public final class SmallInputs {

  private static final Logger LOG = LoggerFactory.getLogger(SmallInputs.class);
  /** At most this many forms is a small input: about 10 indicator rows a form. */
  public static final long MAX_FORMS = 5_000;
  /** The settings changed on a small input, and their values there. */
  private static final List<String[]> SMALL = List.of(
      new String[] {"spark.sql.adaptive.enabled", "false"},
      new String[] {"spark.sql.codegen.wholeStage", "false"},
      new String[] {"spark.sql.shuffle.partitions", "1"});

  private SmallInputs() {}

  /**
   * Sets the session for a stage over {@code forms} forms; returns whether it counts as small.
   * {@code stage} names the stage in the log line.
   */
  public static boolean tune(SparkSession spark, String stage, long forms) {
    boolean small = forms <= MAX_FORMS;
    for (String[] setting : SMALL) {
      if (small) {
        spark.conf().set(setting[0], setting[1]);
      } else if (spark.sparkContext().getConf().contains(setting[0])) {
        // the value the session was built with (SparkSessions, --conf), not Spark's default
        spark.conf().set(setting[0], spark.sparkContext().getConf().get(setting[0]));
      } else {
        spark.conf().unset(setting[0]);
      }
    }
    LOG.info(String.format(Locale.ROOT, "%s: %d forms, %s", stage, forms, small
        ? "a small input: no adaptive execution or whole-stage code generation, 1 shuffle "
            + "partition"
        : "Spark's settings for large inputs"));
    return small;
  }
}
