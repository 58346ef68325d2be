package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfeval.model.FormRecord;
import io.selfeval.model.Records;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each seed report against its hand-checked expectation in {@code golden/}: the expectations
 * were written by reading the reports, not by running the extractor. Every field the golden file
 * states is compared; {@code facts_include} lists facts that must be among the record's facts.
 */
class GoldenSeedsTest {

  static final Path SEEDS = Path.of("data/reports");

  @ParameterizedTest
  @ValueSource(strings = {
      "000_58f6e7092d20fcc3", "001_b0594b0c6d3b86f7", "002_605be31f1facfce9",
      "003_8a9d7d315562be05", "004_04ca42f9f00966fc"})
  void seedMatchesItsGoldenRecord(String seed) throws IOException {
    JsonNode golden;
    try (InputStream in = getClass().getResourceAsStream("/golden/" + seed
        + ".expected.json")) {
      golden = Records.MAPPER.readTree(in);
    }
    byte[] bytes = Files.readAllBytes(SEEDS.resolve(seed + ".txt"));
    ReportExtractor.Result result = ReportExtractor.extract(bytes, seed + ".txt");

    assertEquals(golden.get("sha256").asText(), result.sha256());
    List<FormRecord> records = result.records();
    assertEquals(golden.get("records").size(), records.size(), "forms in " + seed);
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      JsonNode expected = golden.get("records").get(i);
      JsonNode actual = Records.MAPPER.valueToTree(records.get(i));
      String at = seed + " record " + i;
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = field.getKey();
        switch (name) {
          case "form_index", "line_start", "line_end" ->
              compare(at + "." + name, field.getValue(), actual.get("source").get(name), diffs);
          case "facts_include" -> factsInclude(at, field.getValue(), actual.get("facts"), diffs);
          default -> compare(at + "." + name, field.getValue(), actual.get(name), diffs);
        }
      }
    }
    assertTrue(diffs.isEmpty(), diffs.size() + " differences:\n" + String.join("\n", diffs));
  }

  /** Every field of {@code expected} equals the actual one; numbers compare by value. */
  static void compare(String path, JsonNode expected, JsonNode actual, List<String> diffs) {
    if (expected == null || expected.isNull()) {
      if (actual != null && !actual.isNull()) {
        diffs.add(path + ": expected null, got " + actual);
      }
      return;
    }
    if (actual == null || actual.isNull()) {
      diffs.add(path + ": expected " + expected + ", got null");
      return;
    }
    if (expected.isNumber()) {
      if (!actual.isNumber() || expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
        diffs.add(path + ": expected " + expected + ", got " + actual);
      }
    } else if (expected.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        compare(path + "." + f.getKey(), f.getValue(), actual.get(f.getKey()), diffs);
      }
    } else if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        diffs.add(path + ": expected " + expected.size() + " items, got "
            + (actual.isArray() ? actual.size() : actual) + (actual.isArray() ? ": "
            + actual.toString().substring(0, Math.min(2000, actual.toString().length())) : ""));
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(path + "[" + i + "]", expected.get(i), actual.get(i), diffs);
      }
    } else if (!expected.equals(actual)) {
      diffs.add(path + ": expected " + expected + ", got " + actual);
    }
  }

  private static void factsInclude(String at, JsonNode expected, JsonNode facts,
      List<String> diffs) {
    for (JsonNode want : expected) {
      boolean found = false;
      for (JsonNode got : facts) {
        List<String> d = new ArrayList<>();
        for (String k : List.of("key", "value", "unit", "period", "line")) {
          compare(k, want.get(k), got.get(k), d);
        }
        if (d.isEmpty()) {
          found = true;
          break;
        }
      }
      if (!found) {
        diffs.add(at + ".facts: missing " + want);
      }
    }
  }
}
