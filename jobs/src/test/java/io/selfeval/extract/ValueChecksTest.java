package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.FormRecord;
import io.selfeval.model.Warning;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values beyond what the tables hold or past belief are said, never silently stored or lost. */
class ValueChecksTest {

  /** Seed 001's unit form budget row (line 100): 合计, 1064.54, 1112.67, 1112.67, 10, 100%, 10. */
  private static final String BUDGET_ROW = "\t合计\t1064.54\t1112.67\t1112.67\t10\t100%\t10\t";

  private static ReportExtractor.Result withBudgetRow(String row) {
    String text = Seeds.text("001_b0594b0c6d3b86f7.txt");
    assertTrue(text.contains(BUDGET_ROW));
    return ReportExtractor.extract(text.replace(BUDGET_ROW, row)
        .getBytes(StandardCharsets.UTF_8), "a.txt");
  }

  private static List<String> codes(FormRecord r) {
    return r.warnings().stream().map(Warning::code).toList();
  }

  @Test
  void amountBeyondDecimal22x6IsNoValueWithWarningNotRoundedNumber() {
    ReportExtractor.Result result = withBudgetRow(
        "\t合计\t99999999999999999.999999\t1112.67\t1112.67\t10\t100%\t10\t");
    FormRecord unit = result.records().get(0);
    assertNull(unit.budget().initial().value());
    assertEquals("99999999999999999.999999", unit.budget().initial().text());
    Warning w = unit.warnings().stream().filter(x -> x.code().equals("VALUE_OUT_OF_RANGE"))
        .findFirst().orElseThrow();
    assertEquals(100, w.line());
    assertTrue(w.message().contains("budget.initial"), w.message());
    assertEquals(ReportExtractor.Status.PARSED_WITH_WARNINGS, result.status());
    // sixteen digits before the point still fit and are kept exactly
    FormRecord fits = withBudgetRow(
        "\t合计\t9999999999999999.999999\t1112.67\t1112.67\t10\t100%\t10\t").records().get(0);
    assertEquals(new BigDecimal("9999999999999999.999999"), fits.budget().initial().value());
  }

  @Test
  void negativeBudgetAndTenThousandPercentRateAreKeptWithWarnings() {
    FormRecord unit = withBudgetRow("\t合计\t1064.54\t1112.67\t-1112.67\t10\t10000%\t10\t")
        .records().get(0);
    assertEquals(new BigDecimal("-1112.67"), unit.budget().executed().value());
    assertTrue(codes(unit).contains("NEGATIVE_AMOUNT"), codes(unit).toString());
    assertTrue(codes(unit).contains("RATE_IMPLAUSIBLE"), codes(unit).toString());
  }

  @Test
  void yearTheSchemaCannotTakeIsSaidNotSilentlyDropped() {
    String text = Seeds.text("001_b0594b0c6d3b86f7.txt").replace("2021", "2999");
    FormRecord unit = ReportExtractor.extract(text.getBytes(StandardCharsets.UTF_8), "a.txt")
        .records().get(0);
    assertNull(unit.fiscalYear());
    assertTrue(codes(unit).contains("YEAR_OUT_OF_RANGE"), codes(unit).toString());
  }

  @Test
  void documentRepeatingOneFormManyTimesIsSaidToBeImplausible() {
    String form = Seeds.lines("001_b0594b0c6d3b86f7.txt", 96, 117);
    String title = "2021 年度部门整体支出绩效自评报告\n编制单位：株洲市城市管理综合行政执法支队\n";
    ReportExtractor.Result many = ReportExtractor.extract((title + form.repeat(101))
        .getBytes(StandardCharsets.UTF_8), "a.txt");
    assertEquals(101, many.records().size());
    assertTrue(codes(many.records().get(0)).contains("IMPLAUSIBLE_FORM_COUNT"),
        codes(many.records().get(0)).toString());
    ReportExtractor.Result few = ReportExtractor.extract((title + form.repeat(3))
        .getBytes(StandardCharsets.UTF_8), "a.txt");
    assertTrue(few.records().stream().noneMatch(r -> codes(r).contains("IMPLAUSIBLE_FORM_COUNT")));
  }
}
