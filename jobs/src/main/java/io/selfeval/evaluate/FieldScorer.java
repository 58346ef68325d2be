package io.selfeval.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.extract.ReportExtractor;
import io.selfeval.model.Figure;
import io.selfeval.model.FormRecord;
import io.selfeval.model.Indicator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Field accuracy of the extractor on a generated corpus written with {@code --layouts}: each
 * document of the manifest is read with {@link ReportExtractor} (plain Java, no Spark) and every
 * printed field of its forms compared with the manifest's, per layout × field group. A field is
 * right, a gap (the reader left it null) or wrong (it holds another value, or a value where none
 * was printed); wrong numbers are counted apart from gaps.
 */
public final class FieldScorer {

  /** Field groups, in the order they are printed. */
  public static final List<String> GROUPS = List.of("unit", "year", "project", "budget",
      "rate", "score", "total", "grade", "ind_rows", "ind_cells");

  /** Counts of one layout × group. */
  public static final class Count {
    int right;
    int wrong;
    int gap;
    int numbersRead;
    int numbersWrong;

    int total() {
      return right + wrong + gap;
    }

    double accuracy() {
      return total() == 0 ? 1.0 : (double) right / total();
    }
  }

  /**
   * Lines of the table for a template variant ({@code +columns}, {@code +points_levels},
   * {@code +short_total}): its documents again, beside their layout's line.
   */
  public static final String VARIANT = "+";

  private final Map<String, Map<String, Count>> counts = new TreeMap<>();
  private final List<String> misses = new ArrayList<>();
  private String file;
  private int documents;

  /** Scores every document of a manifest written with --layouts. */
  public static FieldScorer score(Path manifest) throws IOException {
    JsonNode m = new ObjectMapper().readTree(manifest.toFile());
    Path reports = manifest.getParent().resolve("reports");
    FieldScorer s = new FieldScorer();
    for (JsonNode doc : m.get("documents")) {
      if (!doc.has("layout")) {
        continue;
      }
      String file = doc.get("file").asText();
      ReportExtractor.Result r = ReportExtractor.extract(Files.readAllBytes(
          reports.resolve(file)), file);
      s.document(doc, r.records());
    }
    return s;
  }

  private void document(JsonNode doc, List<FormRecord> records) {
    documents++;
    file = doc.get("file").asText() + " [" + doc.get("noises").asText() + "]";
    // an office document is counted under its format, a text one under its layout
    String format = doc.path("format").asText("txt");
    String layout = format.equals("txt") ? doc.get("layout").asText() : format;
    List<FormRecord> forms = records.stream().filter(r -> !isTail(r)).toList();
    for (String variant : doc.path("variants").asText("").split(",")) {
      if (!variant.isEmpty()) {
        forms(doc, forms, VARIANT + variant);
      }
    }
    forms(doc, forms, layout);
    if (doc.has("tail")) {
      tail(doc.get("tail"), records.stream().filter(FieldScorer::isTail).findFirst()
          .orElse(null), VARIANT + "tail");
    }
  }

  /** A record of rows read with no header above them: paired only with a printed tail. */
  private static boolean isTail(FormRecord r) {
    return r.warnings().stream().anyMatch(w -> w.code().equals("HEADERLESS_ROWS"));
  }

  /** Scores the headerless tail a document starts with: its total, grade and rows. */
  private void tail(JsonNode truth, FormRecord rec, String layout) {
    number(layout, "total", dec(truth.get("total")),
        rec == null ? null : value(rec.reportedTotal()));
    text(layout, "grade", truth.get("grade").asText(),
        rec == null || rec.reportedGrade() == null ? null : rec.reportedGrade().value());
    indicators(layout, truth.get("indicators"), rec == null ? List.of() : rec.indicators());
  }

  /** Scores the document's forms under one line of the table (a layout or a variant). */
  private void forms(JsonNode doc, List<FormRecord> records, String layout) {
    List<FormRecord> unused = new ArrayList<>(records);
    for (JsonNode form : doc.get("forms")) {
      FormRecord rec = match(form, unused);
      if (rec != null) {
        unused.remove(rec);
      }
      text(layout, "unit", doc.get("unit_name").asText(), rec == null ? null : rec.unitName());
      number(layout, "year", BigDecimal.valueOf(doc.get("fiscal_year").asInt()),
          rec == null || rec.fiscalYear() == null ? null : BigDecimal.valueOf(rec.fiscalYear()));
      if (form.get("kind").asText().equals("project")) {
        text(layout, "project", form.get("project_name").asText(),
            rec == null ? null : rec.projectName());
      }
      JsonNode f = form.get("fields");
      var b = rec == null ? null : rec.budget();
      number(layout, "budget", dec(f.get("initial")), b == null ? null : value(b.initial()));
      number(layout, "budget", dec(f.get("adjusted")), b == null ? null : value(b.adjusted()));
      number(layout, "budget", dec(f.get("executed")), b == null ? null : value(b.executed()));
      number(layout, "budget", dec(f.get("weight")), b == null ? null : value(b.weight()));
      number(layout, "rate", dec(f.get("rate")), b == null ? null : value(b.reportedRate()));
      number(layout, "score", dec(f.get("score")), b == null ? null : value(b.reportedScore()));
      number(layout, "total", dec(f.get("total")),
          rec == null ? null : value(rec.reportedTotal()));
      text(layout, "grade", f.get("grade").isNull() ? null : f.get("grade").asText(),
          rec == null || rec.reportedGrade() == null
          ? null : rec.reportedGrade().value());
      indicators(layout, f.get("indicators"), rec == null ? List.of() : rec.indicators());
    }
  }

  /**
   * Rows are paired by position; when the reader left rows out (fewer rows than printed, as the
   * glued-form reader does where a row has two readings), a printed row is paired with the first
   * unpaired row read under its name, so one gap does not make every row after it wrong.
   */
  private void indicators(String layout, JsonNode truth, List<Indicator> found) {
    boolean byName = found.size() < truth.size();
    boolean[] paired = new boolean[found.size()];
    for (int i = 0; i < truth.size(); i++) {
      JsonNode t = truth.get(i);
      Indicator x = byName ? null : i < found.size() ? found.get(i) : null;
      for (int k = 0; byName && x == null && k < found.size(); k++) {
        if (!paired[k] && t.get("name").asText().equals(found.get(k).name())) {
          x = found.get(k);
          paired[k] = true;
        }
      }
      final int wrongBefore = count(layout, "ind_cells").wrong;
      final int gapBefore = count(layout, "ind_cells").gap;
      text(layout, "ind_cells", t.get("name").asText(), x == null ? null : x.name());
      text(layout, "ind_cells", textOf(t.get("target")), x == null ? null : x.targetText());
      text(layout, "ind_cells", textOf(t.get("actual")), x == null ? null : x.actualText());
      number(layout, "ind_cells", dec(t.get("weight")), x == null ? null : x.weight());
      number(layout, "ind_cells", dec(t.get("score")), x == null ? null : x.score());
      Count rows = count(layout, "ind_rows");
      if (count(layout, "ind_cells").wrong > wrongBefore) {
        rows.wrong++;
      } else if (count(layout, "ind_cells").gap > gapBefore) {
        rows.gap++;
      } else {
        rows.right++;
      }
    }
    for (int i = truth.size(); i < found.size(); i++) {
      count(layout, "ind_rows").wrong++;
    }
  }

  private static FormRecord match(JsonNode form, List<FormRecord> records) {
    String kind = form.get("kind").asText();
    String project = form.get("project_name").isNull() ? null
        : form.get("project_name").asText();
    for (FormRecord r : records) {
      if (kind.equals(r.formKind()) && (project == null || project.equals(r.projectName()))) {
        return r;
      }
    }
    return null;
  }

  /** A printed text of the manifest; null for a cell printed blank (a JSON null). */
  private static String textOf(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private void text(String layout, String group, String truth, String found) {
    tally(count(layout, group), layout, group, Objects.equals(truth, found), truth, found);
  }

  /** Counts one field right, a gap or wrong; true when wrong (a value read that is not it). */
  private boolean tally(Count c, String layout, String group, boolean right, Object truth,
      Object found) {
    if (right) {
      c.right++;
      return false;
    }
    if (found == null) {
      c.gap++;
      miss("gap", layout, group, truth, null);
      return false;
    }
    c.wrong++;
    miss("WRONG", layout, group, truth, found);
    return true;
  }

  private void miss(String kind, String layout, String group, Object truth, Object found) {
    if (misses.size() < 5000) {
      misses.add(kind + " " + layout + " " + group + " " + file + ": printed " + truth
          + ", read " + found);
    }
  }

  /** The first misses (gaps and wrong values), each with its file, printed and read value. */
  public List<String> misses() {
    return misses;
  }

  private void number(String layout, String group, BigDecimal truth, BigDecimal found) {
    Count c = count(layout, group);
    if (found != null) {
      c.numbersRead++;
    }
    boolean right = truth == null ? found == null
        : found != null && truth.compareTo(found) == 0;
    if (tally(c, layout, group, right, truth, found)) {
      c.numbersWrong++;
    }
  }

  private Count count(String layout, String group) {
    return counts.computeIfAbsent(layout, k -> new TreeMap<>())
        .computeIfAbsent(group, k -> new Count());
  }

  private static BigDecimal dec(JsonNode n) {
    return n == null || n.isNull() ? null : n.decimalValue();
  }

  private static BigDecimal value(Figure f) {
    return f == null ? null : f.value();
  }

  /** The table: a line per layout (and all), a column per group: accuracy, wrong / gaps. */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    StringBuilder head = new StringBuilder(String.format("%-11s", "layout/fmt"));
    for (String g : GROUPS) {
      head.append(String.format(" | %-15s", g));
    }
    out.add(head.append(" | numbers wrong/read").toString());
    Map<String, Count> all = new TreeMap<>();
    for (Map.Entry<String, Map<String, Count>> e : counts.entrySet()) {
      out.add(line(e.getKey(), e.getValue()));
      if (e.getKey().startsWith(VARIANT)) {
        continue; // a variant's documents are counted under their layout too
      }
      e.getValue().forEach((g, c) -> {
        Count a = all.computeIfAbsent(g, k -> new Count());
        a.right += c.right;
        a.wrong += c.wrong;
        a.gap += c.gap;
        a.numbersRead += c.numbersRead;
        a.numbersWrong += c.numbersWrong;
      });
    }
    out.add(line("all", all));
    out.add(documents + " documents; cells: accuracy % (wrong/gaps)");
    return out;
  }

  private static String line(String layout, Map<String, Count> groups) {
    StringBuilder sb = new StringBuilder(String.format("%-11s", layout));
    int read = 0;
    int wrong = 0;
    for (String g : GROUPS) {
      Count c = groups.get(g);
      sb.append(c == null ? String.format(" | %-15s", "-") : String.format(" | %5.1f%% %3d/%-4d",
          100 * c.accuracy(), c.wrong, c.gap));
      if (c != null) {
        read += c.numbersRead;
        wrong += c.numbersWrong;
      }
    }
    return sb.append(String.format(" | %d/%d", wrong, read)).toString();
  }

  /** Fields right of all fields of a layout or format (every group), or 1 when none. */
  public double accuracy(String layout) {
    Count all = sum(layout);
    return all.accuracy();
  }

  /** Fields read with a wrong value, of all fields of a layout or format. */
  public double wrongShare(String layout) {
    Count all = sum(layout);
    return all.total() == 0 ? 0.0 : (double) all.wrong / all.total();
  }

  /** Numbers read with a wrong value (not text fields, not gaps), of a layout or format. */
  public int numbersWrong(String layout) {
    int n = 0;
    for (Count c : counts.getOrDefault(layout, Map.of()).values()) {
      n += c.numbersWrong;
    }
    return n;
  }

  /** Fields of a layout or format in all groups. */
  public int fields(String layout) {
    return sum(layout).total();
  }

  private Count sum(String layout) {
    Count all = new Count();
    counts.getOrDefault(layout, Map.of()).values().forEach(c -> {
      all.right += c.right;
      all.wrong += c.wrong;
      all.gap += c.gap;
    });
    return all;
  }

  /** The lowest accuracy of any layout × group with fields. */
  public double worstAccuracy() {
    double worst = 1.0;
    for (Map<String, Count> g : counts.values()) {
      for (Count c : g.values()) {
        worst = Math.min(worst, c.total() == 0 ? 1.0 : c.accuracy());
      }
    }
    return worst;
  }
}
