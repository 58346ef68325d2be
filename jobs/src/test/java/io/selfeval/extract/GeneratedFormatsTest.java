package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfeval.generate.CorpusGenerator;
import io.selfeval.model.FormRecord;
import io.selfeval.model.Records;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accuracy per format on a generated corpus: every generated report saved as .docx, .xlsx and
 * .html ({@link TextRenderings}) and read back. Two measures: the manifest's truth (unit, year,
 * kind, project, reported total of each form) and agreement with the same report read as text
 * (every field of every record but line numbers and provenance).
 */
class GeneratedFormatsTest {

  private static final Logger LOG = LoggerFactory.getLogger(GeneratedFormatsTest.class);

  @TempDir
  Path tmp;

  @Test
  void everyFormatReadsTheGeneratedFormsLikeText() throws Exception {
    Path out = tmp.resolve("corpus");
    new CorpusGenerator(new CorpusGenerator.Settings(12, 2, 2022, 7, null)).write(out);
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    for (String format : List.of("docx", "xlsx", "html")) {
      int truth = 0;
      int truthRight = 0;
      int fields = 0;
      int fieldsSame = 0;
      for (JsonNode doc : manifest.get("documents")) {
        String file = doc.get("file").asText();
        byte[] text = Files.readAllBytes(out.resolve("reports").resolve(file));
        String s = new String(text, StandardCharsets.UTF_8);
        byte[] bytes = switch (format) {
          case "docx" -> TextRenderings.docx(s);
          case "xlsx" -> TextRenderings.xlsx(s);
          default -> TextRenderings.html(s).getBytes(StandardCharsets.UTF_8);
        };
        List<FormRecord> asText = ReportExtractor.extract(text, file).records();
        List<FormRecord> read = ReportExtractor.extract(bytes, file + "." + format).records();
        JsonNode forms = doc.get("forms");
        for (int i = 0; i < forms.size(); i++) {
          FormRecord r = i < read.size() ? read.get(i) : null;
          JsonNode f = forms.get(i);
          truth += 5;
          if (r != null) {
            truthRight += (doc.get("unit_name").asText().equals(r.unitName()) ? 1 : 0)
                + (doc.get("fiscal_year").asInt() == Objects.requireNonNullElse(
                    r.fiscalYear(), -1) ? 1 : 0)
                + (f.get("kind").asText().equals(r.formKind()) ? 1 : 0)
                + (Objects.equals(f.get("project_name").isNull() ? null
                    : f.get("project_name").asText(), r.projectName()) ? 1 : 0)
                + (r.reportedTotal() != null && new BigDecimal(f.get("reported_total")
                    .asText()).compareTo(r.reportedTotal().value()) == 0 ? 1 : 0);
          }
        }
        for (int i = 0; i < asText.size(); i++) {
          JsonNode want = withoutProvenance(Records.MAPPER.valueToTree(asText.get(i)));
          JsonNode got = i < read.size()
              ? withoutProvenance(Records.MAPPER.valueToTree(read.get(i))) : null;
          int[] counts = agree(want, got);
          fields += counts[0];
          fieldsSame += counts[1];
        }
      }
      double truthShare = truthRight / (double) truth;
      double same = fieldsSame / (double) fields;
      LOG.info("{}: manifest truth {}/{} ({}), fields as read from text {}/{} ({})", format,
          truthRight, truth, String.format("%.4f", truthShare), fieldsSame, fields,
          String.format("%.4f", same));
      assertTrue(truthShare >= 0.97, format + ": manifest truth " + truthShare);
      assertTrue(same >= 0.97, format + ": fields as from text " + same);
    }
  }

  /** Leaf values compared: how many the text record has, how many the other equals. */
  private static int[] agree(JsonNode want, JsonNode got) {
    if (want.isObject() || want.isArray()) {
      int[] sum = {0, 0};
      int i = 0;
      for (var it = want.isObject() ? want.fieldNames() : null; it != null && it.hasNext(); ) {
        String k = it.next();
        int[] c = agree(want.get(k), got == null ? null : got.get(k));
        sum[0] += c[0];
        sum[1] += c[1];
      }
      if (want.isArray()) {
        for (JsonNode w : want) {
          int[] c = agree(w, got == null || !got.isArray() ? null : got.get(i++));
          sum[0] += c[0];
          sum[1] += c[1];
        }
      }
      return sum;
    }
    boolean equal = got != null && (want.isNumber() && got.isNumber()
        ? want.decimalValue().compareTo(got.decimalValue()) == 0 : want.equals(got));
    return new int[] {1, equal ? 1 : 0};
  }

  /** Line numbers, warnings (they cite lines) and the source differ by nature. */
  private static JsonNode withoutProvenance(JsonNode node) {
    if (node.isObject()) {
      ((ObjectNode) node).remove(List.of("line", "source", "warnings", "record_id"));
      node.forEach(GeneratedFormatsTest::withoutProvenance);
    } else if (node.isArray()) {
      node.forEach(GeneratedFormatsTest::withoutProvenance);
    }
    return node;
  }
}
