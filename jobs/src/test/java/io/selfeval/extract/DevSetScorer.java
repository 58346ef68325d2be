package io.selfeval.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the records the reader made of one dev-set document against the values written by hand
 * in {@code data/devset/expected/} (format in {@code data/devset/README.md}). Every expected
 * field is counted once: right, wrong (present but different) or gap (null or missing). Only the
 * fields the expectation states are counted; the records are read through their JSON form, so
 * the field names are those of {@code schemas/record.schema.json}.
 */
final class DevSetScorer {

  /** Field groups of the per-document table, in print order. */
  static final List<String> GROUPS = List.of("header", "budget", "total", "indicators");

  /** Two numbers closer than this are equal (amounts, rates as fractions, points). */
  static final BigDecimal TOLERANCE = new BigDecimal("0.005");

  private static final List<String> HEADER = List.of(
      "form_kind", "unit_name", "fiscal_year", "project_name");
  private static final List<String> BUDGET_FIGURES = List.of(
      "initial", "adjusted", "executed", "weight", "reported_rate", "reported_score");
  private static final List<String> AMOUNTS = List.of("initial", "adjusted", "executed");
  private static final List<String> ROW_TEXTS = List.of(
      "level1", "level2", "name", "target_text", "actual_text");
  private static final List<String> ROW_NUMBERS = List.of("level1_weight", "weight", "score");
  private static final BigDecimal TEN_THOUSAND = new BigDecimal(10_000);
  private static final JsonNode MISSING = MissingNode.getInstance();

  /** Counts of one group (or of a whole document). */
  static final class Tally {
    int right;
    int wrong;
    int gap;
    /** Wrong values among the numbers read from the form (figures, weights, scores). */
    int wrongNumbers;
    /** Numbers compared, right or wrong. */
    int numbers;

    int expected() {
      return right + wrong + gap;
    }

    void add(Tally other) {
      right += other.right;
      wrong += other.wrong;
      gap += other.gap;
      wrongNumbers += other.wrongNumbers;
      numbers += other.numbers;
    }
  }

  /** The score of one document: a tally per group, the differences, and unmatched records. */
  static final class DocumentScore {
    final String file;
    final Map<String, Tally> groups = new LinkedHashMap<>();
    /** Every wrong value, with where it is. */
    final List<String> wrongs = new ArrayList<>();
    /** The wrong numbers among them. */
    final List<String> wrongNumbers = new ArrayList<>();
    /** Every gap (expected, not read), with where it is. */
    final List<String> gaps = new ArrayList<>();
    int records;
    int extraRecords;

    DocumentScore(String file) {
      this.file = file;
      GROUPS.forEach(g -> groups.put(g, new Tally()));
    }

    Tally total() {
      Tally total = new Tally();
      groups.values().forEach(total::add);
      return total;
    }
  }

  private DevSetScorer() {}

  /** Scores the records (as JSON) of one document against its expectation. */
  static DocumentScore score(JsonNode expectation, List<JsonNode> records) {
    DocumentScore score = new DocumentScore(expectation.path("file").asText());
    score.records = records.size();
    List<JsonNode> forms = new ArrayList<>();
    expectation.path("forms").forEach(forms::add);
    JsonNode[] matched = match(forms, records);
    for (int i = 0; i < forms.size(); i++) {
      scoreForm(score, "form " + i, forms.get(i), matched[i]);
    }
    int used = 0;
    for (JsonNode m : matched) {
      used += m == null ? 0 : 1;
    }
    score.extraRecords = records.size() - used;
    return score;
  }

  /**
   * Pairs each expected form with a record: first by project name (equal, or one of four or more
   * characters containing the other), then unit forms with the first unit record, then the rest
   * in order (forms that state a unit or project before the tails of forms cut off by the
   * excerpt). Indicator rows are paired by name only, so a wrong pairing of forms cannot make row
   * values look wrong.
   */
  static JsonNode[] match(List<JsonNode> forms, List<JsonNode> records) {
    JsonNode[] matched = new JsonNode[forms.size()];
    boolean[] used = new boolean[records.size()];
    for (int i = 0; i < forms.size(); i++) {
      String name = norm(forms.get(i).path("project_name").asText(""));
      for (int r = 0; r < records.size() && !name.isEmpty(); r++) {
        String actual = norm(text(records.get(r).get("project_name")));
        boolean same = actual.equals(name) || Math.min(actual.length(), name.length()) >= 4
            && (actual.contains(name) || name.contains(actual));
        if (!used[r] && same) {
          matched[i] = records.get(r);
          used[r] = true;
          break;
        }
      }
    }
    for (int i = 0; i < forms.size(); i++) {
      if (matched[i] == null && "unit".equals(forms.get(i).path("form_kind").asText())) {
        for (int r = 0; r < records.size(); r++) {
          if (!used[r] && "unit".equals(text(records.get(r).get("form_kind")))) {
            matched[i] = records.get(r);
            used[r] = true;
            break;
          }
        }
      }
    }
    int next = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < forms.size(); i++) {
        boolean named = forms.get(i).has("unit_name") || forms.get(i).has("project_name");
        if (matched[i] != null || named != (pass == 0)) {
          continue;
        }
        while (next < records.size() && used[next]) {
          next++;
        }
        if (next < records.size()) {
          matched[i] = records.get(next);
          used[next] = true;
        }
      }
    }
    return matched;
  }

  private static void scoreForm(DocumentScore score, String at, JsonNode form, JsonNode record) {
    JsonNode actual = record == null ? MISSING : record;
    Tally header = score.groups.get("header");
    for (String field : HEADER) {
      if (!form.has(field)) {
        continue;
      }
      if ("fiscal_year".equals(field)) {
        compareNumber(score, header, at + ".fiscal_year", form.get(field),
            number(actual.get(field)), false);
      } else {
        compareText(score, header, at + "." + field, form.get(field), actual.get(field));
      }
    }
    scoreBudget(score, at, form.path("budget"), actual.path("budget"));
    Tally total = score.groups.get("total");
    for (String field : List.of("reported_total", "reported_total_weight")) {
      if (form.has(field)) {
        compareNumber(score, total, at + "." + field, form.get(field),
            number(actual.get(field)), true);
      }
    }
    if (form.has("reported_grade")) {
      compareText(score, total, at + ".reported_grade", form.get("reported_grade"),
          actual.path("reported_grade").get("value"));
    }
    scoreIndicators(score, at, form.path("indicators"), actual.path("indicators"));
  }

  private static void scoreBudget(DocumentScore score, String at, JsonNode expected,
      JsonNode actual) {
    Tally budget = score.groups.get("budget");
    String unit = expected.path("amount_unit").asText("");
    String actualUnit = text(actual.get("amount_unit"));
    if (expected.has("amount_unit")) {
      compareText(score, budget, at + ".budget.amount_unit", expected.get("amount_unit"),
          actual.get("amount_unit"));
    }
    for (String field : BUDGET_FIGURES) {
      if (!expected.has(field)) {
        continue;
      }
      BigDecimal value = number(actual.get(field));
      if (value != null && AMOUNTS.contains(field) && !unit.equals(actualUnit)) {
        if ("元".equals(actualUnit) && "万元".equals(unit)) {
          value = value.divide(TEN_THOUSAND);
        } else if ("万元".equals(actualUnit) && "元".equals(unit)) {
          value = value.multiply(TEN_THOUSAND);
        }
      }
      compareNumber(score, budget, at + ".budget." + field, expected.get(field), value, true);
    }
  }

  private static void scoreIndicators(DocumentScore score, String at, JsonNode expected,
      JsonNode actual) {
    Tally rows = score.groups.get("indicators");
    boolean[] used = new boolean[actual.size()];
    for (int i = 0; i < expected.size(); i++) {
      JsonNode row = expected.get(i);
      JsonNode match = MISSING;
      String name = norm(row.path("name").asText(""));
      for (int pass = 0; pass < 2 && match == MISSING; pass++) {
        for (int r = 0; r < actual.size(); r++) {
          String other = norm(text(actual.get(r).get("name")));
          boolean same = pass == 0 ? other.equals(name)
              : other.length() >= 2 && (other.contains(name) || name.contains(other));
          if (!used[r] && !name.isEmpty() && same) {
            match = actual.get(r);
            used[r] = true;
            break;
          }
        }
      }
      String rowAt = at + ".indicators[" + i + " " + row.path("name").asText("") + "]";
      for (String field : ROW_TEXTS) {
        if (row.has(field)) {
          compareText(score, rows, rowAt + "." + field, row.get(field), match.get(field));
        }
      }
      for (String field : ROW_NUMBERS) {
        if (row.has(field)) {
          compareNumber(score, rows, rowAt + "." + field, row.get(field),
              number(match.get(field)), true);
        }
      }
    }
  }

  private static void compareText(DocumentScore score, Tally tally, String at, JsonNode expected,
      JsonNode actual) {
    String value = norm(text(actual));
    if (value.isEmpty()) {
      tally.gap++;
      score.gaps.add(at + ": expected '" + expected.asText() + "'");
    } else if (value.equals(norm(expected.asText()))) {
      tally.right++;
    } else {
      tally.wrong++;
      score.wrongs.add(at + ": expected '" + expected.asText() + "', read '" + text(actual)
          + "'");
    }
  }

  private static void compareNumber(DocumentScore score, Tally tally, String at,
      JsonNode expected, BigDecimal actual, boolean figure) {
    if (actual == null) {
      tally.gap++;
      score.gaps.add(at + ": expected " + expected.asText());
      return;
    }
    if (figure) {
      tally.numbers++;
    }
    if (actual.subtract(expected.decimalValue()).abs().compareTo(TOLERANCE) <= 0) {
      tally.right++;
    } else {
      tally.wrong++;
      String note = at + ": expected " + expected.asText() + ", read " + actual.toPlainString();
      score.wrongs.add(note);
      if (figure) {
        tally.wrongNumbers++;
        score.wrongNumbers.add(note);
      }
    }
  }

  /** The value of a figure object ({value, text, line}) or of a plain number; null otherwise. */
  static BigDecimal number(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    JsonNode value = node.isObject() ? node.get("value") : node;
    return value != null && value.isNumber() ? value.decimalValue() : null;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? "" : node.asText();
  }

  /** Text without any white space (a flattened PDF breaks cells into words). */
  static String norm(String text) {
    return text == null ? "" : text.replaceAll("[\\s\\u3000\\u00a0]+", "");
  }
}
