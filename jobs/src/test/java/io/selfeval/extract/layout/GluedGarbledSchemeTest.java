package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A glued form whose 一级指标 header and level cells OCR scrambled (as dev set 05 prints them):
 * the table starts at 二级指标, has 得分 and no 分值; the budget 执行率 is a fraction checked by
 * 得分 = the header's points × 执行率; the rows' 得分 add up to 总分 less the budget 得分. Expected
 * cells written from the text.
 */
class GluedGarbledSchemeTest {

  private static final String HEAD = "2021年度某项目自评表项目名称农机补贴项目实施单位某县农业局"
      + "预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)";
  private static final String TABLE = "度效标O0B年绩目1分EB二级指标三级指标年初目标值(A)"
      + "实际完成值(B)得分出标产指数量指标补贴农机数8830质量指标补贴发放率100%100%20"
      + "时效指标11月底之前完成100%100%10益标效指意指度满服务对象满意度农户满意度90%95%20";

  private static List<String> lines(String form) {
    TableText t = LayoutNormaliser.layout(new String[] {form});
    return Arrays.asList(t.lines());
  }

  @Test
  void levelCellsAreDroppedAndTheSumConfirmsValuePrintedTwice() {
    // budget 20 × 1 = 20; rows 30 + 20 + 10 + 20 = 80 = 100 − 20
    List<String> lines = lines(HEAD + "年度财政资金总额2.502.50120" + TABLE + "总分100");
    assertTrue(lines.contains("年度财政资金总额\t2.50\t2.50\t1\t20"), lines.toString());
    int header = lines.indexOf("一级指标\t二级指标\t三级指标\t年初目标值(A)\t实际完成值(B)\t\t得分");
    assertTrue(header > 0, lines.toString());
    assertEquals(List.of("\t数量指标\t补贴农机数\t8\t8\t\t30",
        "\t质量指标\t补贴发放率\t100%\t100%\t\t20",
        "\t时效指标\t11月底之前完成\t100%\t100%\t\t10",
        "\t服务对象满意度\t农户满意度\t90%\t95%\t\t20",
        "总分\t100"), lines.subList(header + 1, header + 6));
  }

  @Test
  void withoutTheSumNumberPrintedTwiceIsNoValue() {
    // the budget 得分 does not fit 20 × 执行率 (0.9 printed 1): the row is not split, and the
    // scores' sum cannot be checked, so 8830 is not read as 8 | 8 | 30
    List<String> lines = lines(HEAD + "年度财政资金总额2.502.25120" + TABLE + "总分100");
    assertFalse(lines.stream().anyMatch(l -> l.startsWith("年度财政资金总额\t")),
        lines.toString());
    assertFalse(lines.stream().anyMatch(l -> l.contains("补贴农机数\t8\t8")), lines.toString());
    assertTrue(lines.contains("\t质量指标\t补贴发放率\t100%\t100%\t\t20"), lines.toString());
  }
}
