package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The glued indicator table of unit-wide (整体支出) forms headed 分解目标 | 自评权重 | 二级指标: the
 * level's points stand bare after its name in a column of their own, and 分值 | 得分 are glued
 * ({@code 44} = 4 | 4). Expected cells written from the forms' text.
 */
class GluedWeightedTableTest {

  private static final String HEAD = "部门整体支出绩效自评表(2021年度)评价部门名称某县卫生院"
      + "分解目标自评权重二级指标三级指标年度指标值全年完成值分值得分偏差及原因分析";

  private static List<String> lines(String form) {
    TableText t = LayoutNormaliser.layout(new String[] {form});
    return Arrays.asList(t.lines());
  }

  @Test
  void levelPointsGetTheirOwnCellAndTheSumSplitsTheScores() {
    // dev set 07's 管理指标 rows: level points 30 bare after the name; 二级指标 of the scheme
    List<String> lines = lines(HEAD + "管理指标30预算编审管理完整、准确率100%100%44"
        + "预算执行管理完成率、控制率100%按规定执行44政府采购管理执行率100%100%2220"
        + "产出指标10数量指标门诊人次≥300人次≥310人次1010");
    assertTrue(lines.contains("分解目标\t自评权重\t二级指标\t三级指标\t年度指标值\t全年完成值\t分值\t得分"
        + "\t偏差及原因分析"), lines.toString());
    int first = lines.indexOf("管理指标\t30\t预算编审管理\t完整、准确率\t100%\t100%\t4\t4\t");
    assertTrue(first > 0, lines.toString());
    // 2220 under 30 points: 4 + 4 + 22 = 30 leaves 22 | 20 (not 2 | 2 and 20 as a reason)
    assertEquals(List.of("\t\t预算执行管理\t完成率、控制率\t100%\t按规定执行\t4\t4\t",
        "\t\t政府采购管理\t执行率\t100%\t100%\t22\t20\t",
        "产出指标\t10\t数量指标\t门诊人次\t≥300人次\t≥310人次\t10\t10\t"),
        lines.subList(first + 1, first + 4));
  }

  @Test
  void scrambledLevelCellIsLevelOnlyWithItsPoints() {
    // 出标产指 is 产出指标 as OCR printed the vertical cell; its points 25 follow it
    List<String> lines = lines(HEAD + "出标产指25质量指标任务1:诊断准确率95%以上97%55"
        + "任务2:健康档案管理率100%完成2020");
    assertTrue(lines.contains("出标产指\t25\t质量指标\t任务1:诊断准确率\t95%以上\t97%\t5\t5\t"),
        lines.toString());
    assertTrue(lines.contains("\t\t\t任务2:健康档案管理率\t100%\t完成\t20\t20\t"),
        lines.toString());
    // without points after it, the same scrambled word is text of a row, not a level
    List<String> none = lines(HEAD + "管理指标10资产管理出标产指利用率90%90%1010");
    assertTrue(none.contains("管理指标\t10\t资产管理\t出标产指利用率\t90%\t90%\t10\t10\t"),
        none.toString());
  }

  @Test
  void nameGluedToValuesThatDoNotPartIsLeftOut() {
    // 业务收入 | 超上年度 | 增收27万元: nothing says where the name ends, so no name is written
    TableText t = LayoutNormaliser.layout(new String[] {
        HEAD + "效果指标13经济效益指标业务收入超上年度增收27万元1313"});
    List<String> lines = Arrays.asList(t.lines());
    assertTrue(lines.stream().noneMatch(l -> l.contains("业务收入")), lines.toString());
    assertTrue(t.warnings().stream().anyMatch(w -> w.code().equals(GluedForm.AMBIGUOUS)
        && w.message().contains("业务收入超上年度增收27万元1313")), t.warnings().toString());
  }
}
