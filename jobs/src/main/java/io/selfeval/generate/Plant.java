package io.selfeval.generate;

/**
 * What the generator makes a unit-year do. {@link #HEAVY}, {@link #BULLSEYE} and
 * {@link #SATISFACTION_AT_THRESHOLD} apply to every form of the unit-year (or, for the last, to
 * every year of the unit); the others change its unit-wide form only.
 */
public enum Plant {
  /** Three quantitative rows missed by 25-45 % and scored at full weight. */
  HEAVY,
  /** Every quantitative actual equal to its target. */
  BULLSEYE,
  /** Satisfaction actuals 0-2 points above their targets, every year. */
  SATISFACTION_AT_THRESHOLD,
  /** One row missed by 8-15 % and scored at full weight, without a reason. */
  FULL_MARKS_DESPITE_MISS,
  /** One row missed by 15-25 % and scored a point above its proportional score. */
  SCORE_EXCESS,
  /** One row scored two points above its weight. */
  SCORE_ABOVE_WEIGHT,
  /** A printed total one to three points above the sum of its parts. */
  PARTS_NOT_TOTAL,
  /** A total below 90 printed with the grade 优. */
  GRADE_MISMATCH,
  /** An execution rate printed as 100 % (and a full budget score) while less was spent. */
  RATE_MISMATCH,
  /** The budget block scored at its full weight while the rate is below 100 %. */
  BUDGET_SCORE_MISMATCH,
  /** Level-1 weights of 60 / 20 / 10 instead of 50 / 30 / 10. */
  WEIGHTS_NOT_STANDARD,
  /** A deducted row with no reason given. */
  DEDUCTION_WITHOUT_REASON,
  /** A row at full marks with a deviation reason. */
  REASON_WITHOUT_DEDUCTION,
  /** The budget adjusted during the year to exactly what was spent. */
  BUDGET_ADJUSTED_TO_SPEND,
  /** Most of the weight moved to qualitative rows, all at full marks. */
  QUALITATIVE_HEAVY,
  /** Problems listed in the narrative while the forms score 90 or more. */
  PROBLEMS_BUT_HIGH_SCORE,
  /**
   * The narrative states an expenditure different from the form's; in even years its budget
   * too, so that one form carries two flags of one rule.
   */
  NARRATIVE_TABLE_MISMATCH,
  /**
   * A later paragraph restates one project's spending with another amount (3-10 % more) than
   * its list line; drawn per document with projects, apart from the light plants.
   */
  FACT_CONFLICT,
  /** Everything met, the whole budget spent: a total of 100. */
  PERFECT,
  /** Honest but weak: four rows missed by 20-40 %, deducted and explained; problems listed. */
  STRUGGLING
}
