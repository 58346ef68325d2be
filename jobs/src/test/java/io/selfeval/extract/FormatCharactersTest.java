package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.selfeval.model.FormRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Zero-width and other format characters inside header words and amounts change nothing: the
 * budget block is read as in the clean report, with no more warnings.
 */
class FormatCharactersTest {

  @Test
  void zeroWidthCharactersInHeaderWordsAndAmountsAreIgnored() {
    String clean = Seeds.text("001_b0594b0c6d3b86f7.txt");
    // seed 001, line 99: the budget header; line 100: 合计 1064.54 1112.67 1112.67 (万元)
    String hidden = clean.replace("\t年初预算数\t", "\t年\u200b初预算数\t")
        .replace("\t全年执行数\t", "\t全年\u2060执行\uFEFF数\t")
        .replace("\t1064.54\t", "\t1064\u200b.54\t")
        .replace("\t1112.67\t10\t", "\t1\u200d112.67\t10\t");
    ReportExtractor.Result cleanResult =
        ReportExtractor.extract(clean.getBytes(StandardCharsets.UTF_8), "a.txt");
    FormRecord before = cleanResult.records().get(0);
    ReportExtractor.Result result = ReportExtractor.extract(
        hidden.getBytes(StandardCharsets.UTF_8), "a.txt");
    FormRecord after = result.records().get(0);
    assertEquals(0, new BigDecimal("1064.54").compareTo(after.budget().initial().value()));
    assertEquals(0, new BigDecimal("1112.67").compareTo(after.budget().executed().value()));
    assertEquals(before.budget(), after.budget());
    assertEquals(before.warnings(), after.warnings());
    assertEquals(cleanResult.status(), result.status());
  }
}
