package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.BudgetLine;
import io.selfeval.model.Figure;
import io.selfeval.model.FormRecord;
import io.selfeval.model.Indicator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Forms flattened into words separated by single spaces (a web page or .doc turned into text, a
 * PDF's text), read into records. Expected values are written from reading the texts.
 */
class FlatFormsTest {

  private static FormRecord read(String text) {
    List<FormRecord> records = ReportExtractor.extract(text.getBytes(StandardCharsets.UTF_8),
        "flat.txt").records();
    assertEquals(1, records.size());
    return records.get(0);
  }

  private static void assertFigure(String expected, Figure f) {
    assertEquals(0, new BigDecimal(expected).compareTo(f.value()), f.text());
  }

  private static boolean warned(FormRecord r, String code) {
    return r.warnings().stream().anyMatch(w -> w.code().equals(code));
  }

  @Test
  void projectFormOnOneLineIsCutIntoItsRows() {
    FormRecord r = read("附件: 项目支出绩效自评表 (2023年度) 项目名称 农村饮水安全维修养护 主管部门 某县水利局 "
        + "实施单位 某县农村供水站 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
        + "年度资金总额 50 60 57 10 95% 9.5 其中:本年财政拨款 50 60 57 上年结转资金 其他资金 "
        + "年度总体目标 预期目标 实际完成情况 完成30处供水工程维修。 完成32处供水工程维修。 "
        + "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
        + "产出指标(50分) 数量指标 维修供水工程处数 ≥30处 32处 20 20 "
        + "质量指标 工程验收合格率 100% 100% 15 15 "
        + "时效指标 完工及时率 ≥95% 90% 15 13 受汛期影响，两处工程延期完工。 "
        + "效益指标(30分) 社会效益指标 受益群众人数 ≥8000人 8500人 30 30 "
        + "满意度指标(10分) 服务对象满意度指标 群众满意度 ≥90% 96% 10 10 "
        + "总分 100 97.5 优 填表日期:2024年3月\n");
    assertEquals("project", r.formKind());
    assertEquals("农村饮水安全维修养护", r.projectName());
    assertEquals("某县农村供水站", r.unitName());
    assertEquals(2023, r.fiscalYear());
    assertFigure("50", r.budget().initial());
    assertFigure("60", r.budget().adjusted());
    assertFigure("57", r.budget().executed());
    assertFigure("10", r.budget().weight());
    assertFigure("0.95", r.budget().reportedRate());
    assertFigure("9.5", r.budget().reportedScore());
    assertEquals("万元", r.budget().amountUnit());
    BudgetLine line = r.budget().lines().get(0);
    assertEquals("current_year_appropriation", line.category());
    assertFigure("57", line.executed());
    assertEquals("完成30处供水工程维修。", r.goals().targetText());
    assertEquals("完成32处供水工程维修。", r.goals().actualText());
    assertEquals(5, r.indicators().size());
    Indicator first = r.indicators().get(0);
    assertEquals("产出指标", first.level1());
    assertEquals(0, new BigDecimal("50").compareTo(first.level1Weight()));
    assertEquals("数量指标", first.level2());
    assertEquals("维修供水工程处数", first.name());
    assertEquals("≥30处", first.targetText());
    assertEquals("32处", first.actualText());
    Indicator late = r.indicators().get(2);
    assertEquals("时效指标", late.level2());
    assertEquals("完工及时率", late.name());
    assertEquals(0, new BigDecimal("13").compareTo(late.score()));
    assertEquals("受汛期影响，两处工程延期完工。", late.deviationReason());
    Indicator social = r.indicators().get(3);
    assertEquals("效益指标", social.level1());
    assertEquals("社会效益指标", social.level2());
    assertNull(social.deviationReason());
    Indicator satisfaction = r.indicators().get(4);
    assertEquals("满意度指标", satisfaction.level1());
    assertEquals("服务对象满意度指标", satisfaction.level2());
    assertEquals("≥90%", satisfaction.targetText());
    assertEquals(1, satisfaction.line());
    assertFigure("97.5", r.reportedTotal());
    assertFigure("100", r.reportedTotalWeight());
    assertEquals("优", r.reportedGrade().value());
    assertTrue(!warned(r, "FLAT_CELLS_UNPLACED"), r.warnings().toString());
  }

  @Test
  void cellsThatCannotBeToldApartAreLeftOutAndWarned() {
    FormRecord r = read("2022年度项目支出绩效自评表 项目名称 社区健康教育 实施单位 某镇卫生院 "
        + "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
        + "年度资金总额 20 20 10 100% 10 其中:本年财政拨款 20 20 "
        + "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 "
        + "产出指标(90分) 数量指标 健康讲座次数 12次 12次 30 30 "
        + "宣传资料种类 不少于12 种 14种 30 30 "
        + "入户随访 85 % 88 % 10 10 "
        + "资料 发放份数 ≥500份 520份 10 10 "
        + "质量指标 讲座覆盖率 ≥90% 95% 10 10 总分 100 100\n");
    // "资料 发放份数 ≥500份 520份": four words for three cells, two splits fit: not read
    // a unit alone is never a cell: "不少于12 种" is one cell, "85 %" too
    assertEquals(4, r.indicators().size());
    assertEquals("健康讲座次数", r.indicators().get(0).name());
    assertEquals("不少于12 种", r.indicators().get(1).targetText());
    assertEquals("14种", r.indicators().get(1).actualText());
    assertEquals("88 %", r.indicators().get(2).actualText());
    Indicator second = r.indicators().get(3);
    assertEquals("讲座覆盖率", second.name());
    assertEquals("产出指标", second.level1());
    assertEquals("质量指标", second.level2());
    // the total row of five numbers for six columns is placed by the form's arithmetic
    assertFigure("20", r.budget().adjusted());
    assertFigure("20", r.budget().executed());
    // a budget line of two amounts for three amount columns is not placed
    assertTrue(r.budget().lines().isEmpty());
    assertTrue(warned(r, "FLAT_CELLS_UNPLACED"));
    assertEquals(2, r.warnings().stream().filter(w -> w.code().equals("FLAT_CELLS_UNPLACED"))
        .count());
  }

  @Test
  void formWrappedOverPdfLinesKeepsEachRowsSourceLine() {
    FormRecord r = read("2023年度部门整体支出绩效自评表\n"
        + "部门名称 某县林业局 资金情况 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
        + "年度资金总额 200 220 209 10 95% 9.5 绩效指标 一级指标 二级指标 三级指标 年度指标值\n"
        + "实际完成值 分值 得分 产出指标(60分) 数量指标 造林面积 ≥500亩 520亩 30 30 质量指标\n"
        + "\n"
        + "- 1 -\n"
        + "\n"
        + "苗木成活率 ≥85% 88% 30 30 效益指标(30分) 生态效益指标 森林覆盖率 提高 达成 30 28\n"
        + "总分 100 97.5\n");
    assertEquals("unit", r.formKind());
    assertEquals("某县林业局", r.unitName());
    assertEquals(2023, r.fiscalYear());
    assertFigure("220", r.budget().adjusted());
    assertEquals(3, r.budget().adjusted().line());
    assertEquals(3, r.indicators().size());
    assertEquals(4, r.indicators().get(0).line());
    Indicator survival = r.indicators().get(1);
    assertEquals("苗木成活率", survival.name());
    assertEquals("质量指标", survival.level2());
    assertEquals(4, survival.line()); // the row starts with its 二级指标 cell on line 4
    Indicator cover = r.indicators().get(2);
    assertEquals("生态效益指标", cover.level2());
    assertEquals(0, new BigDecimal("28").compareTo(cover.score()));
    assertEquals(8, cover.line());
    assertFigure("97.5", r.reportedTotal());
    assertEquals(9, r.reportedTotal().line());
  }

  @Test
  void rowsWithTheWeightBeforeTheValuesAndPointsOnlyLevelNamesAreRead() {
    // a row a line, single spaces between cells; 分值 before 年度指标值; 一级 / 指标 wrapped over
    // two lines; the 一级指标 printed as (40分) only; a breakdown row under the first (values
    // only, no 分值 / 得分) is no indicator; the ★ rows print 分值 and 得分 with blank values
    // (a web page: its metadata line first, then the form's rows)
    FormRecord r = read("发布机构: 某镇人民政府 发文日期: 2023-09-28 10:42:51\n"
        + "2023年度村道路灯维护项目资金使用情况\n"
        + "项目名称 村道路灯维护\n"
        + "实施单位 某镇人民政府\n"
        + "全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分\n"
        + "年度资金总额: 20 18 10 90.00% 9\n"
        + "绩效指标 一级\n"
        + "指标\n"
        + "二级指标 三级指标 分值 年度指标值 全年实际值 得分 未完成原因\n"
        + "(40分)\n"
        + "数量指标 ★维护路灯数量 20 20\n"
        + "    主干道路灯 120盏 120盏\n"
        + "时效指标 ★维护完成及时率 20 18\n");
    assertEquals(2, r.indicators().size(), r.indicators().toString());
    Indicator first = r.indicators().get(0);
    assertEquals("★维护路灯数量", first.name());
    assertEquals("数量指标", first.level2());
    assertEquals(0, new BigDecimal("40").compareTo(first.level1Weight()));
    assertEquals(0, new BigDecimal("20").compareTo(first.weight()));
    assertEquals(0, new BigDecimal("20").compareTo(first.score()));
    Indicator second = r.indicators().get(1);
    assertEquals("★维护完成及时率", second.name());
    assertEquals("时效指标", second.level2());
    assertEquals(0, new BigDecimal("20").compareTo(second.weight()));
    assertEquals(0, new BigDecimal("18").compareTo(second.score()));
    assertTrue(r.warnings().stream().anyMatch(w -> w.message().contains("主干道路灯")));
  }

  /**
   * A spreadsheet flattened row by row: the budget row's label printed with the header, its blank
   * 年初预算数 dropped (five numbers under six columns), the indicator header's cells wrapped
   * (年度 实际 … 指标值 完成值). The five numbers are placed by the form's arithmetic: 57 / 60 =
   * 95 %, 10 × 95 % = 9.5.
   */
  @Test
  void spreadsheetFlattenedRowByRowIsReadByTheFormsArithmetic() {
    FormRecord r = read("项目支出绩效自评表 (2023年度) 项目名称 农村饮水安全维修养护 "
        + "实施单位 某县农村供水站 项目资金 (万元) 年度资金总额 年初预算数 全年预算数 全年执行数 "
        + "分值 执行率 得分 60 57 10 95% 9.5 其中:本年财政拨款 60 57 绩效指标 一级指标 二级指标 "
        + "三级指标 年度 实际 分值 得分 偏差 指标值 完成值 原因分析及改进措施 产出指标(90分) "
        + "数量指标 维修供水工程处数 ≥30处 32处 50 50 时效指标 完工及时率 ≥95% 90% 40 37 "
        + "受汛期影响，两处工程延期完工。 总分 100 96.5\n");
    assertNull(r.budget().initial());
    assertFigure("60", r.budget().adjusted());
    assertFigure("57", r.budget().executed());
    assertFigure("10", r.budget().weight());
    assertFigure("0.95", r.budget().reportedRate());
    assertFigure("9.5", r.budget().reportedScore());
    assertEquals(2, r.indicators().size());
    Indicator second = r.indicators().get(1);
    assertEquals("完工及时率", second.name());
    assertEquals("≥95%", second.targetText());
    assertEquals("90%", second.actualText());
    assertEquals(0, new BigDecimal("40").compareTo(second.weight()));
    assertEquals(0, new BigDecimal("37").compareTo(second.score()));
    assertEquals("受汛期影响，两处工程延期完工。", second.deviationReason());
    assertEquals("产出指标", second.level1());
  }

  /**
   * A PDF's text flattened out of order with no 分值 column: the budget row's one run of numbers
   * after its header (45 / 50 = 90 %, 20 × 90 % = 18, the 20 points in the 得分 cell's formula),
   * rows of name | 年初目标值 | 实际完成值 | 得分; a name split over two words is not read.
   */
  @Test
  void scoreOnlyRowsAndTheBudgetUnderFormulaHeader() {
    FormRecord r = read("2021年项目支出绩效自评表 单位名称:某区文旅局 项目名称 图书馆免费开放 "
        + "预算数 (A) 执行数(B) 执行率(B/A) 得分 (20 分*执行率) 50 45 90% 18 三级指标 "
        + "年初目标值 (A) 实际完成值 (B) 得分 开放天数 300天 310天 30 读者满意度 90% 95% 30 "
        + "服务外 包企业数量 3 3 10\n");
    assertFigure("50", r.budget().adjusted());
    assertFigure("45", r.budget().executed());
    assertFigure("0.9", r.budget().reportedRate());
    assertFigure("18", r.budget().reportedScore());
    assertFigure("20", r.budget().weight());
    assertEquals(2, r.indicators().size());
    Indicator first = r.indicators().get(0);
    assertEquals("开放天数", first.name());
    assertEquals("300天", first.targetText());
    assertEquals("310天", first.actualText());
    assertNull(first.weight());
    assertEquals(0, new BigDecimal("30").compareTo(first.score()));
    assertEquals("读者满意度", r.indicators().get(1).name());
  }

  /**
   * Rows without 分值 under a budget header that has one (its 分值 is the budget's): the rows are
   * name | 年初目标值 | 实际完成值 | 得分, their weight unread.
   */
  @Test
  void scoreOnlyRowsUnderBudgetHeaderWithItsOwnWeight() {
    FormRecord r = read("2021年项目支出绩效自评表 项目名称 图书馆免费开放 资金总额 全年预算数 "
        + "全年执行数 分值 执行率 得分 50 45 10 90% 9 三级指标 年初目标值 实际完成值 得分 "
        + "开放天数 300天 310天 30 读者满意度 90% 95% 30\n");
    assertFigure("10", r.budget().weight());
    assertFigure("9", r.budget().reportedScore());
    assertEquals(2, r.indicators().size());
    assertNull(r.indicators().get(1).weight());
    assertEquals("95%", r.indicators().get(1).actualText());
    assertEquals(0, new BigDecimal("30").compareTo(r.indicators().get(1).score()));
  }
}
