package io.selfeval.generate;

/**
 * The WEIGHT_FIRST glued variant's indicator table, as a sharing site's OCR gives a ningxia-style
 * project form: 分值 printed before the values ({@code 三级指标 | 分值 | 年度指标值 | 全年实际值 |
 * 得分}), and the targets' ≥ read as 2, 工, ^ or 5= and their % as $. The manifest keeps the
 * true texts (≥90%): a reader that copies the damaged text reads them wrong.
 */
final class WeightFirst {

  /** The header row (its first cell the 绩效指标 column, empty in the rows). */
  static final String[] HEADER = {"绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值",
      "全年实际值", "得分", "未完成原因及改进措施"};

  /** What OCR made of ≥; chosen by the row's name, no draw. */
  private static final String[] COMPARATORS = {"2", "工", "^", "5="};

  private WeightFirst() {}

  /** One indicator row: name (numbered), 分值, damaged target, actual, 得分, reason. */
  static String[] row(GenRow r, String l1, String l2, String name, String reason) {
    return new String[] {"", l1, l2, name, GenRow.plain(r.weight), damaged(r.targetText(), name),
        r.actualText(), GenRow.plain(r.score), reason};
  }

  /** The target as OCR printed it: the comparator replaced, every other row's % as $. */
  static String damaged(String target, String name) {
    int k = Math.floorMod(name.hashCode(), COMPARATORS.length);
    String t = target.replace("≥", COMPARATORS[k]);
    return k % 2 == 0 ? t.replace("%", "$") : t;
  }
}
