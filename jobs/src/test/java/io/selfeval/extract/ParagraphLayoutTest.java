package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.FormRecord;
import io.selfeval.model.Indicator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A form copied from a web page: a cell per paragraph, one blank line between the cells of a row
 * and a run of blank lines between rows (dev-set file 19's layout; the lines below are its own,
 * the expected values read from them).
 */
class ParagraphLayoutTest {

  /** Cells one blank line apart; rows ten blank lines apart. */
  private static String rows(String[]... rows) {
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      out.append(String.join("\n\n", row)).append("\n".repeat(11));
    }
    return out.toString();
  }

  private static final String FORM = "2022年度项目支出绩效自评表\n\n"
      + "单位名称:昌宁县供销合作社联合社 填报日期:2023年4月15日\n\n"
      + rows(new String[] {"项目名称", "昌宁县昌龙鸿运牧业专业合作社生猪养殖场建设项目"},
          new String[] {"主管部门", "昌宁县供销合作社联合社", "项目实施单位", "昌宁县昌龙鸿运牧业专业合作社"},
          new String[] {"项目类别", "1、部门预算项目 □ 2、县直专项 ☑ 3、省市对下转移支付项目 □"},
          new String[] {"预算执行情况(万元)", "(20分)\n", "预算数(A)", "执行数(B)", "执行率(B/A)",
              "得分", "(20分*执行率)"},
          new String[] {"年度财政资金总额", "50", "10", "20", "4"},
          new String[] {"年度绩效目标", "(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)",
              "实际完成值(B)", "得分"},
          new String[] {"产出指标(40分)", "数量指标", "公猪舍(≥**平方米)", "22.8", "22.8", "1"},
          new String[] {"母猪、保育猪舍(≥**平方米)", "180", "180", "3"},
          new String[] {"种母猪(≥头)", "20", "20"});

  private static FormRecord read(String text) {
    return ReportExtractor.extract(text.getBytes(StandardCharsets.UTF_8), "19.txt").records()
        .get(0);
  }

  @Test
  void budgetBlockOfParagraphCellsIsRead() {
    FormRecord r = read(FORM);
    assertEquals("昌宁县昌龙鸿运牧业专业合作社生猪养殖场建设项目", r.projectName());
    assertNull(r.budget().initial());
    assertEquals(0, new BigDecimal("50").compareTo(r.budget().adjusted().value()));
    assertEquals(0, new BigDecimal("10").compareTo(r.budget().executed().value()));
    // 执行率 printed as a bare 20 under 执行率(B/A): 10 / 50 = 20 %
    assertEquals(0, new BigDecimal("0.2").compareTo(r.budget().reportedRate().value()));
    assertEquals(0, new BigDecimal("4").compareTo(r.budget().reportedScore().value()));
    // the block's points, printed only in its header (20分)
    assertEquals(0, new BigDecimal("20").compareTo(r.budget().weight().value()));
  }

  @Test
  void indicatorRowsWithoutWeightColumnKeepTheirNumbersOutOfTheWeight() {
    FormRecord r = read(FORM);
    assertEquals(3, r.indicators().size());
    Indicator a = r.indicators().get(0);
    assertEquals("产出指标", a.level1());
    assertEquals(0, new BigDecimal("40").compareTo(a.level1Weight()));
    assertEquals("数量指标", a.level2());
    assertEquals("公猪舍(≥**平方米)", a.name());
    assertEquals("22.8", a.targetText());
    assertEquals("22.8", a.actualText());
    assertNull(a.weight());
    assertEquals(0, BigDecimal.ONE.compareTo(a.score()));
    Indicator b = r.indicators().get(1);
    assertEquals("数量指标", b.level2());
    assertEquals("母猪、保育猪舍(≥**平方米)", b.name());
    assertEquals("180", b.actualText());
    assertNull(b.weight());
    assertEquals(0, new BigDecimal("3").compareTo(b.score()));
    // the document ends inside the last row, which lost its 得分: its levels and name are kept,
    // never 20 | 20 as 分值 and 得分, nor as its values (which columns they are under is unknown)
    Indicator c = r.indicators().get(2);
    assertEquals("种母猪(≥头)", c.name());
    assertEquals("数量指标", c.level2());
    assertNull(c.targetText());
    assertNull(c.weight());
    assertNull(c.score());
    assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals("TRUNCATED_ROW")));
  }

  @Test
  void unitIsTheHeadFieldCutBeforeTheDateField() {
    assertEquals("昌宁县供销合作社联合社", read(FORM).unitName());
  }

  @Test
  void bareRateTheRowDoesNotConfirmIsLeftUnread() {
    FormRecord r = read(FORM.replace("\n\n20\n\n4\n", "\n\n35\n\n4\n"));
    assertNull(r.budget().reportedRate().value());
    assertEquals("35", r.budget().reportedRate().text());
    assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals("RATE_BARE_PERCENT")));
  }

  @Test
  void evenlySpacedParagraphsAreLeftAsTheyWere() {
    String even = "2022年度项目支出绩效自评表\n\n项目名称\n\n公猪舍\n\n主管部门\n\n供销社\n\n实施单位\n\n"
        + "合作社\n\n项目类别\n\n县直专项\n";
    String[] out = io.selfeval.extract.layout.LayoutNormaliser.normalise(even.split("\n", -1));
    assertEquals("", out[3]);
  }
}
