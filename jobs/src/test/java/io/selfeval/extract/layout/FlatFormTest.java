package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flattened-form reader's rows and their source lines, as the table scanner gets them. */
class FlatFormTest {

  @Test
  void oneLineBecomesRowsThatShareItsLineNumber() {
    TableText t = LayoutNormaliser.layout(new String[] {
        "说明文字",
        "项目支出绩效自评表 (2023年度) 项目名称 道路养护 实施单位 某县公路中心 项目资金 (万元) "
            + "年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 10 10 10 10 100% 10 "
            + "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 "
            + "产出指标(90分) 数量指标 养护里程 ≥30公里 31公里 90 90 总分 100 100"});
    List<String> lines = Arrays.asList(t.lines());
    assertEquals(List.of("说明文字", "项目支出绩效自评表 (2023年度)", "项目名称\t道路养护",
        "实施单位\t某县公路中心",
        "项目资金 (万元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t10\t10\t10\t10\t100%\t10",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标(90分)\t数量指标\t养护里程\t≥30公里\t31公里\t90\t90", "总分\t100\t100"), lines);
    assertArrayEquals(new int[] {1, 2, 2, 2, 2, 2, 2, 2, 2}, t.source());
    assertTrue(t.warnings().isEmpty());
  }

  @Test
  void cellsWrappedOverLinesKeepTheLineOfTheirFirstWord() {
    TableText t = LayoutNormaliser.layout(new String[] {
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 产出指标 数量指标 培训人次",
        "≥100人次 120人次 20 20 群众 满意度 ≥90% 95% 10 10 总分 30 30"});
    List<String> lines = Arrays.asList(t.lines());
    int row = lines.indexOf("产出指标\t数量指标\t培训人次\t≥100人次\t120人次\t20\t20");
    assertTrue(row >= 0, lines.toString());
    assertEquals(1, t.lineOf(row, 0));
    assertEquals(1, t.lineOf(row, 2));
    assertEquals(2, t.lineOf(row, 3));
    assertEquals(2, t.lineOf(row, 6));
    // "群众 满意度 ≥90% 95%": four words for three cells, two splits fit: not a row, and said so
    assertEquals(List.of("一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t培训人次\t≥100人次\t120人次\t20\t20", "总分\t30\t30"), lines);
    assertEquals(1, t.warnings().size());
    assertEquals(FlatForm.UNPLACED, t.warnings().get(0).code());
    assertEquals(2, t.warnings().get(0).line());
  }

  @Test
  void proseAndOtherLayoutsAreLeftLineForLine() {
    String[] in = {"一、基本情况", "本单位年初预算数 200 万元，全年预算数 220 万元，全年执行数 209 万元。",
        "项目\t年初预算数\t全年预算数\t全年执行数"};
    TableText t = LayoutNormaliser.layout(in);
    assertArrayEquals(LayoutNormaliser.normalise(in), t.lines());
    assertArrayEquals(new int[] {1, 2, 3}, t.source());
  }

  /**
   * An indicator header with 分值 before 指标值, as some templates print it: reading ends, and the
   * row is read in the header's order. It looped for ever before,
   * finding the same header again and again (dev set 17 hung the whole extract).
   */
  @Test
  void headerItDoesNotCutLeavesTextAndEnds() {
    String line = "项目支出绩效自评表 (2023年度) 绩效指标 一级指标 二级指标 三级指标 分值 年度指标值 "
        + "实际完成值 得分 产出指标 数量指标 培训人次 20 ≥100人次 120人次 20";
    TableText t = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> LayoutNormaliser.layout(new String[] {line}));
    String all = String.join(" ", Arrays.stream(t.lines()).filter(l -> l != null).toList());
    assertTrue(all.contains("培训人次") && all.contains("120人次"), all);
    // read since the header's order is cut: 分值 | 年度指标值 | 实际完成值 | 得分 in the header's order
    assertTrue(all.contains("培训人次\t20\t≥100人次\t120人次\t20"), all);
  }
}
