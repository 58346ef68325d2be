package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfeval.model.Records;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real dev set ({@code data/devset/}): runs the reader on each document, scores its records
 * against the hand-written expectations and prints a table of right / wrong / gap per document
 * and per field group (also written to {@code target/devset-score.txt}). It asserts only that no
 * number read from a form is wrong: a gap is allowed, a guess is not. Accuracy is printed, not
 * asserted.
 */
class DevSetTest {

  static final Path DEVSET = Path.of("data/devset");
  static final Path REPORT = Path.of("target/devset-score.txt");
  /** Every expected field not read, one a line (for finding what the reader misses). */
  static final Path GAPS = Path.of("target/devset-gaps.txt");

  @Test
  void noNumberReadFromTheDevSetIsWrong() throws IOException {
    List<DevSetScorer.DocumentScore> scores = new ArrayList<>();
    List<Path> expectations;
    try (Stream<Path> files = Files.list(DEVSET.resolve("expected"))) {
      expectations = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    for (Path path : expectations) {
      JsonNode expected = Records.MAPPER.readTree(path.toFile());
      String file = expected.path("file").asText();
      byte[] bytes = Files.readAllBytes(DEVSET.resolve(file));
      List<JsonNode> records = new ArrayList<>();
      ReportExtractor.extract(bytes, file).records()
          .forEach(r -> records.add(Records.MAPPER.valueToTree(r)));
      scores.add(DevSetScorer.score(expected, records));
    }
    String table = table(scores);
    System.out.println(table);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, table, StandardCharsets.UTF_8);
    StringBuilder gaps = new StringBuilder();
    scores.forEach(s -> s.gaps.forEach(g -> gaps.append(s.file).append(' ').append(g)
        .append('\n')));
    Files.writeString(GAPS, gaps, StandardCharsets.UTF_8);

    assertTrue(scores.size() >= 12, "dev-set documents: " + scores.size());
    DevSetScorer.Tally total = new DevSetScorer.Tally();
    List<String> wrongNumbers = new ArrayList<>();
    for (DevSetScorer.DocumentScore score : scores) {
      total.add(score.total());
      score.wrongNumbers.forEach(w -> wrongNumbers.add(score.file + " " + w));
    }
    assertTrue(total.expected() > 0, "no expected field");
    assertEquals(0, total.wrongNumbers, "numbers read but wrong:\n" + String.join("\n",
        wrongNumbers));
  }

  /** The table printed by the test: one line per document, then the totals per field group. */
  static String table(List<DevSetScorer.DocumentScore> scores) {
    StringBuilder out = new StringBuilder();
    String head = "%-28s %6s %6s %6s %6s %8s %8s %6s%n";
    out.append(String.format(head, "document", "fields", "right", "wrong", "gap", "wrongnum",
        "records", "extra"));
    DevSetScorer.Tally all = new DevSetScorer.Tally();
    for (DevSetScorer.DocumentScore score : scores) {
      DevSetScorer.Tally t = score.total();
      all.add(t);
      out.append(String.format("%-28s %6d %6d %6d %6d %8d %8d %6d%n",
          score.file.replace(".txt", ""), t.expected(), t.right, t.wrong, t.gap,
          t.wrongNumbers, score.records, score.extraRecords));
    }
    out.append(String.format("%-28s %6d %6d %6d %6d %8d%n", "TOTAL", all.expected(), all.right,
        all.wrong, all.gap, all.wrongNumbers));
    out.append(String.format("right %s of expected fields; numbers compared %d, wrong %d%n",
        percent(all.right, all.expected()), all.numbers, all.wrongNumbers));
    out.append(String.format("%n%-12s %6s %6s %6s %6s %8s%n", "group", "fields", "right",
        "wrong", "gap", "right%"));
    for (String group : DevSetScorer.GROUPS) {
      DevSetScorer.Tally g = new DevSetScorer.Tally();
      scores.forEach(s -> g.add(s.groups.get(group)));
      out.append(String.format("%-12s %6d %6d %6d %6d %8s%n", group, g.expected(), g.right,
          g.wrong, g.gap, percent(g.right, g.expected())));
    }
    out.append("\nwrong values:\n");
    for (DevSetScorer.DocumentScore score : scores) {
      score.wrongs.forEach(w -> out.append("  ").append(score.file).append(' ').append(w)
          .append('\n'));
    }
    return out.toString();
  }

  private static String percent(int part, int whole) {
    return whole == 0 ? "-" : String.format("%.1f %%", 100.0 * part / whole);
  }
}
