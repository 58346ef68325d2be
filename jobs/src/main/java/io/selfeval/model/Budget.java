package io.selfeval.model;

import java.util.List;

/** The budget block of a form; figures are null when not printed. */
public record Budget(Figure initial, Figure adjusted, Figure executed, Figure weight,
    Figure reportedRate, Figure reportedScore, String amountUnit, List<BudgetLine> lines) {

  /** The block of a report that prints none. */
  public static Budget empty() {
    return new Budget(null, null, null, null, null, null, "万元", List.of());
  }
}
