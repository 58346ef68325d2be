package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Each case: a small text in one layout and, written by hand, the lines the scanner reads. */
class LayoutNormaliserTest {

  private static String[] norm(String... lines) {
    return LayoutNormaliser.normalise(lines);
  }

  @Test
  void tabRowsAndTabLedCellsAreLeftAsTheyAre() {
    String[] in = {"部门名称\t某局\t", "\t合计", "\t100", "", "\t其中"};
    assertArrayEquals(in, norm(in));
  }

  @Test
  void pipeRowsBecomeTabRowsAndSeparatorsAreDropped() {
    String[] out = norm("| 项目 | 年初预算数 | 全年预算数 |", "|---|:---:|---|",
        "|  | 合计 | 1,000 |", "a | b |");
    assertEquals("项目\t年初预算数\t全年预算数", out[0]);
    assertNull(out[1]);
    assertEquals("\t合计\t1,000", out[2]);
    assertEquals("a\tb", out[3]);
  }

  @Test
  void cellPerLineEndingInPipeIsTabLedCell() {
    String[] out = norm("年初预算数|", "", "1000|");
    assertEquals("\t年初预算数", out[0]);
    assertEquals("", out[1]);
    assertEquals("\t1000", out[2]);
  }

  @Test
  void htmlRowsPastedAsTextBecomeCells() {
    String[] out = norm("<table>", "<tr><td>合计</td><td align=\"right\">1&nbsp;000</td><td></td>"
        + "</tr>", "<tr>", "<td>得分</td>", "<td><b>9.5</b></td>", "</tr>", "</table>");
    assertEquals("", out[0]);
    assertEquals("合计\t1 000\t", out[1]);
    assertEquals("", out[2]);
    assertEquals("\t得分", out[3]);
    assertEquals("\t9.5", out[4]);
    assertEquals("", out[5]);
  }

  @Test
  void runsOfSpacesSplitCellsOnlyAmongOtherRows() {
    String[] out = norm("本单位  全年完成了任务。", "",
        "资金情况    年初预算数   全年预算数   全年执行数", "  合计      100.00     120.00     118.00",
        "其中：当年财政拨款　100　120");
    assertEquals("本单位  全年完成了任务。", out[0]);
    assertEquals("资金情况\t年初预算数\t全年预算数\t全年执行数", out[2]);
    assertEquals("合计\t100.00\t120.00\t118.00", out[3]);
    assertEquals("其中：当年财政拨款\t100\t120", out[4]);
  }

  @Test
  void pageFootersAreDroppedNeverGluedToCell() {
    String[] out = norm("\t执行率", "- 1 -", "\t98%", "第 1 页 共 3 页", "— 2 —", "第2页",
        "\f");
    assertEquals("\t执行率", out[0]);
    assertNull(out[1]);
    assertEquals("\t98%", out[2]);
    assertNull(out[3]);
    assertNull(out[4]);
    assertNull(out[5]);
    assertNull(out[6]);
  }

  @Test
  void headerRepeatedAfterPageBreakIsDroppedButNotAfterNewTitle() {
    String header = "一级指标\t二级指标\t三级指标\t分值\t得分";
    String[] out = norm("2023年度项目支出绩效自评表", header, "\t数量指标\t人次\t10\t10", "- 1 -",
        header, "\t质量指标\t合格率\t10\t9", "2023年度项目支出绩效自评表", header);
    assertEquals(header, out[1]);
    assertNull(out[4]);
    assertEquals(header, out[7]);
  }

  @Test
  void unmarkedCellsPerLineAfterFormTitleAreLedByTab() {
    String[] out = norm("2023年度项目支出绩效自评表", "项目名称", "路灯维护", "", "年初预算数",
        "全年预算数", "全年执行数", "", "合计", "10", "12", "11", "附件2：说明");
    assertEquals("2023年度项目支出绩效自评表", out[0]);
    assertEquals("\t项目名称", out[1]);
    assertEquals("\t路灯维护", out[2]);
    assertEquals("", out[3]);
    assertEquals("\t全年执行数", out[6]);
    assertEquals("\t11", out[11]);
    assertEquals("附件2：说明", out[12]);
  }

  @Test
  void mixedLayoutsInOneDocument() {
    String[] out = norm("| 项目名称 | 路灯 |", "年初预算数\t全年预算数", "<tr><td>合计</td><td>5</td></tr>");
    assertEquals("项目名称\t路灯", out[0]);
    assertEquals("年初预算数\t全年预算数", out[1]);
    assertEquals("合计\t5", out[2]);
  }

  private static final String PIPE_HEADER =
      "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 分值 | 得分 |";

  @Test
  void pipeRowWrappedAtEmptyCellIsJoinedWithItsContinuation() {
    // 5 cells, then 3: with the empty 度量单位 cell that held the line break, the header's 9
    String[] out = norm(PIPE_HEADER,
        "| 效益指标 | 可持续影响指标 | 图书馆管理机制健全性 | 定性 | 好坏 |", "| 好坏 | 5 | 5 |");
    assertEquals("效益指标\t可持续影响指标\t图书馆管理机制健全性\t定性\t好坏\t\t好坏\t5\t5",
        out[1]);
    assertNull(out[2]);
  }

  @Test
  void pipeRowWrappedInsideCellJoinsTheCellsHalves() {
    String[] out = norm(PIPE_HEADER, "| 产出指标 | 数量指标 | 公益讲座",
        "场次 | ≥ | 12 | 场 | 15 | 10 | 10 |");
    assertEquals("产出指标\t数量指标\t公益讲座场次\t≥\t12\t场\t15\t10\t10", out[1]);
    assertNull(out[2]);
  }

  @Test
  void shortRowAndTheTotalRowBelowAreNotJoined() {
    // 5 + 1 + 3 cells would make the header's 9, but 合计 starts a row of its own
    String[] out = norm(PIPE_HEADER, "| 效益指标 | 可持续影响指标 | 图书馆管理机制健全性 | 定性 | 好坏 |",
        "| 合计 | 100 | 98 |");
    assertEquals("合计\t100\t98", out[2]);
  }
}
