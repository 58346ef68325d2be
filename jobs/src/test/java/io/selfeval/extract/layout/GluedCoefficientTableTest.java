package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The coefficient table of unit-level forms (得分系数 | 指标权重 | 指标得分 | 是否核心指标) glued into
 * one run of text, on lines written by hand; the expected cells were worked out on paper.
 */
class GluedCoefficientTableTest {

  private static final String HEADER = "指标名称计量单位指标性质年初指标值全年完成值得分系数(%)"
      + "指标权重(分)指标得分(分)是否核心指标";

  @Test
  void rowsAreSplitWhereScoreEqualsWeightTimesCoefficient() {
    String form = "某区文化馆2023年度部门整体绩效自评表单位名称:某区文化馆填报日期:2024年1月"
        + HEADER
        + "预算执行率%定量指标95%98%100%1010是"
        + "群众满意度%定量指标90%85%80%108否"
        + "举办展览次数次定量指标12次15次100%55否"
        + "制度执行情况定性指标好好100%1.51.5否"
        + "资产管理%定量指标100%100%100%23否"
        + "培训人数人约50人60人100%55否"
        + "车辆控制率%100%22否";
    TableText t = LayoutNormaliser.layout(new String[] {"附件说明", form});
    List<String> lines = Arrays.asList(t.lines());
    assertEquals(List.of(
        "\t\t预算执行率\t95%\t98%\t10\t10",
        // 80 % of 10 is 8: the only split of 108
        "\t\t群众满意度\t90%\t85%\t10\t8",
        "\t\t举办展览次数\t12次\t15次\t5\t5",
        "\t\t制度执行情况\t好\t好\t1.5\t1.5",
        // 资产管理: 3 > 2 × 100 %, no reading, left out; 培训人数: 约 stands between the unit and
        // the values, so only the unit cell 人 before the target 约50人 ends the name
        "\t\t培训人数\t约50人\t60人\t5\t5",
        "\t\t车辆控制率\t\t\t2\t2"), GluedFormLines.rowsUnderHeader(t, 6));
    assertTrue(lines.contains("单位名称:某区文化馆\t"), lines.toString());
    assertEquals(1, GluedFormLines.ambiguous(t), t.warnings().toString());
  }

  @Test
  void totalFieldAboveTheHeadFieldsIsKeptInTheTable() {
    String form = "某区文化馆2023年度部门整体绩效自评表总得分96分部门名称某区文化馆" + HEADER
        + "预算执行率%定量指标95%98%100%1010是";
    List<String> lines = Arrays.asList(
        LayoutNormaliser.layout(new String[] {"附件说明", form}).lines());
    // a row (the form reader finds the total field there), not a text line before the table
    assertTrue(lines.contains("总得分96分\t"), lines.toString());
  }

  @Test
  void tailReadingsFollowTheArithmetic() {
    // 100%92% | 100 % | 2 | 2: 系数 at 7, 权重 at 11, 得分 at 12
    assertEquals(List.of(List.of(7, 11, 12)), starts("100%92%100%22"));
    // 3% | 0 | 100 % | 2 | 2: the 0 before the 系数 is the actual value
    assertEquals(List.of(List.of(3, 7, 8)), starts("3%0100%22"));
    // without a % both 100 | 10 | 10 and 1001 | 0 % … 0 | 1 | 0 fit the arithmetic alone
    assertEquals(List.of(List.of(0, 3, 5), List.of(4, 5, 6)), starts("1001010"));
    // 0 | 1 | 0 fits too (0 × 1 = 0), but the % closes the 系数: 100 % | 10 | 10
    assertEquals(List.of(List.of(2, 6, 8)), starts("好好100%1010"));
    assertEquals(List.of(), starts("100%23"));
  }

  private static List<List<Integer>> starts(String s) {
    return GluedCoefficientTable.tails(s).stream()
        .map(r -> List.of(r[0], r[1], r[2])).sorted((a, b) -> a.get(0) - b.get(0)).toList();
  }

  @Test
  void headsGiveTheNameOnlyWhereItsEndIsCertain() {
    assertHead(0, 9, 14, 18, 21, GluedRowHead.read("财政供养人员控制率%定量指标100%92%", true));
    assertHead(0, 6, 7, 10, 13, GluedRowHead.read("举办展览次数次12次15次", true));
    assertHead(0, 6, 6, 7, 8, GluedRowHead.read("制度执行情况好好", true));
    // a margin label printed where the page broke is not part of the name
    assertHead(4, 9, 9, 10, 11, GluedRowHead.read("绩效指标信息公开性高高", true));
    // 性定指标: the characters of 定性指标 in another order
    assertHead(0, 7, 11, 12, 13, GluedRowHead.read("档案管理规范性性定指标好好", true));
    assertHead(0, 5, 6, -1, 6, GluedRowHead.read("车辆控制率%", true));
    assertNull(GluedRowHead.read("培训人数人约50人60人", true));
    assertNull(GluedRowHead.read("宣传品数量份第O份20份", true), "one value only");
  }

  private static void assertHead(int nameFrom, int nameTo, int values, int targetTo, int end,
      GluedRowHead.Head h) {
    assertArrayEquals(new int[] {nameFrom, nameTo, values, targetTo, end},
        h == null ? null : new int[] {h.nameFrom(), h.nameTo(), h.valuesFrom(), h.targetTo(),
            h.valuesTo()});
  }
}
