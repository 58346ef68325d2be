package io.selfeval.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The NAMES_FIRST rewrite of a form's indicator rows, checked on a small inline table. */
class NamesFirstTest {

  private static GenRow row(String level2, String name, String reason) {
    GenRow r = new GenRow("产出指标", level2, name, GenRow.Kind.COUNT, "次", false);
    r.reason = reason;
    return r;
  }

  @Test
  void thePairInOneLevelWithoutReasonsPrintsBothNamesBeforeTheValues() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
        "分值", "得分", "偏差原因分析及改进措施"});
    rows.add(new String[] {"", "产出指标 (50分)", "数量指标", "开展专项检查次数", "≥30次", "39次",
        "10", "10", ""});
    rows.add(new String[] {"", "", "", "完成业务培训人次", "≥12人次", "16人次", "10", "10", ""});
    rows.add(new String[] {"", "", "质量指标", "验收合格率", "≥96%", "90%", "10", "9",
        "未达目标，下一步加强调度。"});
    List<GenRow> gen = List.of(row("数量指标", "开展专项检查次数", null),
        row("数量指标", "完成业务培训人次", null), row("质量指标", "验收合格率", "未达目标，下一步加强调度。"));
    // rows 1-2 are the only pair: row 3 starts a level and has a reason
    NamesFirst.print(rows, 1, gen, new SplittableRandom(1));
    assertArrayEquals(new String[] {"", "产出指标 (50分)", "数量指标", "开展专项检查次", "数",
        "完成业务培训人次", "≥30次", "39次", "10", "10", "≥12人次", "16人次", "10", "10"},
        rows.get(1));
    assertArrayEquals(new String[] {"", "", "", "", "", "", "", "", ""}, rows.get(2));
    assertArrayEquals(new String[] {"", "", "质量指标", "验收合格率", "≥96%", "90%", "10", "9",
        "未达目标，下一步加强调度。"}, rows.get(3));
  }

  @Test
  void noPairLeavesTheRowsAsTheyWere() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"", "产出指标 (50分)", "数量指标", "开展专项检查次数", "≥30次", "39次",
        "10", "10", ""});
    rows.add(new String[] {"", "", "质量指标", "验收合格率", "≥96%", "96%", "10", "10", ""});
    String[] first = rows.get(0).clone();
    NamesFirst.print(rows, 0, List.of(row("数量指标", "开展专项检查次数", null),
        row("质量指标", "验收合格率", null)), new SplittableRandom(1));
    assertArrayEquals(first, rows.get(0));
  }
}
