package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfeval.model.FormRecord;
import io.selfeval.model.Records;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seeds whose tables are one row per line (and the prose-only ones), saved as .docx and as
 * .xlsx the way an office user would paste them (a paragraph or a one-cell row per line, a table
 * row per tabbed line): the golden values of {@link GoldenSeedsTest} must come out the same.
 * Line numbers are not compared (a document's lines are those of the text it is turned into).
 */
class SeedRenderingsTest {

  @ParameterizedTest
  @ValueSource(strings = {"000_58f6e7092d20fcc3", "001_b0594b0c6d3b86f7",
      "002_605be31f1facfce9"})
  void seedAsDocxAndAsXlsxGivesItsGoldenValues(String seed) throws IOException {
    String text = Seeds.text(seed + ".txt");
    assertGolden(seed, ReportExtractor.extract(TextRenderings.docx(text), seed + ".docx"));
    assertGolden(seed, ReportExtractor.extract(TextRenderings.xlsx(text), seed + ".xlsx"));
  }

  private static void assertGolden(String seed, ReportExtractor.Result result)
      throws IOException {
    JsonNode golden;
    try (InputStream in = SeedRenderingsTest.class.getResourceAsStream("/golden/" + seed
        + ".expected.json")) {
      golden = Records.MAPPER.readTree(in);
    }
    List<FormRecord> records = result.records();
    assertEquals(golden.get("records").size(), records.size(),
        seed + ": " + result.status() + " " + result.reason());
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      JsonNode expected = withoutLines(golden.get("records").get(i).deepCopy());
      JsonNode actual = withoutLines(Records.MAPPER.valueToTree(records.get(i)));
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        String at = seed + " record " + i + "." + f.getKey();
        if (f.getKey().equals("facts_include")) {
          for (JsonNode want : f.getValue()) {
            boolean found = false;
            for (JsonNode got : actual.get("facts")) {
              List<String> d = new ArrayList<>();
              for (String k : List.of("key", "value", "unit", "period")) {
                GoldenSeedsTest.compare(k, want.get(k), got.get(k), d);
              }
              found |= d.isEmpty();
            }
            if (!found) {
              diffs.add(at + ": missing " + want);
            }
          }
        } else if (!f.getKey().equals("form_index")) {
          GoldenSeedsTest.compare(at, f.getValue(), actual.get(f.getKey()), diffs);
        }
      }
    }
    assertTrue(diffs.isEmpty(), diffs.size() + " differences:\n" + String.join("\n", diffs));
  }

  /** The node without line numbers ({@code line}, {@code line_start}, {@code problems_line}). */
  private static JsonNode withoutLines(JsonNode node) {
    if (node.isObject()) {
      List<String> lines = new ArrayList<>();
      node.fieldNames().forEachRemaining(k -> {
        if (k.equals("line") || k.startsWith("line_") || k.endsWith("_line")) {
          lines.add(k);
        }
      });
      ((ObjectNode) node).remove(lines);
      node.forEach(SeedRenderingsTest::withoutLines);
    } else if (node.isArray()) {
      node.forEach(SeedRenderingsTest::withoutLines);
    }
    return node;
  }
}
