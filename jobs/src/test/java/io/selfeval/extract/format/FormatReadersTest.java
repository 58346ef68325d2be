package io.selfeval.extract.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.extract.ReportExtractor;
import io.selfeval.model.FormRecord;
import io.selfeval.model.Indicator;
import io.selfeval.model.LineLocation;
import io.selfeval.model.RecordValidator;
import io.selfeval.model.Records;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each format's rendering of {@link SampleForm} read through the whole extractor: the values
 * below were written by reading the form, not by running the readers.
 */
class FormatReadersTest {

  @Test
  void docxFormIsReadWithItsMergedCells() throws Exception {
    FormRecord r = only(ReportExtractor.extract(SampleWriters.docx(), "a/自评.docx"));
    assertSampleValues(r);
    assertEquals("docx", r.source().encoding());
    assertEquals("docx", r.source().format());
    // 保洁道路面积 is the table's 9th row
    assertEquals("table 1 row 9", locationOf(r, r.indicators().get(0).line()));
  }

  @Test
  void xlsxFormIsReadWithNumbersAsStored() throws Exception {
    FormRecord r = only(ReportExtractor.extract(SampleWriters.xlsx(), "自评.xlsx"));
    assertSampleValues(r);
    assertTrue(codes(r).contains("HIDDEN_SHEET"), r.warnings().toString());
    // the title is on row 1, the form from row 2, column B; 保洁道路面积 on row 10, 合计 on 4
    assertEquals("自评表!B10:J10", locationOf(r, r.indicators().get(0).line()));
    assertEquals("自评表!B4:J4", locationOf(r, r.budget().initial().line()));
  }

  @Test
  void xlsFormIsReadLikeXlsx() throws Exception {
    FormRecord r = only(ReportExtractor.extract(SampleWriters.xls(), "自评.xls"));
    assertSampleValues(r);
  }

  @Test
  void htmlFormIsReadInItsDeclaredCharset() throws Exception {
    byte[] gbk = SampleForm.html().getBytes(Charset.forName("GBK"));
    ReportExtractor.Result result = ReportExtractor.extract(gbk, "page.htm");
    FormRecord r = only(result);
    assertSampleValues(r);
    assertEquals("GB18030", result.encoding());
    assertEquals("table 1 row 11", locationOf(r, r.indicators().get(2).line()));
  }

  @Test
  void formatNamedWronglyIsReadByContentWithWarning() throws Exception {
    FormRecord r = only(ReportExtractor.extract(SampleWriters.docx(), "自评.pdf"));
    assertSampleValues(r);
    assertTrue(codes(r).contains("EXTENSION_MISMATCH"), r.warnings().toString());
  }

  static FormRecord only(ReportExtractor.Result result) {
    assertNotNull(result.records(), result.reason());
    assertEquals(1, result.records().size(), result.status() + ": " + result.reason());
    return result.records().get(0);
  }

  /** The form's values, read off {@link SampleForm} by hand. */
  static void assertSampleValues(FormRecord r) {
    assertSampleFigures(r);
    List<Indicator> ind = r.indicators();
    assertEquals(List.of("≥120万平方米", "≥95%", "≥90%"),
        ind.stream().map(Indicator::targetText).toList());
    assertEquals(List.of("125万平方米", "93%", "92%"),
        ind.stream().map(Indicator::actualText).toList());
  }

  /**
   * All but the indicators' target and actual texts, where OCR misreads symbols (≥ as >): the
   * names, the levels, every figure, and no personal data.
   */
  static void assertSampleFigures(FormRecord r) {
    assertEquals("unit", r.formKind());
    assertEquals("长沙市示范管理局", r.unitName());
    assertEquals(2023, r.fiscalYear());
    assertNumber("500.00", r.budget().initial().value());
    assertNumber("520.00", r.budget().adjusted().value());
    assertNumber("507.00", r.budget().executed().value());
    assertNumber("10", r.budget().weight().value());
    assertNumber("0.975", r.budget().reportedRate().value());
    assertNumber("9.75", r.budget().reportedScore().value());
    assertEquals("完成全市主次干道保洁任务", r.goals().targetText());
    assertEquals("已全面完成", r.goals().actualText());
    List<Indicator> ind = r.indicators();
    assertEquals(3, ind.size(), ind.toString());
    assertIndicator(ind.get(0), "产出指标", "数量指标", "保洁道路面积", "20", "20");
    assertIndicator(ind.get(1), "产出指标", "质量指标", "保洁达标率", "20", "18");
    assertEquals("个别路段雨季积水", ind.get(1).deviationReason());
    assertIndicator(ind.get(2), "满意度指标", "服务对象满意度指标", "群众满意度", "10", "10");
    assertNumber("58.75", r.reportedTotal().value());
    String json = Records.toJson(r);
    assertEquals(List.of(), new RecordValidator().validate(json), "schema 1.1");
    for (String personal : List.of("张三", "13812345678", "李四", "王五")) {
      assertFalse(json.contains(personal), personal + " reached the record: " + json);
    }
  }

  private static void assertIndicator(Indicator i, String level1, String level2, String name,
      String weight, String score) {
    String at = i.toString();
    assertEquals(level1, i.level1(), at);
    assertEquals(level2, i.level2(), at);
    assertEquals(name, i.name(), at);
    assertNumber(weight, i.weight());
    assertNumber(score, i.score());
  }

  static void assertNumber(String expected, BigDecimal actual) {
    assertNotNull(actual, "expected " + expected);
    assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " vs " + actual);
  }

  static String locationOf(FormRecord r, int line) {
    assertNotNull(r.source().locations(), "no locations");
    return r.source().locations().stream().filter(l -> l.line() == line)
        .map(LineLocation::location).findFirst().orElse(null);
  }

  static List<String> codes(FormRecord r) {
    return r.warnings().stream().map(w -> w.code()).toList();
  }
}
