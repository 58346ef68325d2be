package io.selfeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import graph of issue 18: a stage package (extract, load, analyse, publish, site,
 * generate) uses the floor below the stages (model, warehouse, spark) and no other stage's
 * package; the floor uses no stage. Read from the main sources: every {@code io.selfeval.x}
 * named in code (imports and qualified names; comments left out).
 */
class ImportGraphTest {

  private static final Path MAIN = Path.of("jobs/src/main/java/io/selfeval");
  private static final Set<String> STAGES =
      Set.of("extract", "load", "analyse", "publish", "site", "generate");
  private static final Set<String> FLOOR = Set.of("model", "warehouse", "spark");
  /**
   * Arrows between stages still there, each named: the site reads the input documents' lines
   * again with extract's reader (SourceLines, for the flags' excerpts).
   */
  private static final Set<String> KNOWN = Set.of("site -> extract");

  private static final Pattern NAMED = Pattern.compile("\\bio\\.selfeval\\.([a-z]+)\\b");
  private static final Pattern COMMENT =
      Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  /** For each package under io.selfeval, the other packages of io.selfeval its code names. */
  static Map<String, Set<String>> arrows(Path main) throws IOException {
    Map<String, Set<String>> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String from = main.relativize(f).getName(0).toString();
        String code = COMMENT.matcher(Files.readString(f, StandardCharsets.UTF_8)).replaceAll("");
        Set<String> to = out.computeIfAbsent(from, k -> new TreeSet<>());
        Matcher m = NAMED.matcher(code);
        while (m.find()) {
          if (!m.group(1).equals(from)) {
            to.add(m.group(1));
          }
        }
      }
    }
    return out;
  }

  @Test
  void stagesUseTheFloorAndNoOtherStage() throws IOException {
    Map<String, Set<String>> arrows = arrows(MAIN);
    assertTrue(arrows.keySet().containsAll(STAGES) && arrows.keySet().containsAll(FLOOR),
        "packages read: " + arrows.keySet());
    Set<String> wrong = new TreeSet<>();
    arrows.forEach((from, targets) -> {
      for (String to : targets) {
        String arrow = from + " -> " + to;
        boolean fromStage = STAGES.contains(from);
        boolean fromFloor = FLOOR.contains(from);
        if (fromStage && !FLOOR.contains(to) && !KNOWN.contains(arrow)
            || fromFloor && STAGES.contains(to)) {
          wrong.add(arrow);
        }
      }
    });
    assertEquals(Set.of(), wrong, "all arrows: " + arrows);
    for (String known : KNOWN) {
      String[] ends = known.split(" -> ");
      assertTrue(arrows.get(ends[0]).contains(ends[1]),
          known + " is gone: remove it from KNOWN");
    }
  }

  @Test
  void anImportOfAnotherStageIsFound(@TempDir Path tmp)
      throws IOException {
    Path scorer = tmp.resolve("generate/FieldScorer.java");
    Files.createDirectories(scorer.getParent());
    Files.writeString(scorer, String.join("\n", List.of("package io.selfeval.generate;", "",
        "import io.selfeval.extract.ReportExtractor;", "import io.selfeval.model.Figure;",
        "/** Not {@link io.selfeval.load.LoadJob}. */", "class FieldScorer {",
        "  Object p = io.selfeval.publish.PublishJob.class; // io.selfeval.site", "}")));
    assertEquals(Map.of("generate", Set.of("extract", "model", "publish")), arrows(tmp));
  }
}
