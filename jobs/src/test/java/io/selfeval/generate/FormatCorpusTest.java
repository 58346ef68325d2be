package io.selfeval.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.evaluate.FieldScorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A generated corpus written in every format (.txt in a drawn layout, .docx, .xlsx, .xls,
 * .html), read back by the extractor and scored field by field against the manifest: each
 * format at least 97 % right, at most 0.1 % of its fields read with a wrong value.
 */
class FormatCorpusTest {

  private static final Logger LOG = LoggerFactory.getLogger(FormatCorpusTest.class);

  @Test
  void everyFormatIsReadRightWithoutWrongNumbers(@TempDir Path tmp) throws Exception {
    CorpusGenerator.Result r = new CorpusGenerator(
        new CorpusGenerator.Settings(40, 2, 2021, 23, null, true, true)).write(tmp);
    JsonNode m = new ObjectMapper().readTree(r.manifest().toFile());
    Map<String, Integer> perFormat = new HashMap<>();
    for (JsonNode d : m.get("documents")) {
      String format = d.get("format").asText();
      assertTrue(d.get("file").asText().endsWith("." + format), d.get("file").asText());
      perFormat.merge(format, 1, Integer::sum);
    }
    assertEquals(CorpusGenerator.FORMATS.size(), perFormat.size(), "formats: " + perFormat);
    FieldScorer s = FieldScorer.score(r.manifest());
    String table = String.join("\n", s.describe());
    LOG.info("field accuracy per format:\n{}", table);
    for (String format : List.of("docx", "xlsx", "xls", "html")) {
      assertTrue(s.fields(format) > 500, format + " fields: " + s.fields(format));
      assertTrue(s.accuracy(format) >= 0.97, format + "\n" + table);
      assertTrue(s.wrongShare(format) <= 0.001, format + "\n" + table);
    }
  }

  @Test
  void workbookStoresNumbersAsNumbersAndRatesAsPercent(@TempDir Path tmp) throws Exception {
    CorpusGenerator.Result r = new CorpusGenerator(
        new CorpusGenerator.Settings(12, 1, 2021, 23, null, true, true)).write(tmp);
    JsonNode m = new ObjectMapper().readTree(r.manifest().toFile());
    JsonNode doc = null;
    for (JsonNode d : m.get("documents")) {
      if (d.get("format").asText().equals("xlsx")) {
        doc = d;
        break;
      }
    }
    assertTrue(doc != null, "no xlsx drawn");
    JsonNode fields = doc.get("forms").get(0).get("fields");
    try (Workbook wb = WorkbookFactory.create(Files.newInputStream(
        tmp.resolve("reports").resolve(doc.get("file").asText())))) {
      Sheet form = wb.getSheet("附件1");
      // row 0 title, 1 部门名称, 2 资金 header, 3 合计: 全年预算数 in column D, 执行率 in G
      Cell adjusted = form.getRow(3).getCell(3);
      assertEquals(CellType.NUMERIC, adjusted.getCellType());
      assertEquals(fields.get("adjusted").decimalValue().doubleValue(),
          adjusted.getNumericCellValue(), 1e-9);
      Cell rate = form.getRow(3).getCell(6);
      assertEquals(CellType.NUMERIC, rate.getCellType());
      assertEquals(fields.get("rate").decimalValue().doubleValue(), rate.getNumericCellValue(),
          1e-9);
      assertTrue(rate.getCellStyle().getDataFormatString().contains("%"));
      assertTrue(form.getMergedRegions().size() >= 5, "merged: " + form.getMergedRegions());
    }
  }
}
