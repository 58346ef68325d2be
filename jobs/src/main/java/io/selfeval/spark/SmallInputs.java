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
 * without adaptive execution and without code generation (whole-stage, and the per-expression
 * projections, orderings and predicates, which Spark then interprets: on the five seeds, a
 * cold run's CPU time 134-157 s with them and 97-106 s without, every table and mart equal) and
 * with one shuffle partition;
 * above it, with the session's own settings (restored when a stage on a small input ran
 * before on the same session). The rows computed are the same either way: no result of the
 * analysis depends on how a shuffle is split (what needs an order sorts, k-means runs on one
 * partition).
 */
public final class SmallInputs {

  private static final Logger LOG = LoggerFactory.getLogger(SmallInputs.class);
  /**
   * At most this many forms is a small input (about 10 indicator rows a form); the JVM property
   * {@code selfeval.smallInputs.maxForms} sets another bound. Measured on 9,698 generated forms
   * (2 cores, quiet): a whole run 173.8 s with Spark's settings, 153.7 s with these; a run adding
   * 1 % more documents 200.6 s and 140.8 s (load, analyse and publish each a third faster).
   * Larger inputs were not measured with them, so they keep Spark's settings.
   */
  public static final long MAX_FORMS = Long.getLong("selfeval.smallInputs.maxForms", 10_000);
  /** The settings changed on a small input, and their values there. */
  private static final List<String[]> SMALL = List.of(
      new String[] {"spark.sql.adaptive.enabled", "false"},
      new String[] {"spark.sql.codegen.wholeStage", "false"},
      // internal to Spark, but a plain session setting: interpreted expressions, no Janino
      new String[] {"spark.sql.codegen.factoryMode", "NO_CODEGEN"},
      new String[] {"spark.sql.shuffle.partitions", "1"});

  private SmallInputs() {}

  /**
   * Sets the session for a stage over {@code forms} forms; returns whether it counts as small.
   * {@code stage} names the stage in the log line.
   */
  public static boolean tune(SparkSession spark, String stage, long forms) {
    return tuneFor(spark, stage, forms, "forms");
  }

  /**
   * Sets the session for extraction over {@code documents} documents, before their forms are
   * counted: a document holds one form or more, so at most {@link #MAX_FORMS} documents is
   * small by the same measure only when most hold one or two; a few hundred forms more on the
   * small settings cost seconds, not minutes.
   */
  public static boolean tuneForDocuments(SparkSession spark, String stage, long documents) {
    return tuneFor(spark, stage, documents, "documents");
  }

  private static boolean tuneFor(SparkSession spark, String stage, long count, String what) {
    boolean small = count <= MAX_FORMS;
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
    LOG.info(String.format(Locale.ROOT, "%s: %d %s, %s", stage, count, what, small
        ? "a small input: no adaptive execution or code generation, 1 shuffle partition"
        : "Spark's settings for large inputs"));
    return small;
  }
}
