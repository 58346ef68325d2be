package io.selfeval.cli;

import io.selfeval.pipeline.Pipeline;
import io.selfeval.spark.LogLevels;
import io.selfeval.spark.SparkSessions;
import io.selfeval.warehouse.RunLedger;
import io.selfeval.warehouse.RunLock;
import io.selfeval.warehouse.StageCounts;
import io.selfeval.warehouse.Warehouse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.SparkSession;
import org.slf4j.MDC;
import picocli.CommandLine.Mixin;

/**
 * A subcommand that runs inside one SparkSession, built here and stopped at the end (a session
 * that was already there, when selfeval is embedded or tested, is used and left running). A stage
 * that writes holds the warehouse lock ({@link RunLock}) while it runs and leaves its row in the
 * runs ledger ({@link Pipeline}), run alone or by {@code run}; every log line of the command
 * carries its run id.
 */
abstract class StageCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  /** This command's run id; {@code run} hands its own to the stages it chains. */
  String runId;

  /** Runs the stage; returns the exit code. */
  abstract int run(SparkSession spark) throws Exception;

  /** The stage name, for the application name and messages. */
  abstract String stageName();

  /** Whether the stage writes to the warehouse (and so takes its lock). */
  boolean writes() {
    return true;
  }

  /** Whether the command is a stage with its own row in the runs ledger ({@code run} is not). */
  boolean recorded() {
    return writes();
  }

  /** What the stage did, in the ledger's counts, once it ran. */
  StageCounts counts() {
    return StageCounts.none(stageName() + " done");
  }

  /** Runs the stage in {@code pipeline}, which writes its ledger row; returns the exit code. */
  final int runIn(Pipeline pipeline, SparkSession spark) throws Exception {
    int[] code = new int[1];
    pipeline.run(stageName(), () -> {
      code[0] = run(spark);
      return counts();
    });
    return code[0];
  }

  /** This command's run id, made on first use. */
  final String runId() {
    if (runId == null) {
      runId = RunLedger.newRunId(Instant.now());
    }
    return runId;
  }

  /**
   * Checks the options before anything is written or started ({@link UsageException}: exit 2);
   * a stage with more options adds its own checks.
   */
  void checkOptions() {
    OptionChecks.warehouse(common.warehouse());
    OptionChecks.config(common.config());
  }

  @Override
  public final Integer call() throws Exception {
    checkOptions();
    if (common.verbose()) {
      LogLevels.verbose();
    }
    MDC.put("run", runId());
    try {
      if (!writes()) {
        return inSession();
      }
      // the lock comes first, so a refused run starts no Spark at all; its file system is set
      // up as Spark will (spark.hadoop.* settings from spark-submit included)
      try (RunLock lock = RunLock.acquire(common.warehouse(), runId(),
          SparkHadoopUtil.get().newConfiguration(new SparkConf()),
          RunLock.DEFAULT_STALE_AFTER)) {
        return inSession();
      }
    } finally {
      MDC.remove("run");
    }
  }

  /** Runs in the session of this JVM: made here and stopped at the end, unless one was there. */
  private int inSession() throws Exception {
    boolean embedded = SparkSession.getDefaultSession().isDefined();
    SparkSession spark = SparkSessions.create("selfeval " + stageName(), common.master(), Map.of());
    try {
      return recorded()
          ? runIn(new Pipeline(spark, new Warehouse(common.warehouse()), runId()), spark)
          : run(spark);
    } finally {
      if (!embedded) {
        spark.stop();
      }
    }
  }
}
