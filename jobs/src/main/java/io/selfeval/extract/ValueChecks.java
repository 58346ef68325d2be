package io.selfeval.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfeval.model.FormRecord;
import io.selfeval.model.Records;
import io.selfeval.model.Warning;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Values a record must not carry silently, checked on every number it holds after reading: a
 * number the tables cannot hold (more than {@value #MAX_INTEGER_DIGITS} digits before the point:
 * every number is stored as decimal(22,6)) becomes no value, with a warning, rather than a NULL
 * nobody is told about; a negative budget amount and an execution rate above
 * {@value #MAX_RATE_PERCENT} % are kept, with a warning.
 */
final class ValueChecks {

  /** decimal(22,6): 22 digits, 6 of them after the point. */
  static final int MAX_INTEGER_DIGITS = 16;
  static final int MAX_RATE_PERCENT = 200;
  static final int MAX_FORMS_PER_UNIT_YEAR = 100;

  private ValueChecks() {}

  /**
   * The records, each with its out-of-range values nulled and its checks' warnings added; the
   * first also warns when the document holds more than {@value #MAX_FORMS_PER_UNIT_YEAR} forms of
   * one unit and year (a report pasted over and over, not a real document).
   */
  static List<FormRecord> check(List<FormRecord> records) {
    List<FormRecord> out = new ArrayList<>(records.size());
    for (FormRecord r : records) {
      out.add(check(r));
    }
    Map<String, Integer> perUnitYear = new java.util.HashMap<>();
    for (FormRecord r : records) {
      perUnitYear.merge(r.unitName() + "|" + r.fiscalYear(), 1, Integer::sum);
    }
    int most = perUnitYear.values().stream().max(Integer::compare).orElse(0);
    if (most > MAX_FORMS_PER_UNIT_YEAR) {
      FormRecord first = out.get(0);
      List<Warning> warnings = new ArrayList<>(first.warnings());
      warnings.add(new Warning("IMPLAUSIBLE_FORM_COUNT", most + " forms of one unit and year in "
          + "one document (more than " + MAX_FORMS_PER_UNIT_YEAR + "): is a report repeated?",
          null));
      out.set(0, withWarnings(first, warnings));
    }
    return out;
  }

  static FormRecord check(FormRecord record) {
    ObjectNode tree = Records.MAPPER.valueToTree(record);
    List<Warning> found = new ArrayList<>();
    walk(tree, "", found);
    JsonNode budget = tree.path("budget");
    for (String amount : List.of("initial", "adjusted", "executed")) {
      BigDecimal v = value(budget.path(amount));
      if (v != null && v.signum() < 0) {
        found.add(new Warning("NEGATIVE_AMOUNT", "budget " + amount + " is negative ("
            + budget.path(amount).path("text").asText() + ")", line(budget.path(amount))));
      }
    }
    BigDecimal rate = value(budget.path("reported_rate"));
    if (rate != null && rate.compareTo(BigDecimal.valueOf(MAX_RATE_PERCENT, 2)) > 0) {
      found.add(new Warning("RATE_IMPLAUSIBLE", "execution rate "
          + budget.path("reported_rate").path("text").asText() + " is above " + MAX_RATE_PERCENT
          + " %", line(budget.path("reported_rate"))));
    }
    if (found.isEmpty()) {
      return record;
    }
    ArrayNode warnings = (ArrayNode) tree.get("warnings");
    for (Warning w : found) {
      warnings.add(Records.MAPPER.valueToTree(w));
    }
    return read(tree);
  }

  /**
   * Every object with a numeric {@code value} and its {@code text}: figures, facts, budget lines.
   * A value beyond the tables' range is set to null, with a warning naming where it was.
   */
  private static void walk(JsonNode node, String path, List<Warning> found) {
    if (node.isObject()) {
      JsonNode value = node.get("value");
      if (value != null && value.isNumber() && node.has("text")
          && integerDigits(value.decimalValue()) > MAX_INTEGER_DIGITS) {
        found.add(new Warning("VALUE_OUT_OF_RANGE", (path.isEmpty() ? "a number" : path)
            + " printed " + node.get("text").asText() + " has more than " + MAX_INTEGER_DIGITS
            + " digits before the point, more than the tables hold; read as no value",
            line(node)));
        ((ObjectNode) node).putNull("value");
      }
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        walk(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), found);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", found);
      }
    }
  }

  private static int integerDigits(BigDecimal v) {
    return Math.max(0, v.precision() - v.scale());
  }

  private static BigDecimal value(JsonNode figure) {
    JsonNode v = figure.path("value");
    return v.isNumber() ? v.decimalValue() : null;
  }

  private static Integer line(JsonNode node) {
    JsonNode l = node.path("line");
    return l.canConvertToInt() && l.asInt() >= 1 ? l.asInt() : null;
  }

  private static FormRecord withWarnings(FormRecord r, List<Warning> warnings) {
    ObjectNode tree = Records.MAPPER.valueToTree(r);
    tree.set("warnings", Records.MAPPER.valueToTree(warnings));
    return read(tree);
  }

  private static FormRecord read(ObjectNode tree) {
    try {
      return Records.MAPPER.treeToValue(tree, FormRecord.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a checked record no longer reads back: " + e, e);
    }
  }
}
