package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.Budget;
import io.selfeval.model.FormRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Budget rows whose cells do not line up with their header, placed by the form's arithmetic. */
class BudgetPlacementTest {

  private static FormRecord form(String text) {
    return ReportExtractor.extract(text.getBytes(StandardCharsets.UTF_8), "t.txt").records()
        .get(0);
  }

  private static boolean warned(FormRecord r, String code) {
    return r.warnings().stream().anyMatch(w -> w.code().equals(code));
  }

  private static void assertValue(String expected, io.selfeval.model.Figure f) {
    assertEquals(0, new BigDecimal(expected).compareTo(f.value()), f.text());
  }

  @Test
  void droppedEmptyInitialCellIsPlacedByTheRateAndScoreIdentities() {
    // spaced layout: the empty 年初预算数 cell vanished, five numbers for six columns
    FormRecord r = form("2023年度项目支出绩效自评表\n"
        + "项目名称    河道保洁    主管部门    某某局\n"
        + "资金情况（万元）  年度资金总额  年初预算数  全年预算数  全年执行数  分值  执行率  得分\n"
        + "  合计  120.00  114.00  10  95%  9.5\n");
    Budget b = r.budget();
    assertNull(b.initial());
    assertValue("120.00", b.adjusted());
    assertValue("114.00", b.executed());
    assertValue("10", b.weight());
    assertValue("0.95", b.reportedRate());
    assertValue("9.5", b.reportedScore());
    assertEquals("derived", b.adjusted().placed());
    assertEquals(4, b.adjusted().line());
    assertTrue(warned(r, "BUDGET_PLACED_BY_ARITHMETIC"));
  }

  @Test
  void budgetRowSplitOverTwoLinesIsReadAsOneRow() {
    // pipe layout from a web page: each row's label on its own line, its numbers on the next;
    // the empty 年初预算数 cell dropped (five numbers for six columns): 48.5 / 50 = 97 %
    FormRecord r = form("2023年度项目支出绩效自评表\n"
        + "项目名称 | 林区防火道路维护 |\n"
        + "主管部门 | 某县林业局 | 实施单位 | 某县林场 |\n"
        + "项目资金 (万元) |\n"
        + "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
        + "年度资金总额 |\n"
        + "| 50 | 48.5 | 10 | 97% | 9.7 |\n"
        + "其中:当年财政拨款 |\n"
        + "| 50 | 48.5 | 10 | 97% | 9.7 |\n");
    Budget b = r.budget();
    assertNull(b.initial());
    assertValue("50", b.adjusted());
    assertValue("48.5", b.executed());
    assertValue("10", b.weight());
    assertValue("0.97", b.reportedRate());
    assertValue("9.7", b.reportedScore());
    assertTrue(warned(r, "BUDGET_ROW_SPLIT"));
    // the source row is placed the same way, never by position (50 as 年初预算数)
    io.selfeval.model.BudgetLine line = b.lines().get(0);
    assertNull(line.initial());
    assertValue("50", line.adjusted());
    assertValue("48.5", line.executed());
  }

  @Test
  void gluedNumbersAreSplitWhereTheIdentitiesConfirmOneSplit() {
    FormRecord r = form("2022年度项目支出绩效自评表\n"
        + "项目名称\t路灯维护\n"
        + "资金情况\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        + "\t合计\t1000100020100%20\n");
    Budget b = r.budget();
    assertValue("1000", b.adjusted());
    assertEquals("1000", b.adjusted().text());
    assertValue("1000", b.executed());
    assertValue("20", b.weight());
    assertValue("1", b.reportedRate());
    assertEquals("100%", b.reportedRate().text());
    assertValue("20", b.reportedScore());
    assertEquals("derived", b.reportedScore().placed());
    assertNull(b.initial());
  }

  @Test
  void gluedNumbersTwoSplitsFitEquallyAreLeftEmpty() {
    // without 分值 both 1000|1000|100% and 10001000|10|0% satisfy 执行率 = 执行数 / 预算数
    FormRecord r = form("2022年度项目支出绩效自评表\n"
        + "项目名称\t路灯维护\n"
        + "资金情况\t全年预算数\t全年执行数\t执行率\t得分\n"
        + "\t合计\t10001000100%20\n");
    Budget b = r.budget();
    assertNull(b.adjusted());
    assertNull(b.executed());
    assertNull(b.reportedRate());
    assertTrue(warned(r, "BUDGET_PLACEMENT_AMBIGUOUS"));
  }

  @Test
  void numbersNoIdentityCanPlaceAreLeftEmptyWithWarning() {
    FormRecord r = form("2022年度项目支出绩效自评表\n"
        + "项目名称\t路灯维护\n"
        + "资金情况\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        + "\t合计\t100\t120\n");
    Budget b = r.budget();
    assertNull(b.initial());
    assertNull(b.adjusted());
    assertNull(b.executed());
    assertTrue(warned(r, "BUDGET_CELLS_UNPLACED"));
  }

  @Test
  void percentHeaderMakesBareRatePercentage() {
    FormRecord r = form("2022年度项目支出绩效自评表\n"
        + "项目名称\t路灯维护\n"
        + "资金情况\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率(%)\t得分\n"
        + "\t合计\t100\t120\t90\t10\t75\t7.5\n");
    assertValue("0.75", r.budget().reportedRate());
    assertEquals("75", r.budget().reportedRate().text());
    assertNull(r.budget().reportedRate().placed());
  }

  @Test
  void traditionalHeadersAreMatchedAndTextKeptAsPrinted() {
    FormRecord r = form("2022年度項目支出績效自評表\n"
        + "項目名稱\t路燈維護\n"
        + "資金情況（萬元）\t年初預算數\t全年預算數\t全年執行數\t分值\t執行率\t得分\n"
        + "\t年度資金總額\t100\t120\t90\t10\t75%\t7.5\n");
    assertEquals("project", r.formKind());
    assertEquals("路燈維護", r.projectName());
    assertValue("100", r.budget().initial());
    assertValue("90", r.budget().executed());
    assertEquals("万元", r.budget().amountUnit());
  }

  @Test
  void ocrLettersForDigitsAreCorrectedOnlyWhereTheIdentitiesConfirmThem() {
    String head = "2022年度项目支出绩效自评表\n"
        + "项目名称\t路灯维护\n"
        + "资金情况\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n";
    // 18 / 20 = 90 % confirms 9O%; 10 x 90 % = 9 confirms IO as 10
    FormRecord r = form(head + "\t年度资金总额\t20\t20\t18\tIO\t9O%\t9\n");
    Budget b = r.budget();
    assertValue("20", b.adjusted());
    assertValue("18", b.executed());
    assertValue("10", b.weight());
    assertEquals("IO", b.weight().text());
    assertValue("0.9", b.reportedRate());
    assertValue("9", b.reportedScore());
    assertTrue(warned(r, "OCR_CORRECTED"));
    // no score printed: nothing confirms IO as the weight, so it stays unread
    FormRecord open = form(head + "\t年度资金总额\t20\t20\t18\tIO\t90%\t\n");
    assertNull(open.budget().weight().value());
    assertValue("18", open.budget().executed());
    assertValue("0.9", open.budget().reportedRate());
    assertTrue(!warned(open, "OCR_CORRECTED"));
    // 7l% (71 %) is not 18 / 20: the rate is not corrected
    FormRecord wrong = form(head + "\t年度资金总额\t20\t20\t18\t10\t7l%\t9\n");
    assertNull(wrong.budget().reportedRate().value());
    assertValue("10", wrong.budget().weight());
  }
}
