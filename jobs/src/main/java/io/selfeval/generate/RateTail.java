package io.selfeval.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Variant RATE_TAIL of a glued document: the budget block as unit-wide (部门整体) forms
 * print it, 部门预算执行情况(万元) | 年初预算数 | 全年(调整)预算数 | 全年执行数 | 执行率(%) | 执行率权重 |
 * 执行率得分(分), the total row labelled 年度总金额 and a 其中：财政拨款 row. A third of them add
 * TAIL_AMOUNTS_LOST (OCR lost the amounts' integer parts, {@code .70}, and the 执行率 | 权重 | 得分
 * cells stand at the end of the 财政拨款 row, which repeats the total's amounts), a third
 * TAIL_NO_LABEL (the block's one row prints only 执行率 | 权重 | 得分, no label and no amounts).
 * The amounts of those two are not printed legibly, so their truth is null. Drawn from a stream
 * of its own, so no other document changes.
 */
final class RateTail {

  private RateTail() {}

  /** The variants drawn for a glued document: none for half of them. */
  static Set<LayoutPrinter.Variant> draw(SplittableRandom own) {
    Set<LayoutPrinter.Variant> out = EnumSet.noneOf(LayoutPrinter.Variant.class);
    if (own.nextBoolean()) {
      out.add(LayoutPrinter.Variant.RATE_TAIL);
      int shape = own.nextInt(3);
      if (shape == 1) {
        out.add(LayoutPrinter.Variant.TAIL_AMOUNTS_LOST);
      } else if (shape == 2) {
        out.add(LayoutPrinter.Variant.TAIL_NO_LABEL);
      }
    }
    return out;
  }

  /**
   * Adds the budget header and rows of form f; returns the index of the total row (the row the
   * tail stands on for TAIL_NO_LABEL). Sets {@link GenForm#printedAmountsLost}.
   */
  static int addRows(List<String[]> rows, List<LayoutPrinter.Role> roles, GenForm f,
      Set<LayoutPrinter.Variant> variants) {
    boolean lost = variants.contains(LayoutPrinter.Variant.TAIL_AMOUNTS_LOST);
    boolean bare = variants.contains(LayoutPrinter.Variant.TAIL_NO_LABEL);
    f.printedAmountsLost = lost || bare;
    f.printedInitialBlank = false;
    rows.add(new String[] {"部门预算执行情况(万元)", "", "年初预算数", "全年(调整)预算数", "全年执行数",
        "执行率(%)", "执行率权重", "执行率得分(分)", ""});
    roles.add(LayoutPrinter.Role.BUDGET_HEADER);
    String rate = GenRow.plain(f.printedRate) + "%";
    String weight = GenRow.plain(GenForm.BUDGET_WEIGHT);
    String score = GenRow.plain(f.printedBudgetScore);
    final int total = rows.size();
    if (bare) {
      rows.add(new String[] {"", "", "", "", "", rate, weight, score, ""});
      roles.add(LayoutPrinter.Role.BUDGET_TOTAL);
      return total;
    }
    String[] amounts = {amount(f.initial, lost), amount(f.adjusted, lost),
        amount(f.executed, lost)};
    rows.add(new String[] {"", "年度总金额", amounts[0], amounts[1], amounts[2],
        lost ? "" : rate, lost ? "" : weight, lost ? "" : score, ""});
    roles.add(LayoutPrinter.Role.BUDGET_TOTAL);
    rows.add(new String[] {"", "其中：财政拨款", amounts[0], amounts[1], amounts[2],
        lost ? rate : "", lost ? weight : "", lost ? score : "", ""});
    roles.add(LayoutPrinter.Role.BUDGET_LINE);
    return total;
  }

  /** An amount to the cent; with its integer part lost by OCR, only its decimals. */
  private static String amount(BigDecimal v, boolean lost) {
    String s = v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    return lost ? s.substring(s.indexOf('.')) : s;
  }
}
