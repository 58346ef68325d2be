package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Glued rows under a header with 分值 before the values (三级指标分值年度指标值全年实际值得分), the
 * values' comparators damaged by OCR (≥ as 2 or 工, % as $): only 分值 and 得分 are read, where one
 * reading fits and the level's 分值 add up to its points. Expected cells written from the text.
 */
class GluedWeightFirstRowTest {

  private static final BigDecimal THIRTY = BigDecimal.valueOf(30);

  @Test
  void weightAfterTheNameAndScoreAtTheEnd() {
    // 指标1 工程验收合格率 | 分值 10 | ≥95% ≥95% (as 工95$工95%) | 得分 9
    String body = "指标1工程验收合格率10工95$工95%9";
    GluedRows.Row r = GluedWeightFirstRow.read(body, THIRTY);
    assertEquals("指标1工程验收合格率", body.substring(r.nameFrom(), r.nameTo()));
    assertEquals(0, BigDecimal.TEN.compareTo(r.weight()));
    assertEquals(0, BigDecimal.valueOf(9).compareTo(r.score()));
    assertEquals(-1, r.valuesFrom());
    // ≥250公里 printed 250公里: 分值 1 is below 得分 10, 102 above the points; 公里 ends the values
    GluedRows.Row s = GluedWeightFirstRow.read("指标2养护道路里程10250公里5=250公里10", THIRTY);
    assertEquals(0, BigDecimal.TEN.compareTo(s.weight()));
    assertEquals(0, BigDecimal.TEN.compareTo(s.score()));
  }

  @Test
  void twoReadingsOrNoNumberedRowAreNotRead() {
    // with 100 points, 8250% is 8 | 250% or 82 | 50%
    assertNull(GluedWeightFirstRow.read("指标2群众认知度8250%5=50%8", BigDecimal.valueOf(100)));
    // the row ends in a unit, no 得分
    assertNull(GluedWeightFirstRow.read("指标3繁育基地面积8000亩8535.5亩", THIRTY));
    // no ordinal label: where the name ends is not certain
    assertNull(GluedWeightFirstRow.read("病害减少比例82%2%8", THIRTY));
    // the 得分 glued after a digit: 1 | 0 or 10
    assertNull(GluedWeightFirstRow.read("指标1覆盖户数10500户50010", THIRTY));
  }

  @Test
  void theLevelsSumConfirmsTheRows() {
    String head = "2023年度道路养护项目绩效目标自评表项目名称道路养护项目实施单位某县交通运输局"
        + "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及改进措施";
    String rows = "数量指标指标1养护道路里程10250公里5=250公里10指标2新建桥梁数量1032座32座10"
        + "质量指标指标1工程验收合格率10工95$工95%9";
    List<String> lines = lines(head + "产出指标(30分)" + rows);
    assertTrue(lines.contains("产出指标(30分)\t数量指标\t指标1养护道路里程\t\t\t10\t10\t"),
        lines.toString());
    assertTrue(lines.contains("\t质量指标\t指标1工程验收合格率\t\t\t10\t9\t"), lines.toString());
    // 10 + 10 + 10 = 30 is more than 20 points: the row with damaged values is not read
    List<String> over = lines(head + "产出指标(20分)" + rows);
    assertFalse(over.stream().anyMatch(l -> l.contains("养护道路里程\t")), over.toString());
  }

  private static List<String> lines(String form) {
    return Arrays.asList(LayoutNormaliser.layout(new String[] {form}).lines());
  }
}
