package io.selfeval.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** One generated form: its budget block, indicator rows and printed total, before rendering. */
final class GenForm {

  static final BigDecimal BUDGET_WEIGHT = BigDecimal.TEN;

  final int index;
  final String projectName;
  final List<GenRow> rows = new ArrayList<>();
  BigDecimal initial;
  BigDecimal adjusted;
  BigDecimal executed;
  BigDecimal printedRate;
  BigDecimal printedBudgetScore;
  BigDecimal printedTotal;
  String printedGrade;
  /** Printed blank by a layout noise: 年初预算数, or 执行率 and 得分 of the budget row. */
  boolean printedInitialBlank;
  boolean printedScoresBlank;
  /** The indicator table printed no 分值 column (variant NO_WEIGHTS). */
  boolean printedWithoutWeights;
  /** The 总分 row printed its total alone, no grade (variant GARBLED_SCHEME). */
  boolean printedWithoutGrade;
  /** The total printed as a header field (自评得分：96), no 总分 row and so no grade. */
  boolean printedTotalAsField;
  /** The scored items printed before the indicator table (variant ITEM_SCORES), or null. */
  ItemScores printedItems;
  /** The budget amounts printed illegibly or not at all (variant RATE_TAIL, {@link RateTail}). */
  boolean printedAmountsLost;
  /** The budget block printed by source of funds (variant SOURCE_BUDGET), or null. */
  SourceFunds.Printed printedBySource;
  int titleLine;
  int budgetLine;
  int totalLine;

  GenForm(int index, String projectName) {
    this.index = index;
    this.projectName = projectName;
  }

  boolean unitForm() {
    return projectName == null;
  }

  /** Executed / adjusted, as a fraction. */
  BigDecimal rate() {
    return executed.divide(adjusted, 10, RoundingMode.HALF_UP);
  }

  /** The budget score the rule pack computes: weight x rate, capped, to 0.01. */
  BigDecimal budgetScore() {
    return BUDGET_WEIGHT.multiply(rate()).min(BUDGET_WEIGHT).setScale(2, RoundingMode.HALF_UP);
  }

  /** Prints the budget block honestly: the true rate and score. */
  void printBudgetHonestly() {
    printedRate = rate().multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
    printedBudgetScore = budgetScore();
  }

  /** The budget row's rate and score are printed as computed (no plant changed them). */
  boolean printedHonestly() {
    BigDecimal honestRate = rate().multiply(BigDecimal.valueOf(100))
        .setScale(2, RoundingMode.HALF_UP);
    return printedRate.compareTo(honestRate) == 0
        && printedBudgetScore.compareTo(budgetScore()) == 0;
  }

  BigDecimal partsSum() {
    BigDecimal sum = printedBudgetScore;
    for (GenRow r : rows) {
      sum = sum.add(r.score);
    }
    return sum;
  }

  /** Prints the total as the sum of the printed parts and its grade by the national bands. */
  void printTotalHonestly() {
    printedTotal = partsSum();
    printedGrade = gradeOf(printedTotal);
  }

  static String gradeOf(BigDecimal total) {
    if (total.compareTo(BigDecimal.valueOf(90)) >= 0) {
      return "优";
    }
    if (total.compareTo(BigDecimal.valueOf(80)) >= 0) {
      return "良";
    }
    return total.compareTo(BigDecimal.valueOf(60)) >= 0 ? "中" : "差";
  }
}
