package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.FormRecord;
import io.selfeval.model.Indicator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Indicator rows with no header above them: an excerpt or a page that starts mid-table. */
class HeaderlessRowsTest {

  /** A form after the tail, whose title names the kind of the document's forms. */
  private static final String NEXT_FORM = "\n2023年度项目支出绩效自评表\n项目名称\t乡村医生培训\n";

  private static List<FormRecord> read(String text) {
    return ReportExtractor.extract(text.getBytes(StandardCharsets.UTF_8), "t.txt").records();
  }

  /** Levels, name, target, actual, 分值 and 得分 of a row, numbers as plain text. */
  private static void assertRow(Indicator x, String... expected) {
    assertEquals(Arrays.asList(expected), Arrays.asList(x.level1(), x.level2(), x.name(),
        x.targetText(), x.actualText(), plain(x.weight()), plain(x.score())));
  }

  private static String plain(BigDecimal v) {
    return v == null ? null : v.stripTrailingZeros().toPlainString();
  }

  private static boolean warned(FormRecord r, String code) {
    return r.warnings().stream().anyMatch(w -> w.code().equals(code));
  }

  @Test
  void pipeRowsOfTailAreReadByTheirShape() {
    String text = "培训覆盖率 | = | 100 | % | 100 | 10 | 9 |\n"
        + "| |||\n"
        + "社会效益指标 | 群众知晓程度 | 定性 | 较高 |\n"
        + "| 较高 | 10 | 10 |\n"
        + "满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥ | 90 | % | 92 | 10 | 8 | 个别学员反映课时偏少 |\n"
        + "学员家长满意度 | ≥ | 85 | % | 88 | 10 | 10 |\n"
        + "合计 | 100 | 96 |\n"
        + "\n"
        + "部门预算项目支出绩效自评表(2023年度) |\n"
        + "项目名称 | 乡村医生培训 |\n";
    FormRecord tail = read(text).get(0);
    assertEquals("project", tail.formKind());
    assertTrue(warned(tail, "HEADERLESS_ROWS"));
    assertEquals(new BigDecimal("96"), tail.reportedTotal().value());
    assertEquals(new BigDecimal("100"), tail.reportedTotalWeight().value());
    List<Indicator> rows = tail.indicators();
    assertEquals(4, rows.size());
    assertRow(rows.get(0), null, null, "培训覆盖率", "=100%", "100", "10", "9");
    // wrapped over two lines, a 指标性质 cell before its target
    assertRow(rows.get(1), null, "社会效益指标", "群众知晓程度", "较高", "较高", "10", "10");
    assertRow(rows.get(2), "满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "92", "10", "8");
    assertEquals("个别学员反映课时偏少", rows.get(2).deviationReason());
    // merged level cells: the row above's
    assertRow(rows.get(3), "满意度指标", "服务对象满意度指标", "学员家长满意度", "≥85%", "88", "10",
        "10");
  }

  @Test
  void rowWhoseTwoNumbersFitTwoReadingsIsLeftOut() {
    // 发放标准's 20 | 20: 分值 and 得分, or 实际完成值 and 分值 with 得分 blank
    String text = "续表\n"
        + "产出指标\t数量指标\t发放人数\t≥120人\t130人\t20\t20\n"
        + "\t\t发放标准\t≥300元/人\t20\t20\n"
        + "\t质量指标\t发放准确率\t=100%\t100%\t20\t18\n"
        + "合计\t100\t95\n";
    FormRecord r = read(text + NEXT_FORM).get(0);
    assertTrue(warned(r, "HEADERLESS_ROW_AMBIGUOUS"));
    assertEquals(2, r.indicators().size());
    assertRow(r.indicators().get(0), "产出指标", "数量指标", "发放人数", "≥120人", "130人", "20",
        "20");
    assertRow(r.indicators().get(1), "产出指标", "质量指标", "发放准确率", "=100%", "100%", "20",
        "18");
  }

  @Test
  void textTargetIsReadWhereTheTableRowsFixTheColumns() {
    // two rows with a one-cell target after the name fix name | target | actual | 分值 | 得分
    String rows = "\t效益指标 (20分)\t社会效益指标\t培训覆盖人数\t≥300人次\t320人次\t10\t10\t\n"
        + "\t\t\t政策知晓率\t≥90%\t86%\t5\t4\t宣传不足\n"
        + "\t\t\t服务水平\t明显提升\t效果显著\t5\t5\t\n"
        + "总分\t\t\t\t\t100\t93\t等级：优\t\n";
    FormRecord r = read(rows + NEXT_FORM).get(0);
    assertEquals(3, r.indicators().size());
    assertRow(r.indicators().get(1), "效益指标", "社会效益指标", "政策知晓率", "≥90%", "86%", "5", "4");
    assertRow(r.indicators().get(2), "效益指标", "社会效益指标", "服务水平", "明显提升", "效果显著", "5",
        "5");
    assertEquals("优", r.reportedGrade().value());
    // a target split over cells leaves the columns unsettled: the text row is left out
    FormRecord split = read(rows.replace("≥90%", "≥\t90\t%") + NEXT_FORM).get(0);
    assertEquals(2, split.indicators().size());
    assertEquals("政策知晓率", split.indicators().get(1).name());
  }

  @Test
  void rowsAddingUpToMoreThanTheTotalRowKeepNoNumbers() {
    FormRecord r = read("效益指标\t社会效益指标\t受益群众人数\t≥5000人\t5200人\t30\t30\n"
        + "\t\t群众满意度\t≥90%\t95%\t30\t28\n合计\t50\t48\n" + NEXT_FORM).get(0);
    assertTrue(warned(r, "HEADERLESS_SUMS_DISAGREE"));
    assertRow(r.indicators().get(1), "效益指标", "社会效益指标", "群众满意度", "≥90%", "95%", null,
        null);
    assertNull(r.indicators().get(0).weight());
  }

  @Test
  void rowsWithoutAnyLevelNameAreNotTakenForTail() {
    String text = "受益群众人数\t≥5000人\t5200人\t30\t30\n"
        + "群众满意度\t≥90%\t95%\t30\t28\n"
        + "合计\t100\t98\n"
        + NEXT_FORM;
    for (FormRecord r : read(text)) {
      assertTrue(r.indicators().isEmpty());
    }
  }

  @Test
  void fragmentWhoseDocumentNamesNoKindOfFormIsNotRead() {
    // the same rows as a tail, but no title anywhere says whether they end a 项目 or 整体 form
    String text = "产出指标\t数量指标\t发放人数\t≥120人\t130人\t20\t20\n"
        + "\t质量指标\t发放准确率\t=100%\t100%\t20\t18\n"
        + "合计\t100\t95\n";
    for (FormRecord r : read(text)) {
      assertTrue(r.indicators().isEmpty());
    }
  }
}
