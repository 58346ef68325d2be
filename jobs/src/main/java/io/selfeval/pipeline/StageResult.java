package io.selfeval.pipeline;

import io.selfeval.warehouse.StageCounts;

/**
 * What one stage of a run did, as its ledger row says it.
 *
 * @param stage extract, load, analyse, publish or site
 * @param outcome ok, ok_with_rejects, failed, skipped_nothing_new or skipped_not_local
 * @param counts the ledger's counts; their message is the row's message
 * @param printed what the stage reports on the terminal (null when it did not run to its end)
 */
public record StageResult(String stage, String outcome, StageCounts counts, String printed) {

  public static final String FAILED = "failed";
  public static final String SKIPPED_NOTHING_NEW = "skipped_nothing_new";
  public static final String SKIPPED_NOT_LOCAL = "skipped_not_local";

  /** A stage that ran to its end. */
  static StageResult done(String stage, StageCounts counts, String printed) {
    return new StageResult(stage, counts.outcome(), counts, printed);
  }

  /** A stage that failed, with why. */
  static StageResult failed(String stage, String message) {
    return new StageResult(stage, FAILED, StageCounts.none(message), null);
  }

  /** A stage not run ({@code outcome}: skipped_…), with why. */
  static StageResult skipped(String stage, String outcome, String why) {
    return new StageResult(stage, outcome, StageCounts.none(why), null);
  }

  /** The row's message. */
  public String message() {
    return counts.message();
  }

  /** True when the stage ran to its end. */
  public boolean ran() {
    return printed != null;
  }
}
