package io.selfeval.cli;

import io.selfeval.pipeline.Pipeline;
import io.selfeval.pipeline.PipelineHooks;
import io.selfeval.pipeline.PipelineSettings;
import io.selfeval.pipeline.StageListener;
import io.selfeval.warehouse.RunLedger;
import java.time.Instant;

/**
 * The main class of the runs {@link CrashRecoveryIT} kills: {@code selfeval run} as the CLI
 * builds it, with hooks that, at the named point, say so on standard error
 * ({@code selfeval: paused at <point>}) and wait to be killed.
 */
final class PausingRun {

  private PausingRun() {}

  /** Arguments: the point to pause at, the input folder, the warehouse. */
  public static void main(String[] args) throws Exception {
    String point = args[0];
    PipelineSettings settings = PipelineSettings.builder(args[2],
            RunLedger.newRunId(Instant.now()))
        .input(args[1]).master("local[2]").version(new SelfevalCli.Version().getVersion()[0])
        .build();
    PipelineHooks pause = reached -> {
      if (reached.equals(point)) {
        System.err.println("selfeval: paused at " + point);
        System.err.flush();
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted at " + point, e);
        }
      }
    };
    new Pipeline(settings, StageListener.NONE, pause).run();
    System.err.println("selfeval: the run ended without reaching " + point);
    System.exit(1);
  }
}
