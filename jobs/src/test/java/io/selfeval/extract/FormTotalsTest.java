package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.FormRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Totals, names, years and kinds where real forms print them (issue 16, item 5). Rows are
 * hand-made in the tab layout; expected values are read off the rows.
 */
class FormTotalsTest {

  private static final String HEAD = "2022年度项目支出绩效自评表\n"
      + "项目名称\t农村公路养护\n"
      + "主管部门\t某县交通运输局部门\t实施单位(盖章)\t某县公路事务中心\n"
      + "项目资金(万元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
      + "\t年度资金总额\t20\t20\t18\t10\t90%\t9\n"
      + "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
      + "产出指标\t数量指标\t养护里程\t≥266公里\t266公里\t50\t50\n"
      + "效益指标\t社会效益指标\t通行条件改善\t改善\t改善\t40\t38\n";

  private static FormRecord read(String text) {
    return ReportExtractor.extract(text.getBytes(StandardCharsets.UTF_8), "t.txt").records()
        .get(0);
  }

  private static boolean warned(FormRecord r, String code) {
    return r.warnings().stream().anyMatch(w -> w.code().equals(code));
  }

  private static void assertNumber(String expected, io.selfeval.model.Figure f) {
    assertEquals(0, new BigDecimal(expected).compareTo(f.value()), f.text());
  }

  @Test
  void secondFormWithoutTitleAfterTheFirstTotalIsReadOnItsOwn() {
    String second = "项目名称\t乡村道路保洁\n"
        + "主管部门\t某县交通运输局\t实施单位\t某县环卫所\n"
        + "项目资金(万元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        + "\t年度资金总额\t30\t30\t30\t10\t100%\t10\n"
        + "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        + "产出指标\t数量指标\t保洁里程\t≥50公里\t50公里\t90\t90\n"
        + "总分\t\t\t\t\t100\t100\n";
    java.util.List<FormRecord> records = ReportExtractor.extract((HEAD
        + "总分\t\t\t\t\t100\t97\n" + second).getBytes(StandardCharsets.UTF_8), "t.txt")
        .records();
    assertEquals(2, records.size());
    assertEquals("农村公路养护", records.get(0).projectName());
    assertFalse(warned(records.get(0), "CELLS_AFTER_TOTAL"));
    assertNumber("97", records.get(0).reportedTotal());
    FormRecord r = records.get(1);
    assertEquals("乡村道路保洁", r.projectName());
    assertEquals("某县环卫所", r.unitName());
    assertNumber("30", r.budget().executed());
    assertEquals("保洁里程", r.indicators().get(0).name());
    assertNumber("100", r.reportedTotal());
  }

  @Test
  void sumRowWithTwoNumbersIsTotalWeightAndTotal() {
    FormRecord r = read(HEAD + "合计\t\t\t\t\t100\t97\n");
    assertNumber("100", r.reportedTotalWeight());
    assertNumber("97", r.reportedTotal());
    assertFalse(warned(r, "NO_TOTAL_ROW"));
  }

  @Test
  void sumRowWithOneNumberIsPlacedByTheFormsSums() {
    // Σ 分值 = 10 + 50 + 40 = 100; Σ 得分 = 9 + 50 + 38 = 97
    FormRecord weight = read(HEAD + "合计\t\t\t\t\t100\t\n");
    assertNumber("100", weight.reportedTotalWeight());
    assertNull(weight.reportedTotal());
    FormRecord total = read(HEAD + "合计\t\t\t\t\t\t97\n");
    assertNumber("97", total.reportedTotal());
    assertNull(total.reportedTotalWeight());
    FormRecord neither = read(HEAD + "合计\t\t\t\t\t\t95\n");
    assertNull(neither.reportedTotal());
    assertNull(neither.reportedTotalWeight());
    assertTrue(warned(neither, "TOTAL_AMBIGUOUS"));
  }

  @Test
  void totalPrintedAsHeaderFieldIsTheTotalWhenNoRowIs() {
    String text = HEAD.replace("项目名称\t农村公路养护\n", "项目名称\t农村公路养护\t自评得分：97\n");
    FormRecord r = read(text);
    assertNumber("97", r.reportedTotal());
    assertTrue(warned(r, "TOTAL_FROM_FIELD"));
    FormRecord withRow = read(text + "总分\t\t\t\t\t100\t96\n");
    assertNumber("96", withRow.reportedTotal());
    assertFalse(warned(withRow, "TOTAL_FROM_FIELD"));
  }

  @Test
  void totalFieldWithoutColonOrInItsOwnCellIsTheTotal() {
    String glued = HEAD.replace("项目名称\t农村公路养护\n", "项目名称\t农村公路养护\t项目总得分97分\n");
    assertNumber("97", read(glued).reportedTotal());
    String bracket = HEAD.replace("项目名称\t农村公路养护\n",
        "项目名称\t农村公路养护\t自评总分(分)\t97.5\n");
    assertNumber("97.5", read(bracket).reportedTotal());
    // a number above any form's points is no total (two glued cells, 总分10098)
    String glued2 = HEAD.replace("项目名称\t农村公路养护\n", "项目名称\t农村公路养护\t自评得分10098\n");
    assertNull(read(glued2).reportedTotal());
    // the label followed by text is no field
    String text = HEAD.replace("项目名称\t农村公路养护\n", "项目名称\t农村公路养护\t自评得分\t良好\n");
    assertNull(read(text).reportedTotal());
  }

  @Test
  void gradeAfterTheTotalIsTheGrade() {
    FormRecord r = read(HEAD + "总分\t\t\t\t\t100\t97\t优\n");
    assertNumber("100", r.reportedTotalWeight());
    assertNumber("97", r.reportedTotal());
    assertEquals("优", r.reportedGrade().value());
  }

  @Test
  void signOffAndClosingRemarksUnderTheTotalAreTheFormsFoot() {
    FormRecord r = read(HEAD + "合计\t\t\t\t\t100\t97\n"
        + "评价结论\t按计划完成养护任务\n"
        + "存在问题\t无\n"
        + "项目负责人:张三\t财务负责人:李四\n");
    assertFalse(warned(r, "CELLS_AFTER_TOTAL"), r.warnings().toString());
  }

  @Test
  void projectFormsUnitIsItsImplementingUnitNotTheParentDepartment() {
    FormRecord r = read(HEAD + "合计\t\t\t\t\t100\t97\n");
    assertEquals("project", r.formKind());
    assertEquals("某县公路事务中心", r.unitName());
    assertEquals("农村公路养护", r.projectName());
  }

  @Test
  void unitFormsUnitIsItsNamedUnitBeforeItsParent() {
    String text = "2022年度部门整体支出绩效自评表\n"
        + "主管部门\t某县卫生健康局\t单位名称\t某镇卫生院\n"
        + "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        + "产出指标\t数量指标\t门诊人次\t≥5000人次\t5200人次\t100\t100\n"
        + "总分\t\t\t\t\t100\t100\n";
    assertEquals("某镇卫生院", read(text).unitName());
  }

  @Test
  void formsTailWithProjectSignOffIsProjectForm() {
    String text = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        + "产出指标\t数量指标\t养护里程\t≥266公里\t266公里\t90\t90\n"
        + "合计\t\t\t\t\t100\t100\n"
        + "项目负责人:张三\t财务负责人:李四\n";
    assertEquals("project", read(text).formKind());
  }

  @Test
  void reportWithoutFormTableTakesKindFromTitleAndYearNotFromDate() {
    String text = "填报日期:2021年4月22日\n"
        + "2020年市级服务贸易发展资金项目自评表\n"
        + "项目资金全部拨付到位,完成了全部建设内容。\n";
    FormRecord r = read(text);
    assertEquals("project", r.formKind());
    assertEquals(2020, r.fiscalYear());
    FormRecord unit = read("某局部门整体支出绩效自评报告\n2021年完成了各项工作。\n");
    assertEquals("unit", unit.formKind());
  }
}
