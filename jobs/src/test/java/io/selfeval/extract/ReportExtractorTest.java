package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.FormRecord;
import io.selfeval.model.Indicator;
import io.selfeval.model.Records;
import io.selfeval.model.Warning;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportExtractorTest {

  private static final String SEED_001 = "001_b0594b0c6d3b86f7.txt";
  private static final String SEED_003 = "003_8a9d7d315562be05.txt";

  private static ReportExtractor.Result extract(String text) {
    return ReportExtractor.extract(text.getBytes(StandardCharsets.UTF_8), "t.txt");
  }

  private static List<String> codes(FormRecord r) {
    return r.warnings().stream().map(Warning::code).toList();
  }

  @Test
  void everyEncodingGivesTheSameRecordsAsUtf8() {
    final String text = Seeds.text(SEED_001);
    final FormRecord utf8 = extract(text).records().get(0);
    ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
    utf16.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
    utf16.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
    ByteArrayOutputStream bom = new ByteArrayOutputStream();
    bom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bom.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    for (byte[] bytes : List.of(text.getBytes(Charset.forName("GB18030")),
        text.getBytes(Charset.forName("GBK")), utf16.toByteArray(), bom.toByteArray())) {
      FormRecord other = ReportExtractor.extract(bytes, "t.txt").records().get(0);
      assertEquals(utf8.indicators(), other.indicators());
      assertEquals(utf8.budget(), other.budget());
      assertEquals(utf8.reportedTotal(), other.reportedTotal());
      assertEquals(utf8.facts(), other.facts());
      assertNotEquals("UTF-8", other.source().encoding());
    }
  }

  @Test
  void documentCutOffInsideTableKeepsWhatItReadAndWarns() {
    // seed 003 up to line 420: the unit form stops after its 可持续影响指标 row's name
    ReportExtractor.Result result = extract(Seeds.lines(SEED_003, 1, 420));
    assertEquals(ReportExtractor.Status.PARSED_WITH_WARNINGS, result.status());
    FormRecord unit = result.records().get(0);
    assertEquals("unit", unit.formKind());
    assertEquals(14, unit.indicators().size());
    assertEquals("是否对改善生态环境起到一定作用", unit.indicators().get(13).name());
    assertNull(unit.reportedTotal());
    assertTrue(codes(unit).contains("TRUNCATED_TABLE"), unit.warnings().toString());
    assertEquals(new BigDecimal("1627.57"), unit.budget().executed().value());
  }

  @Test
  void emptyAndBinaryFilesAreRejectedWithReason() {
    ReportExtractor.Result empty = ReportExtractor.extract(new byte[0], "empty.txt");
    assertEquals(ReportExtractor.Status.REJECTED, empty.status());
    assertEquals("empty file (0 bytes)", empty.reason());
    assertTrue(empty.records().isEmpty());

    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D};
    ReportExtractor.Result binary = ReportExtractor.extract(png, "image.txt");
    assertEquals(ReportExtractor.Status.REJECTED, binary.status());
    // recognised by its magic bytes, whatever its name says
    assertTrue(binary.reason().startsWith("image file (PNG)"), binary.reason());
    assertEquals(Records.sha256Hex(png), binary.sha256());
  }

  @Test
  void textWithNothingToReadIsRejected() {
    ReportExtractor.Result r = extract("这是一封与预算无关的通知。\n请各单位按时参加会议。\n");
    assertEquals(ReportExtractor.Status.REJECTED, r.status());
    assertTrue(r.reason().startsWith("no self-evaluation form"), r.reason());
  }

  @Test
  void twoFormsForTheSameProjectAreBothKeptAndFlagged() {
    String form = Seeds.lines(SEED_003, 479, 725);
    ReportExtractor.Result r = extract(form + form);
    assertEquals(2, r.records().size());
    FormRecord first = r.records().get(0);
    FormRecord second = r.records().get(1);
    assertEquals("协管员经费", first.projectName());
    assertEquals("协管员经费", second.projectName());
    int shift = 725 - 479 + 1;
    assertEquals(first.source().lineStart() + shift, second.source().lineStart());
    assertEquals(first.indicators().size(), second.indicators().size());
    for (int i = 0; i < first.indicators().size(); i++) {
      Indicator a = first.indicators().get(i);
      Indicator b = second.indicators().get(i);
      assertEquals(a.name(), b.name());
      assertEquals(a.score(), b.score());
      assertEquals(a.line() + shift, b.line());
    }
    assertNotEquals(first.recordId(), second.recordId());
    assertEquals(0, first.source().formIndex());
    assertEquals(1, second.source().formIndex());
    assertFalse(codes(first).contains("DUPLICATE_PROJECT"));
    assertTrue(codes(second).contains("DUPLICATE_PROJECT"), second.warnings().toString());
  }

  @Test
  void recordsAndIdsAreTheSameOnEveryRun() {
    byte[] bytes = Seeds.bytes(SEED_003);
    List<String> once = ReportExtractor.extract(bytes, SEED_003).records().stream()
        .map(Records::toJson).toList();
    List<String> twice = ReportExtractor.extract(bytes, SEED_003).records().stream()
        .map(Records::toJson).toList();
    assertEquals(once, twice);
    assertEquals(Records.recordId(Records.sha256Hex(bytes), 3),
        Records.fromJson(once.get(3)).recordId());
  }

  @Test
  void amountsInYuanFullWidthDigitsAndThousandsSeparatorsAreReadAndKeptAsPrinted() {
    String text = "2022年度项目支出绩效自评表\n"
        + "项目支出名称\t路灯维护\t\t\t\t\t\t\n"
        + "项目资金（元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        + "\t年度资金总额\t215,457.6\t300,000\t２９９，０００\t10\t99.67%\t９．９７\n"
        + "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
        + "\t产出指标（50分）\t数量指标\t路灯修复\t≥100盏\t１２０盏\t50\t50\t\n"
        + "总分\t\t\t\t\t\t100\t５９．９７\t\n";
    FormRecord r = extract(text).records().get(0);
    assertEquals("元", r.budget().amountUnit());
    assertEquals(new BigDecimal("215457.6"), r.budget().initial().value());
    assertEquals("215,457.6", r.budget().initial().text());
    assertEquals(new BigDecimal("299000"), r.budget().executed().value());
    assertEquals("２９９，０００", r.budget().executed().text());
    assertEquals(new BigDecimal("9.97"), r.budget().reportedScore().value());
    assertEquals("９．９７", r.budget().reportedScore().text());
    assertEquals(new BigDecimal("0.9967"), r.budget().reportedRate().value());
    Indicator i = r.indicators().get(0);
    assertEquals("１２０盏", i.actualText());
    assertEquals("产出指标", i.level1());
    assertEquals(new BigDecimal("50"), i.level1Weight());
    assertEquals(new BigDecimal("59.97"), r.reportedTotal().value());
    assertEquals(2022, r.fiscalYear());
  }

  @Test
  void loneZeroInTheReasonColumnIsNoScore() {
    // the 路灯修复 row prints 50 | 50 and a stray 0 under 偏差原因分析及改进措施: 分值 50, 得分 50,
    // 实际完成值 120盏, no reason (read as the score, the 0 would make 分值 50 → 得分 0)
    String text = "2022年度项目支出绩效自评表\n"
        + "项目支出名称\t路灯维护\t\t\t\t\t\t\n"
        + "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        + "\t年度资金总额\t30\t30\t24\t10\t80%\t8\n"
        + "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
        + "\t产出指标\t数量指标\t路灯修复\t≥100盏\t120盏\t50\t50\t0\n"
        + "\t效益指标\t社会效益\t夜间出行\t改善\t改善\t40\t40\t\n"
        + "总分\t\t\t\t\t\t100\t98\t\n";
    FormRecord r = extract(text).records().get(0);
    Indicator i = r.indicators().get(0);
    assertEquals("120盏", i.actualText());
    assertEquals(new BigDecimal("50"), i.weight());
    assertEquals(new BigDecimal("50"), i.score());
    assertEquals(null, i.deviationReason());
    assertEquals(1, r.warnings().stream()
        .filter(w -> w.code().equals("STRAY_ZERO_REASON") && w.line() == 6).count(),
        r.warnings().toString());
  }

  @Test
  void amountUnitPrintedWithOcrWuIsReadAsYuanWithWarning() {
    // OCR read 元 as 兀 in the budget header: 项目资金（兀） is 元, so 300,000 is 30 万元 and
    // not 300 000 万元; 万兀 is 万元. Each with an OCR_CORRECTED warning on the header's line.
    String yuan = "2022年度项目支出绩效自评表\n"
        + "项目支出名称\t路灯维护\t\t\t\t\t\t\n"
        + "项目资金（兀）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        + "\t年度资金总额\t300,000\t300,000\t240,000\t10\t80%\t8\n"
        + "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
        + "\t产出指标（90分）\t数量指标\t路灯修复\t≥100盏\t120盏\t90\t90\t\n"
        + "总分\t\t\t\t\t\t100\t98\t\n";
    FormRecord r = extract(yuan).records().get(0);
    assertEquals("元", r.budget().amountUnit());
    assertEquals(new BigDecimal("300000"), r.budget().adjusted().value());
    assertEquals(1, r.warnings().stream().filter(w -> w.code().equals("OCR_CORRECTED")
        && w.line() == 3 && w.message().contains("兀")).count(), r.warnings().toString());
    FormRecord wan = extract(yuan.replace("项目资金（兀）", "项目资金（万兀）")).records().get(0);
    assertEquals("万元", wan.budget().amountUnit());
    FormRecord clean = extract(yuan.replace("项目资金（兀）", "项目资金（元）")).records().get(0);
    assertEquals("元", clean.budget().amountUnit());
    assertEquals(0, clean.warnings().stream()
        .filter(w -> w.code().equals("OCR_CORRECTED")).count());
  }

  @Test
  void pipeTableIsReadAndTableFlattenedIntoOneLineIsNotGuessed() {
    // a pipe table (from a PDF converter) is read; a table flattened into one line with single
    // spaces has no cell boundaries and stays prose
    String text = "2023年度某某区城市管理局部门整体支出绩效自评报告\n"
        + "一、基本情况\n"
        + "2023年预算资金1,200.50万元，年初预算1000万元。\n"
        + "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
        + "| 产出指标 | 数量指标 | 巡查次数 | ≥100次 | 120次 | 10 | 10 |\n"
        + "一级指标 二级指标 三级指标 产出指标 数量指标 执法案件 ≥100件 120件 10 10 总分 100 98\n";
    ReportExtractor.Result r = extract(text);
    assertEquals(1, r.records().size());
    FormRecord record = r.records().get(0);
    assertTrue(record.hasScoreTable());
    assertEquals(1, record.indicators().size());
    Indicator i = record.indicators().get(0);
    assertEquals("产出指标", i.level1());
    assertEquals("数量指标", i.level2());
    assertEquals("巡查次数", i.name());
    assertEquals("≥100次", i.targetText());
    assertEquals("120次", i.actualText());
    assertEquals(new BigDecimal("10"), i.weight());
    assertEquals(new BigDecimal("10"), i.score());
    assertEquals(5, i.line());
    assertNull(record.reportedTotal());
    assertEquals(2023, record.fiscalYear());
    assertEquals("某某区城市管理局", record.unitName());
    assertTrue(record.facts().stream().anyMatch(f -> f.key().equals("initial_budget")
        && f.value().compareTo(new BigDecimal("1000")) == 0 && f.line() == 3));
  }

  @Test
  void personalDataNeverReachesRecord() {
    for (String seed : Seeds.NAMES) {
      for (FormRecord r : ReportExtractor.extract(Seeds.bytes(seed), seed).records()) {
        String json = Records.toJson(r);
        assertFalse(json.contains("13800138000"), seed);
        assertFalse(json.contains("李华"), seed);
      }
    }
  }

  @Test
  void problemSentenceMentioningPlansIsNotTheImprovementsHeading() {
    // found by the generated corpus: "…工作计划…" in a listed problem used to end the section
    String text = "2023年度某某区城市管理局部门整体支出绩效自评报告\n"
        + "四、存在的问题及下一步改进措施\n"
        + "（一）存在的问题\n"
        + "1.部分资金拨付进度偏慢；2.绩效目标与年度工作计划衔接不够紧密。\n"
        + "（二）改进的措施\n"
        + "进一步加强预算绩效管理。\n";
    FormRecord record = extract(text).records().get(0);
    assertTrue(record.narrative().hasProblems());
    assertEquals("1.部分资金拨付进度偏慢；2.绩效目标与年度工作计划衔接不够紧密。",
        record.narrative().problemsSection());
    assertEquals(3, record.narrative().problemsLine());
  }

  // The cases below were found by the bad-input corpus (test resources bad-inputs/).

  @Test
  void cellsBeyondTheHeaderAreNotTheDeviationReasonAndAreReported() {
    String[] lines = Seeds.text(SEED_001).split("\n", -1);
    lines[106] = lines[106] + "\t见附表3\t已整改"; // line 107, 执法案件: 10 of 10 points
    FormRecord r = extract(String.join("\n", lines)).records().get(0);
    Indicator cases = r.indicators().get(0);
    assertEquals("执法案件", cases.name());
    assertNull(cases.deviationReason(), "full marks, no reason printed");
    Warning w = r.warnings().get(0);
    assertEquals("EXTRA_CELLS", w.code());
    assertEquals(107, w.line());
    assertTrue(w.message().endsWith("见附表3 | 已整改"), w.message());
    // seed 001's 满意度 row starts one cell left of the header: its empty cells stay quiet
    assertEquals(List.of("EXTRA_CELLS"), codes(r));
  }

  @Test
  void budgetCellThatIsNoNumberKeepsItsTextAndWarns() {
    String[] lines = Seeds.text(SEED_001).split("\n", -1);
    lines[99] = "\t合计\t1,064.54\t1,112.67\t1,2,3\t10\t100%\t10\t";
    FormRecord r = extract(String.join("\n", lines)).records().get(0);
    assertEquals(new BigDecimal("1064.54"), r.budget().initial().value());
    assertNull(r.budget().executed().value());
    assertEquals("1,2,3", r.budget().executed().text());
    assertEquals(List.of("NUMBER_UNREADABLE"), codes(r));
    assertEquals(100, r.warnings().get(0).line());
  }

  @Test
  void repairedTextReadsLikeTheOriginalAndSaysWhatWasRepaired() {
    String text = Seeds.text(SEED_001);
    final FormRecord utf8 = extract(text).records().get(0);
    int form = text.indexOf("2021年度部门整体支出绩效自评表");
    ByteArrayOutputStream mixed = new ByteArrayOutputStream();
    mixed.writeBytes(text.substring(0, form).getBytes(StandardCharsets.UTF_8));
    mixed.writeBytes(text.substring(form).getBytes(Charset.forName("GBK")));
    ReportExtractor.Result r = ReportExtractor.extract(mixed.toByteArray(), "mixed.txt");
    assertEquals(ReportExtractor.Status.PARSED_WITH_WARNINGS, r.status());
    FormRecord record = r.records().get(0);
    assertEquals(utf8.indicators(), record.indicators());
    assertEquals(utf8.budget(), record.budget());
    assertEquals(List.of("MIXED_ENCODING"), codes(record));
    assertEquals(96, record.warnings().get(0).line());
  }
}
