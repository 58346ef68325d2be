package io.selfeval.warehouse;

/**
 * What a stage did, in the counts of the {@code runs} ledger ({@code schemas/tables/runs.ddl}):
 * each stage states its own summary in these terms, so the ledger knows no stage.
 *
 * @param message the summary line
 * @param documentsRetired documents whose rows left the current tables (load: deleted from or
 *     replaced in the input, or their forms superseded by a later duplicate)
 */
public record StageCounts(long documentsIn, long documentsDone, long documentsWithWarnings,
    long documentsSkipped, long documentsRejected, long recordsIn, long recordsLoaded,
    long indicatorRows, String message, long documentsRetired) {

  /** The counts of a stage that retires nothing. */
  public StageCounts(long documentsIn, long documentsDone, long documentsWithWarnings,
      long documentsSkipped, long documentsRejected, long recordsIn, long recordsLoaded,
      long indicatorRows, String message) {
    this(documentsIn, documentsDone, documentsWithWarnings, documentsSkipped, documentsRejected,
        recordsIn, recordsLoaded, indicatorRows, message, 0);
  }

  /** No document counts: a stage that reads tables (analyse, publish). */
  public static StageCounts none(String message) {
    return new StageCounts(0, 0, 0, 0, 0, 0, 0, 0, message);
  }

  /** {@code ok}, or {@code ok_with_rejects} when a document was rejected. */
  public String outcome() {
    return documentsRejected > 0 ? "ok_with_rejects" : "ok";
  }
}
