package io.selfeval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.cli.SeedWarehouse;
import io.selfeval.extract.Seeds;
import io.selfeval.pipeline.ExitCodes;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The analyst notebooks in notebooks/ run headless ({@code notebooks/run.sh}) against the marts
 * of the seeds, save their figures, and show what a reader checks first: the riskiest form and
 * the report lines behind its flags. Needs bash and Python 3.11+ with pip; the notebook stack is
 * installed into target/notebook-env on first use. Skipped, saying so, without bash or such a
 * Python; skip it anyway with {@code -Dselfeval.skipNotebooks}.
 */
class NotebooksIT {

  private static final Path NOTEBOOKS = Path.of("notebooks");
  private static final Map<String, List<String>> FIGURES = Map.of(
      "overview", List.of("overview_self_vs_fair_scores", "overview_execution_rates",
          "overview_inflation_by_unit"),
      "audit_walkthrough", List.of("audit_top_risk_forms", "audit_flags_by_rule"),
      "patterns", List.of("patterns_clusters", "patterns_cluster_profiles",
          "patterns_target_changes"));
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a,
      '\n'};
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @Tag("python")
  void notebooksRunHeadlessOnTheSeedMartsAndWalkThroughTheRiskiestForm() throws Exception {
    assumeFalse(Boolean.getBoolean("selfeval.skipNotebooks"), "-Dselfeval.skipNotebooks");
    String purpose = "running the notebooks (bash and Python 3.11+, or SELFEVAL_PYTHON)";
    ExternalTools.assumeAvailable(purpose, "bash", "--version");
    String python = System.getenv().getOrDefault("SELFEVAL_PYTHON", "python3");
    ExternalTools.assumeAvailable(purpose, python, "-c",
        "import sys; sys.exit('Python %d.%d is older than 3.11' % sys.version_info[:2]"
            + " if sys.version_info < (3, 11) else 0)");
    final Path warehouse = SeedWarehouse.get();
    // the seed run's empty file is a new rejection: exit 4, the marts are published
    assertEquals(ExitCodes.SOME_REJECTED, SeedWarehouse.exitCode(),
        SeedWarehouse.output());
    final Path out = Path.of("target", "notebooks-test").toAbsolutePath();
    deleteRecursively(out);
    Files.createDirectories(out);
    final Path log = Path.of("target", "notebooks-test.log").toAbsolutePath();

    ProcessBuilder builder = new ProcessBuilder("bash", "notebooks/run.sh",
        warehouse.toString(), out.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("SELFEVAL_REPORTS", Seeds.DIR.toAbsolutePath().toString());
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      fail("notebooks/run.sh did not finish in 10 minutes:\n" + Files.readString(log));
    }
    String output = Files.readString(log);
    assertEquals(0, process.exitValue(), "notebooks/run.sh failed:\n" + output);

    for (Map.Entry<String, List<String>> notebook : FIGURES.entrySet()) {
      assertTrue(Files.isRegularFile(out.resolve(notebook.getKey() + ".ipynb")),
          "executed copy of " + notebook.getKey());
      for (String figure : notebook.getValue()) {
        assertPng(out.resolve(figure + ".png"), notebook.getKey());
      }
    }

    // the audit walk-through ranks 003's 办案费 first (6 flags: 5 x 1 + 2 x 4 + 1 x 1 + 0.38
    // inflation points) and quotes the report behind each of its flags
    String audit = outputText(out.resolve("audit_walkthrough.ipynb"));
    String first = lineStartingWith(audit, "#1 ");
    assertTrue(first.contains("14.38") && first.contains("2024") && first.contains("办案费"),
        first);
    assertTrue(audit.contains("6 flags (1 high, 4 medium, 1 low)"), audit);
    assertTrue(audit.contains("[high] PARTS_NOT_TOTAL"), audit);
    assertTrue(audit.contains("at 003_8a9d7d315562be05.txt:1291"), audit);
    assertTrue(audit.contains("› 总分 | 100 | «96»"), "printed total 96, parts 10 + 87\n" + audit);
    assertTrue(audit.contains("[medium] SCORE_EXCESS — 增加财政非税收入"), audit);
    assertTrue(audit.contains("at 003_8a9d7d315562be05.txt:1211"), audit);
    assertTrue(audit.contains("增加财政非税收入 | 年度预算计划数25万元 | 11.32万元 | 8 | 5"),
        "the row: target 25, actual 11.32, weight 8, awarded 5\n" + audit);
    assertTrue(audit.contains("› 年度资金总额 | «2.51» | 32.26 | 32.26 | 10 | 100% | 10"),
        "initial 2.51, adjusted to the spend 32.26\n" + audit);

    // five unit-years are too few to cluster: the patterns notebook says so instead of failing
    String patterns = outputText(out.resolve("patterns.ipynb"));
    assertTrue(patterns.contains("5 unit-years of 5 units"), patterns);
    assertTrue(patterns.contains("clustered: 0 unit-years"), patterns);
    String overview = outputText(out.resolve("overview.ipynb"));
    assertTrue(overview.contains("9 forms; 7 with both a printed and a fair total"), overview);
  }

  @Test
  void committedNotebooksCarryNoOutputs() throws IOException {
    List<Path> notebooks;
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertEquals(FIGURES.keySet().stream().sorted().map(n -> n + ".ipynb").toList(),
        notebooks.stream().map(p -> p.getFileName().toString()).toList());
    for (Path notebook : notebooks) {
      for (JsonNode cell : JSON.readTree(notebook.toFile()).get("cells")) {
        if ("code".equals(cell.get("cell_type").asText())) {
          assertEquals(0, cell.get("outputs").size(), notebook + ": outputs committed");
          assertTrue(cell.get("execution_count").isNull(), notebook + ": execution count");
        }
      }
    }
  }

  private static void assertPng(Path png, String notebook) throws IOException {
    assertTrue(Files.isRegularFile(png), notebook + " did not save " + png.getFileName());
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(bytes.length > PNG_SIGNATURE.length, png + " is empty");
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length),
        png + " is not a PNG");
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, png + " does not decode");
    assertTrue(image.getWidth() > 100 && image.getHeight() > 100, png + " is too small");
  }

  /** What a reader sees of an executed notebook: its printed text and its plain-text results. */
  private static String outputText(Path notebook) throws IOException {
    StringBuilder text = new StringBuilder();
    for (JsonNode cell : JSON.readTree(notebook.toFile()).get("cells")) {
      for (JsonNode output : cell.path("outputs")) {
        appendText(text, output.path("text"));
        appendText(text, output.path("data").path("text/plain"));
      }
    }
    return text.toString();
  }

  private static void appendText(StringBuilder text, JsonNode node) {
    if (node.isArray()) {
      node.forEach(part -> text.append(part.asText()));
    } else if (node.isTextual()) {
      text.append(node.asText());
    }
    text.append('\n');
  }

  private static String lineStartingWith(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseGet(() -> fail("no line starting with '" + prefix + "' in\n" + text));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
    }
    for (Path p : paths) {
      Files.delete(p);
    }
  }
}
