package io.selfeval.load;

import io.selfeval.warehouse.StageCounts;

/** What one load did: documents in = loaded + skipped + rejected. */
public record LoadSummary(long documentsIn, long loaded, long skipped, long rejected,
    long recordsIn, long recordsLoaded, long indicatorRows, long extractRejects,
    String warehouse) {

  public boolean balances() {
    return documentsIn == loaded + skipped + rejected;
  }

  public String describe() {
    return String.format("load: %d documents (%d loaded, %d skipped as already loaded, "
            + "%d rejected); %d of %d records loaded, %d indicator rows; %d extract rejects "
            + "recorded%n  tables: %s/delta", documentsIn, loaded, skipped, rejected,
        recordsLoaded, recordsIn, indicatorRows, extractRejects, warehouse);
  }

  /** The counts of the {@code runs} ledger. */
  public StageCounts counts() {
    return new StageCounts(documentsIn, loaded, 0, skipped, rejected, recordsIn, recordsLoaded,
        indicatorRows, describe().lines().findFirst().orElse(""));
  }
}
