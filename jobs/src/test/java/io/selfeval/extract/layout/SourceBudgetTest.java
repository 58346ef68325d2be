package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A flattened budget block by source of funds ({@link SourceBudget}): header words and units
 * interleaved, 执行 … 率 split, the numbers among other cells' words. Expected rows written by
 * reading the lines below.
 */
class SourceBudgetTest {

  private static final String HEAD = "某市财政预算支出项目绩效目标自评表 项目名称 道路养护 中央 省、地 本级 其他 合计 "
      + "执行数 执行 (万元) (万元) (万元) (万元) (万元) (万元) 率 ";
  private static final String INDICATORS = " 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 "
      + "产出指标 数量指标 养护里程 300公里 300公里 20 20";

  private static List<String> rows(String line) {
    TableText t = LayoutNormaliser.layout(new String[] {line});
    return Arrays.stream(t.lines()).filter(l -> l != null).toList();
  }

  private static boolean warned(String line) {
    return LayoutNormaliser.layout(new String[] {line}).warnings().stream()
        .anyMatch(w -> w.code().equals(SourceBudget.UNCONFIRMED));
  }

  @Test
  void totalAndExecutedConfirmedByRateAndSourcesSum() {
    // 本级 200 + 其他 50 = 合计 250; 执行数 240 / 250 = 96.0 %; 项目属性 between the numbers
    List<String> rows = rows(HEAD + "200 50 项目属性 项目资金 250 240 96.0 %" + INDICATORS);
    int h = rows.indexOf("项目资金\t合计(万元)\t执行数(万元)\t执行率");
    assertTrue(h >= 0, rows.toString());
    assertEquals("资金总额\t250\t240\t96.0%", rows.get(h + 1));
  }

  @Test
  void rateNotConfirmedLeavesTheBlockUnread() {
    // 240 / 250 = 96 %, not 100 %
    String line = HEAD + "250 250 240 100 %" + INDICATORS;
    assertFalse(rows(line).contains("项目资金\t合计(万元)\t执行数(万元)\t执行率"), rows(line).toString());
    assertTrue(warned(line));
  }

  @Test
  void sourcesNotAddingUpLeaveTheBlockUnread() {
    // 本级 200 + 其他 40 = 240, not 合计 250
    String line = HEAD + "200 40 250 250 100%" + INDICATORS;
    assertFalse(rows(line).contains("项目资金\t合计(万元)\t执行数(万元)\t执行率"), rows(line).toString());
    assertTrue(warned(line));
  }

  @Test
  void moreAmountsThanColumnsLeaveTheBlockUnread() {
    // four sources + 合计 + 执行数 = six amounts at most; seven printed
    String line = HEAD + "1 1 1 1 4 4 4 100%" + INDICATORS;
    assertFalse(rows(line).contains("项目资金\t合计(万元)\t执行数(万元)\t执行率"), rows(line).toString());
    assertTrue(warned(line));
  }
}
