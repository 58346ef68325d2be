package io.selfeval.load;

import io.selfeval.warehouse.StageCounts;

/**
 * What one load did: documents in = loaded + skipped + rejected; {@code retired}: documents
 * already loaded whose rows left the current tables because they left the input.
 */
public record LoadSummary(long documentsIn, long loaded, long skipped, long rejected,
    long recordsIn, long recordsLoaded, long indicatorRows, long extractRejects,
    String warehouse, long retired) {

  /** A load that retired nothing. */
  public LoadSummary(long documentsIn, long loaded, long skipped, long rejected,
      long recordsIn, long recordsLoaded, long indicatorRows, long extractRejects,
      String warehouse) {
    this(documentsIn, loaded, skipped, rejected, recordsIn, recordsLoaded, indicatorRows,
        extractRejects, warehouse, 0);
  }

  public boolean balances() {
    return documentsIn == loaded + skipped + rejected;
  }

  public String describe() {
    return String.format("load: %d documents (%d loaded, %d skipped as already loaded, "
            + "%d rejected); %d of %d records loaded, %d indicator rows; %d extract rejects "
            + "recorded; %d documents retired%n  tables: %s/delta", documentsIn, loaded, skipped,
        rejected, recordsLoaded, recordsIn, indicatorRows, extractRejects, retired, warehouse);
  }

  /** The counts of the {@code runs} ledger. */
  public StageCounts counts() {
    return new StageCounts(documentsIn, loaded, 0, skipped, rejected, recordsIn, recordsLoaded,
        indicatorRows, describe().lines().findFirst().orElse(""), retired);
  }
}
