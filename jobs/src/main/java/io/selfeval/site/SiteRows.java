package io.selfeval.site;

import java.math.BigDecimal;
import java.util.List;

/**
 * The plain rows the site's pages are made of: only the columns a page shows, collected from
 * the marts and Delta tables by {@link SiteLoader} (or built inline by tests).
 */
public final class SiteRows {

  private SiteRows() {}

  /** One form: a row of form_scorecard plus the lines forms keeps for its budget and total. */
  public record Form(String formId, String unitId, String unitName, Integer fiscalYear,
      String formKind, String projectName, BigDecimal initialWanYuan, BigDecimal adjustedWanYuan,
      BigDecimal executedWanYuan, BigDecimal executionRate, BigDecimal reportedRate,
      BigDecimal budgetWeight, BigDecimal reportedBudgetScore, BigDecimal recomputedBudgetScore,
      BigDecimal reportedTotal, String reportedGrade, String gradeOfTotal,
      BigDecimal indicatorScoreSum, BigDecimal expectedScoreSum, BigDecimal recomputedTotal,
      BigDecimal fairTotal, BigDecimal inflationPoints, int flagsHigh, int flagsMedium,
      int flagsLow, int flagsTotal, BigDecimal riskScore, String sourceFile,
      String documentSha256, int lineStart, int lineEnd, Integer budgetLine,
      Integer reportedTotalLine) {

    /** What the form is called in lists: the project name, else the unit's. */
    public String title() {
      return projectName != null ? projectName : unitName != null ? unitName : formId;
    }
  }

  /** One row of a form's budget block (budget_lines). */
  public record BudgetLine(String formId, int position, String label, BigDecimal initialWanYuan,
      BigDecimal adjustedWanYuan, BigDecimal executedWanYuan, BigDecimal amountWanYuan,
      int line) {}

  /** One indicator row (indicator_deviations). */
  public record Indicator(String formId, int position, String level1, String level2, String name,
      String targetText, String actualText, String deviationReason, String status,
      BigDecimal weight, BigDecimal score, BigDecimal expectedScore, BigDecimal scoreExcess,
      String scoringRule, int line) {}

  /** One flag (inflation_flags). */
  public record Flag(String flagId, String ruleId, String severity, String unitId,
      String unitName, Integer fiscalYear, String formId, String projectName,
      String indicatorName, String evidence, String sourceFile, Integer sourceLine) {}

  /** One unit in one year (unit_year_profiles). */
  public record UnitYear(String unitId, int fiscalYear, String unitName, String unitKind,
      int forms, BigDecimal executionRate, BigDecimal reportedTotal, BigDecimal fairTotal,
      BigDecimal inflationPoints, BigDecimal anomalyScore, int flags, int highFlags) {}

  /** A unit renamed between years (int_links of kind unit). */
  public record UnitLink(String leftKey, String leftName, int leftYear, String rightKey,
      String rightName, int rightYear, BigDecimal jaccardDistance) {}

  /** One line of a document as the site shows it, masked; {@code marked} for the cited one. */
  public record SourceLine(int number, String text, boolean marked) {}

  /** Lines of a document around a cited line, or why they cannot be shown. */
  public record Excerpt(List<SourceLine> lines, String missing) {}
}
