package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.FormRecord;
import io.selfeval.model.Indicator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Indicator rows in layouts other than the seeds'. */
class IndicatorRowsTest {

  @Test
  void rowTheDocumentEndsInsideKeepsItsLevelsAndNameOnly() {
    // an excerpt cut in the last row: its levels and name printed, then the cut
    String cut = "2023年度项目支出绩效自评表\n"
        + "项目名称\t乡村医生培训\n"
        + "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        + "产出指标\t数量指标\t培训人次\t≥735人次\t800人次\t20\t20\n"
        + "满意度指标\t服务对象满意度指标\t学员满意度\n";
    FormRecord r = ReportExtractor.extract(cut.getBytes(StandardCharsets.UTF_8), "t.txt")
        .records().get(0);
    assertEquals(2, r.indicators().size());
    Indicator last = r.indicators().get(1);
    assertEquals("满意度指标", last.level1());
    assertEquals("服务对象满意度指标", last.level2());
    assertEquals("学员满意度", last.name());
    assertNull(last.weight());
    assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals("TRUNCATED_ROW")));
    // a sign-off line closing a form without a total row is no cut row
    FormRecord signed = ReportExtractor.extract((cut.replace("满意度指标\t服务对象满意度指标\t学员满意度\n",
        "单位负责人签字：张三\t填表人：李四\n")).getBytes(StandardCharsets.UTF_8), "t.txt")
        .records().get(0);
    assertEquals(1, signed.indicators().size());
    // a complete document's row without 分值 and 得分 is still no indicator
    FormRecord whole = ReportExtractor.extract((cut + "总分\t\t\t\t\t20\t20\n")
        .getBytes(StandardCharsets.UTF_8), "t.txt").records().get(0);
    assertEquals(1, whole.indicators().size());
  }

  @Test
  void nameOnlyRowBetweenReadRowsKeepsItsLevelsAndName() {
    // 森林抚育面积's values were not printed (or a layout reader left them empty); a read row
    // follows it, so it is an indicator of the table: kept with its name, its figures null
    String form = "2023年度项目支出绩效自评表\n"
        + "项目名称\t林业管护\n"
        + "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        + "产出指标\t数量指标\t公益林管护面积\t28万亩\t28万亩\t10\t10\n"
        + "\t\t森林抚育面积\t\t\t\t\n"
        + "\t质量指标\t森林火灾受害率\t≤0.9%\t0%\t10\t10\n"
        + "总分\t\t\t\t\t20\t20\n";
    FormRecord r = ReportExtractor.extract(form.getBytes(StandardCharsets.UTF_8), "t.txt")
        .records().get(0);
    assertEquals(3, r.indicators().size());
    Indicator empty = r.indicators().get(1);
    assertEquals("产出指标", empty.level1());
    assertEquals("数量指标", empty.level2());
    assertEquals("森林抚育面积", empty.name());
    assertNull(empty.targetText());
    assertNull(empty.weight());
    assertNull(empty.score());
    assertEquals("森林火灾受害率", r.indicators().get(2).name());
    assertEquals(2, r.indicators().get(2).position());
    assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals("ROW_VALUES_EMPTY")));
  }

  @Test
  void comparatorValueAndUnitInThreeCellsAreOneTarget() {
    String text = "2023年度项目支出绩效自评表\n"
        + "项目名称\t乡村医生培训\n"
        + "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t实际完成值\t分值\t得分\n"
        + "产出指标\t数量指标\t培训人次\t≧\t735\t人次\t800人次\t20\t20\n"
        + "\t质量指标\t考核合格率\t≥\t95\t%\t97%\t20\t18\n"
        + "总分\t\t\t\t\t\t\t40\t38\n";
    FormRecord r = ReportExtractor.extract(text.getBytes(StandardCharsets.UTF_8), "t.txt")
        .records().get(0);
    assertEquals(2, r.indicators().size());
    Indicator a = r.indicators().get(0);
    assertEquals("培训人次", a.name());
    assertEquals("≥735人次", a.targetText());
    assertEquals("800人次", a.actualText());
    assertEquals(new BigDecimal("20"), a.weight());
    Indicator b = r.indicators().get(1);
    assertEquals("产出指标", b.level1());
    assertEquals("质量指标", b.level2());
    assertEquals("≥95%", b.targetText());
    assertEquals("97%", b.actualText());
    assertEquals(new BigDecimal("18"), b.score());
    assertEquals(5, b.line());
    assertEquals(0, new BigDecimal("38").compareTo(r.reportedTotal().value()));
    assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals("COMPARATOR_JOINED")));
  }

  private static FormRecord read(String text) {
    return ReportExtractor.extract(text.getBytes(StandardCharsets.UTF_8), "t.txt").records()
        .get(0);
  }

  private static boolean warned(FormRecord r, String code) {
    return r.warnings().stream().anyMatch(w -> w.code().equals(code));
  }

  @Test
  void natureAndMeasureColumnsAreReadByTheHeaderNotByPosition() {
    String text = "2022年度项目支出绩效自评表\n"
        + "项目名称\t图书馆免费开放\n"
        + "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t得分\t未完成原因分析\n"
        + "产出指标\t数量指标\t公益讲座场次\t正向指标\t12\t场\t12\t20\t20\t\n"
        + "\t质量指标\t图书上架准确率\t≥\t95\t%\t93\t20\t18\t新馆员培训不足\n"
        + "总分\t\t\t\t\t\t\t40\t38\n";
    FormRecord r = read(text);
    assertEquals(2, r.indicators().size());
    Indicator a = r.indicators().get(0);
    assertEquals("公益讲座场次", a.name());
    assertEquals("12场", a.targetText());
    assertEquals("12", a.actualText());
    assertEquals(0, new BigDecimal("20").compareTo(a.weight()));
    assertEquals(null, a.deviationReason());
    Indicator b = r.indicators().get(1);
    assertEquals("产出指标", b.level1());
    assertEquals("质量指标", b.level2());
    assertEquals("≥95%", b.targetText());
    assertEquals("93", b.actualText());
    assertEquals(0, new BigDecimal("18").compareTo(b.score()));
    assertEquals("新馆员培训不足", b.deviationReason());
  }

  @Test
  void scoringCriteriaColumnIsNeitherValueNorReason() {
    String text = "2023年度项目支出绩效自评表\n"
        + "项目名称\t乡村道路养护\n"
        + "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t评分标准\t得分\t偏差原因\n"
        + "产出指标\t数量指标\t养护里程\t≥266公里\t260公里\t12.5\t完成100%得满分,每少1%扣0.5分\t"
        + "11.5\t雨季停工\n"
        + "\t时效指标\t完工及时率\t100%\t100%\t12.5\t按时完成得满分\t12.5\t\n"
        + "总分\t\t\t\t\t25\t\t24\n";
    FormRecord r = read(text);
    assertEquals(2, r.indicators().size());
    Indicator a = r.indicators().get(0);
    assertEquals("养护里程", a.name());
    assertEquals("≥266公里", a.targetText());
    assertEquals("260公里", a.actualText());
    assertEquals(0, new BigDecimal("12.5").compareTo(a.weight()));
    assertEquals(0, new BigDecimal("11.5").compareTo(a.score()));
    assertEquals("雨季停工", a.deviationReason());
    Indicator b = r.indicators().get(1);
    assertEquals("时效指标", b.level2());
    assertEquals(0, new BigDecimal("12.5").compareTo(b.score()));
    assertEquals(null, b.deviationReason());
  }

  @Test
  void rowShiftedLeftOfItsHeaderIsReadFromItsScoreCell() {
    // the header's first cell spans the first-level column; the row starts under 一级指标
    String text = "2023年度项目支出绩效自评表\n"
        + "项目名称\t安可替代补助\n"
        + "绩效指标(90分)\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t得分"
        + "\t未完成原因分析\n"
        + "产出指标\t经济成本指标\t成本控制数\t≤\t30\t万元\t完成\t90\t90\n"
        + "总分\t\t\t\t\t\t\t\t90\t90\n";
    Indicator a = read(text).indicators().get(0);
    assertEquals("产出指标", a.level1());
    assertEquals("经济成本指标", a.level2());
    assertEquals("成本控制数", a.name());
    assertEquals("≤30万元", a.targetText());
    assertEquals("完成", a.actualText());
  }

  @Test
  void placeholderRowsAreSkippedWithoutWarnings() {
    String text = "2022年度项目支出绩效自评表\n"
        + "项目名称\t农村饮水安全\n"
        + "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        + "产出指标\t数量指标\t供水人口\t≥3000人\t3100人\t60\t60\n"
        + "\t\t指标2:\t\t\t\t\n"
        + "\t\t……\t……\t……\t\t\n"
        + "\t质量指标\t-\t-\t-\t\t\n"
        + "\t\t/\t/\t/\t\t\n"
        + "效益指标\t社会效益指标\t群众饮水条件改善\t改善\t改善\t30\t30\n"
        + "总分\t\t\t\t\t90\t90\n";
    FormRecord r = read(text);
    assertEquals(2, r.indicators().size());
    assertEquals("效益指标", r.indicators().get(1).level1());
    assertEquals("社会效益指标", r.indicators().get(1).level2());
    assertTrue(!warned(r, "ROW_NOT_UNDERSTOOD"), r.warnings().toString());
  }

  @Test
  void firstLevelPrintedOnlyAsPointsTakesItsNameFromTheFramework() {
    String text = "2022年度项目支出绩效自评表\n"
        + "项目名称\t农村饮水安全\n"
        + "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        + "(60分)\t数量指标\t供水人口\t≥3000人\t3100人\t60\t60\n"
        + "(30分)\t社会效益指标\t群众饮水条件改善\t改善\t改善\t30\t30\n"
        + "总分\t\t\t\t\t90\t90\n";
    FormRecord r = read(text);
    Indicator a = r.indicators().get(0);
    assertEquals("产出指标", a.level1());
    assertEquals(0, new BigDecimal("60").compareTo(a.level1Weight()));
    assertEquals("数量指标", a.level2());
    Indicator b = r.indicators().get(1);
    assertEquals("效益指标", b.level1());
    assertEquals(0, new BigDecimal("30").compareTo(b.level1Weight()));
    assertTrue(warned(r, "LEVEL1_FROM_LEVEL2"));
  }

  /**
   * Dev-set file 16's lines (a web table as pipe rows): the indicator header over two rows, 分值
   * before 年度指标值, each 一级指标 on a line of its own, breakdown rows without 分值 or 得分.
   */
  @Test
  void twoRowHeaderWithWeightBeforeTargetIsReadByTheHeader() {
    String text = "绩效目标自评表 | ||||||||||\n"
        + "(2023年度) | ||||||||||\n"
        + "项目名称 | 河西村特色种养补贴到户项目 | 项目负责人及电话 | 张三13800000000 | |||||||\n"
        + "主管部门 | 县农业农村局 | 实施单位 | 张庄寨镇人民政府 | |||||||\n"
        + "绩效指标 | 一级 指标 |\n"
        + "二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施 | ||\n"
        + "产 出 指 标 (50分) |\n"
        + "数量指标 | ★补助各类瓜果蔬菜种植面积 | 20 | 29.5亩 | 29.5亩 | 20 | ||||\n"
        + "其中桃树种植面积 | 1.5亩 | 1.5亩 | ||||||||\n"
        + "★补助鱼塘面积 | 10 | 3亩 | 3亩 | 10 | ||||||\n"
        + "效 益 指 标 (30分) |\n"
        + "经济效益 指标 |\n"
        + "特色产业带动增加受益农户收入(总收入) | 20 | ≥11.376万元 | 12万元 | 20 | ||||||\n";
    FormRecord r = read(text);
    assertEquals(3, r.indicators().size());
    Indicator a = r.indicators().get(0);
    assertEquals("产出指标", a.level1());
    assertEquals(0, new BigDecimal("50").compareTo(a.level1Weight()));
    assertEquals("数量指标", a.level2());
    assertEquals("★补助各类瓜果蔬菜种植面积", a.name());
    assertEquals("29.5亩", a.targetText());
    assertEquals("29.5亩", a.actualText());
    assertEquals(0, new BigDecimal("20").compareTo(a.weight()));
    assertEquals(0, new BigDecimal("20").compareTo(a.score()));
    Indicator b = r.indicators().get(1);
    assertEquals("数量指标", b.level2());
    assertEquals("★补助鱼塘面积", b.name());
    assertEquals("3亩", b.targetText());
    assertEquals(0, BigDecimal.TEN.compareTo(b.weight()));
    Indicator c = r.indicators().get(2);
    assertEquals("效益指标", c.level1());
    assertEquals("经济效益指标", c.level2());
    assertEquals("≥11.376万元", c.targetText());
    assertEquals("12万元", c.actualText());
    assertEquals(0, new BigDecimal("20").compareTo(c.score()));
  }
}
