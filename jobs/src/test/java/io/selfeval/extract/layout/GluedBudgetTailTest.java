package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.selfeval.extract.ReportExtractor;
import io.selfeval.model.Budget;
import io.selfeval.model.Figure;
import io.selfeval.model.FormRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 执行率 | 执行率权重 | 执行率得分 tail of a unit-wide form's glued budget block, read where the
 * amounts are not, on forms written by hand; the expected figures were worked out on paper
 * (得分 = 权重 × 执行率 to the cent).
 */
class GluedBudgetTailTest {

  private static final String BANNER = "《部门整体绩效自评表.docx》由会员分享,可在线阅读,更多相关"
      + "《部门整体绩效自评表.docx(3页珍藏版)》请在某文库上搜索。\n";
  private static final String HEAD = "1、某区融媒体中心2022年度部门整体绩效自评表部门名称某区融媒体中心"
      + "部门预算执行情况(万元)年初预算数全年(调整)预算数全年执行数";
  private static final String GOALS = "年初绩效目标全年目标实际完成情况完成年度工作任务。"
      + "指标名称计量单位指标性质年初指标值全年完成值得分系数(%)指标权重(分)指标得分(分)是否核心指标"
      + "预算执行率%定量指标95%98%100%1010是";

  @Test
  void loneTailAfterTheHeaderIsTheTotalRow() {
    // 88 % × 10 = 8.8; 8 % × 10 = 0.8 and a 权重 of 108 do not fit
    Budget b = budget(HEAD + "执行率(%)执行率权重执行率得分(分)88%108.8" + GOALS);
    assertFigure("0.88", b.reportedRate());
    assertFigure("10", b.weight());
    assertFigure("8.8", b.reportedScore());
    assertNull(b.adjusted());
  }

  @Test
  void tailAfterSourceRowRepeatingTotalAmountsIsTheTotals() {
    // the amounts' integer parts lost: .50.80.20 on both rows; 91.52 % × 10 = 9.152 → 9.15
    Budget b = budget(HEAD + "执行率执行率权重执行率得分年度总金额.50.80.20其中财政拨款"
        + ".50.80.2091.52109.15" + GOALS);
    assertFigure("0.9152", b.reportedRate());
    assertFigure("10", b.weight());
    assertFigure("9.15", b.reportedScore());
    assertNull(b.initial());
    assertNull(b.executed());
  }

  @Test
  void sourceRowWithOtherAmountsLendsTheTotalNothing() {
    // the 财政拨款 row is not the whole budget (.50.80.20 against .50.60.20): its rate is its own
    Budget b = budget(HEAD + "执行率执行率权重执行率得分年度总金额.50.80.20其中财政拨款"
        + ".50.60.2091.52109.15" + GOALS);
    assertNull(b.reportedRate());
    assertNull(b.weight());
    assertNull(b.reportedScore());
  }

  @Test
  void scoreTheRateDoesNotGiveLeavesTheTailUnread() {
    // 10 × 88 % = 8.8, not 9.5; no other split fits
    Budget b = budget(HEAD + "执行率(%)执行率权重执行率得分(分)88%109.5" + GOALS);
    assertNull(b.reportedRate());
    assertNull(b.weight());
    assertNull(b.reportedScore());
  }

  @Test
  void gluedRateAndScoreColumnsAreNotTheTailsScore() {
    // 分值执行率得分 is 分值 | 执行率 | 得分: 执行率得分 names one column only after a 执行率
    Budget b = budget("1、某区文化馆2022年度项目支出绩效自评表项目名称文化下乡年初预算数全年预算数全年执行"
        + "分值执行率得分年度资金总额303010100%10其中:当年财政拨款303030100%" + GOALS);
    assertFigure("30", b.adjusted());
    assertFigure("30", b.executed());
    assertFigure("10", b.weight());
    assertFigure("1", b.reportedRate());
    assertFigure("10", b.reportedScore());
  }

  private static Budget budget(String text) {
    List<FormRecord> records = ReportExtractor.extract(
        (BANNER + text + "\n").getBytes(StandardCharsets.UTF_8), "t.txt").records();
    assertEquals(1, records.size(), records.toString());
    return records.get(0).budget();
  }

  private static void assertFigure(String expected, Figure f) {
    assertEquals(0, new BigDecimal(expected).compareTo(f == null || f.value() == null
        ? BigDecimal.valueOf(-1) : f.value()), String.valueOf(f));
  }
}
