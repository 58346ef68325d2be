package io.selfeval.cli;

import io.selfeval.pipeline.Pipeline;
import io.selfeval.pipeline.PipelineHooks;
import io.selfeval.pipeline.PipelineSettings;
import io.selfeval.pipeline.StageListener;
import io.selfeval.pipeline.StageResult;
import io.selfeval.spark.LogLevels;
import io.selfeval.warehouse.RunLedger;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.slf4j.MDC;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand of the pipeline: parses its options into {@link PipelineSettings} and calls the
 * {@link Pipeline}, which holds the warehouse lock, makes the Spark session and writes the
 * ledger rows. Every log line of the command carries its run id.
 */
abstract class StageCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  private String runId;

  /** Runs the command through {@code pipeline}; returns the exit code. */
  abstract int run(Pipeline pipeline) throws Exception;

  /** The settings of this command's options beyond the common ones. */
  PipelineSettings.Builder withOptions(PipelineSettings.Builder settings) {
    return settings;
  }

  /** This command's run id, made on first use. */
  final String runId() {
    if (runId == null) {
      runId = RunLedger.newRunId(Instant.now());
    }
    return runId;
  }

  /** The settings of this command line. */
  final PipelineSettings settings() {
    return withOptions(PipelineSettings.builder(common.warehouse(), runId())
        .config(common.config()).master(common.master())
        .version(new SelfevalCli.Version().getVersion()[0])).build();
  }

  /** What the command tells while the pipeline works: each stage's lines on standard output. */
  StageListener listener() {
    return new StageListener() {
      @Override
      public void end(StageResult result) {
        if (result.ran()) {
          spec.commandLine().getOut().println(result.printed());
        }
      }
    };
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
      return run(new Pipeline(settings(), listener(), PipelineHooks.NONE));
    } finally {
      MDC.remove("run");
    }
  }
}
