package io.selfeval.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The rows of a form printed in the GARBLED_SCHEME variant ({@link LayoutPrinter.Variant}): the
 * scheme of a project form as a sharing site's OCR gives it — the budget block with 预算数(A),
 * 执行数(B), 执行率(B/A) as a fraction and 得分(10分*执行率), no 年初预算数, 分值 column or source
 * row; the indicator table from 二级指标 on, its 一级指标 header and level cells scrambled (no
 * points), 得分 and no 分值; a 总分 row with the total alone.
 */
final class GarbledScheme {

  private GarbledScheme() {}

  /** The budget header and total row; marks what the form leaves unprinted. */
  static void budget(GenForm f, List<String[]> rows, List<LayoutPrinter.Role> roles) {
    f.printedInitialBlank = true;
    f.printedScoresBlank = false;
    add(rows, roles, LayoutPrinter.Role.BUDGET_HEADER, "预算执行情况(万元)(10分)", "预算数(A)",
        "执行数(B)", "执行率(B/A)", "得分(10分*执行率)");
    String fraction = f.printedRate.movePointLeft(2).stripTrailingZeros().toPlainString();
    add(rows, roles, LayoutPrinter.Role.BUDGET_TOTAL, "年度财政资金总额", money(f.adjusted),
        money(f.executed), fraction, GenRow.plain(f.printedBudgetScore));
  }

  /** The indicator header; its 一级指标 cell scrambled as the level cells are. */
  static void header(GenForm f, List<String[]> rows, List<LayoutPrinter.Role> roles) {
    f.printedWithoutWeights = true;
    add(rows, roles, LayoutPrinter.Role.INDICATOR_HEADER, ReportText.scrambled("一级指标"), "二级指标",
        "三级指标", "年初目标值(A)", "实际完成值(B)", "得分");
  }

  /** An indicator row: the level cell (scrambled, or empty) and the row's cells but 分值. */
  static void row(GenRow r, String level1, String level2, String name, List<String[]> rows,
      List<LayoutPrinter.Role> roles) {
    add(rows, roles, LayoutPrinter.Role.INDICATOR,
        level1.isEmpty() ? "" : ReportText.scrambled(level1), level2, name, r.targetText(),
        r.actualText(), GenRow.plain(r.score));
  }

  /** The 总分 row: the total alone, no grade. */
  static void total(GenForm f, List<String[]> rows, List<LayoutPrinter.Role> roles) {
    f.printedWithoutGrade = true;
    add(rows, roles, LayoutPrinter.Role.TOTAL, "总分", GenRow.plain(f.printedTotal));
  }

  private static void add(List<String[]> rows, List<LayoutPrinter.Role> roles,
      LayoutPrinter.Role role, String... cells) {
    rows.add(cells);
    roles.add(role);
  }

  private static String money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
