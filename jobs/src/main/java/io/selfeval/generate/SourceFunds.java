package io.selfeval.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Variant SOURCE_BUDGET of the flattened layouts (flat_line, flat_pdf): the budget block of the
 * Hubei-style 财政预算支出项目绩效目标自评表, the project's money by source of funds,
 * {@code 项目资金 | 中央 | 省、地 | 本级 | 其他 | 合计 | 执行数 | 执行率}, each amount column with
 * {@code (万元)}, and no 分值 or 得分. As a PDF's text gives it, the header words and their units
 * come interleaved ({@code … 执行数 执行 (万元) … (万元) 率}) or each unit after its word, only the
 * sources that are not empty print a number, and the row's label ({@code 项目资金 … 来源}) falls
 * among the numbers. Truth: 合计 as the adjusted budget, 执行数, the rate as printed; no initial,
 * weight or score.
 */
final class SourceFunds {

  private static final List<String> SOURCES = List.of("中央", "省、地", "本级", "其他");

  /** The header row and the numbers row, and the rate printed (in %, as printed). */
  record Printed(String[] header, String[] row, BigDecimal ratePercent) {}

  private SourceFunds() {}

  static Printed draw(SplittableRandom own, String adjusted, String executed) {
    final BigDecimal total = new BigDecimal(adjusted);
    final BigDecimal done = new BigDecimal(executed);
    List<String> header = new ArrayList<>(List.of("项目资金"));
    header.addAll(SOURCES);
    header.add("合计");
    header.add("执行数");
    if (own.nextBoolean()) { // the units in a row after the words, 执行率 split round them
      header.add("执行");
      for (int i = 0; i < SOURCES.size() + 2; i++) {
        header.add("(万元)");
      }
      header.add("率");
    } else {
      for (int i = 1; i < header.size(); i++) {
        header.set(i, header.get(i) + " (万元)");
      }
      header.add("执行率");
    }
    final BigDecimal rate = done.multiply(BigDecimal.valueOf(100))
        .divide(total, own.nextBoolean() ? 0 : 2, RoundingMode.HALF_UP).stripTrailingZeros();
    List<String> row = new ArrayList<>();
    boolean labelFirst = own.nextBoolean();
    row.add(labelFirst ? "项目资金 来源" : "");
    for (BigDecimal s : split(own, total)) {
      row.add(s.signum() == 0 ? "" : s.toPlainString());
    }
    row.add(total.toPlainString());
    if (!labelFirst) {
      row.add("来源"); // the label's wrapped end, printed among the numbers
    }
    row.add(done.toPlainString());
    row.add(rate.toPlainString() + (own.nextBoolean() ? "%" : " %"));
    return new Printed(header.toArray(new String[0]), row.toArray(new String[0]), rate);
  }

  /** The total split over the four sources, one to three of them not empty, cents exact. */
  private static List<BigDecimal> split(SplittableRandom own, BigDecimal total) {
    long cents = total.movePointRight(2).longValueExact();
    int parts = 1 + own.nextInt(3);
    List<BigDecimal> out = new ArrayList<>();
    for (int i = 0; i < SOURCES.size(); i++) {
      out.add(BigDecimal.ZERO);
    }
    long left = cents;
    int first = own.nextInt(SOURCES.size() - parts + 1);
    for (int k = 0; k < parts; k++) {
      long share = k == parts - 1 || left < 2 ? left : 1 + own.nextLong(left - 1);
      out.set(first + k, BigDecimal.valueOf(share, 2));
      left -= share;
    }
    return out;
  }
}
