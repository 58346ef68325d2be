package io.selfeval.extract;

import io.selfeval.warehouse.StageCounts;

/** What one extract run did, in counts. */
public record ExtractSummary(
    long documents, long parsed, long parsedWithWarnings, long unchanged, long rejected,
    long forms, long indicatorRows, long facts, long warnings,
    String recordsPath, String outcomesPath) {

  /** One line for the terminal and the log. */
  public String describe() {
    return String.format(
        "extract: %d documents (%d parsed, %d parsed with warnings, %d unchanged, %d rejected); "
            + "%d forms, %d indicator rows, %d facts, %d warnings%n  records:  %s%n  outcomes: %s",
        documents, parsed, parsedWithWarnings, unchanged, rejected, forms, indicatorRows, facts,
        warnings, recordsPath, outcomesPath);
  }

  /** The same counts, the records having been moved to {@code path}. */
  public ExtractSummary withRecordsPath(String path) {
    return new ExtractSummary(documents, parsed, parsedWithWarnings, unchanged, rejected, forms,
        indicatorRows, facts, warnings, path, outcomesPath);
  }

  /** The counts of the {@code runs} ledger: done = parsed, with or without warnings. */
  public StageCounts counts() {
    return new StageCounts(documents, parsed + parsedWithWarnings, parsedWithWarnings, unchanged,
        rejected, forms, 0, indicatorRows, describe().lines().findFirst().orElse(""));
  }
}
