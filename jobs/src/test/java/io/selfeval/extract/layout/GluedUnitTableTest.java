package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The unit-level table without a row-ending column (指标名称 | 计量单位 | 指标性质 | 指标值 | 指标权重 |
 * 全年完成值 | 指标得分 | 说明) glued into one run of text, on lines written by hand; the readings of
 * each run of digits were enumerated on paper.
 */
class GluedUnitTableTest {

  private static final String HEADER =
      "指标名称计量单位指标性质指标值指标权重(分)全年完成值指标得分(分)说明";

  @Test
  void cellsAreGivenWhereEveryReadingAgrees() {
    String form = "某县林业局2023年度部门整体绩效自评表单位名称:某县林业局" + HEADER
        + "森林覆盖率%901010010"
        + "火灾受害率%0.910010"
        + "造林面积万亩2810810"
        + "资金使用合规性好好1010"
        + "培训人次人次125155"
        + "备注:无";
    TableText t = LayoutNormaliser.layout(new String[] {"附件说明", form});
    assertEquals(List.of(
        // 90 | 10 | 100 | 10 alone: 1001 % and 9010 % are past 200 %, 0 weighs nothing
        "\t\t森林覆盖率\t90%\t100%\t10\t10",
        // 0.9 | 100 | 1 | 0 fits the row, but leaves no room for the row above's 10 points
        "\t\t火灾受害率\t0.9%\t0%\t10\t10",
        // 2|8|1081|0, 28|10|81|0, 2810|8|1|0 and 28|10|8|10 fit (and more): the name only
        "\t\t造林面积\t\t\t\t",
        // 资金使用合规性好好 ends in no unit word: left out. 12|5|15|5 but also 1|2|51|55 (a
        // 得分 above its 权重 is no reading's bar: forms print them): the name only
        "\t\t培训人次\t\t\t\t"), GluedFormLines.rowsUnderHeader(t, 4));
    assertEquals(3, GluedFormLines.ambiguous(t), t.warnings().toString());
  }

  @Test
  void coefficientHeaderIsNotThisTable() {
    String coefficients = "指标名称计量单位指标性质年初指标值全年完成值得分系数(%)指标权重(分)指标得分(分)"
        + "是否核心指标";
    assertEquals(-1, GluedUnitTable.headerEnd(GluedText.of(new String[] {coefficients}, 0, 0), 0));
    // the header ends after its remark column word
    assertEquals(HEADER.length(),
        GluedUnitTable.headerEnd(GluedText.of(new String[] {HEADER + "森林"}, 0, 0), 0));
  }
}
