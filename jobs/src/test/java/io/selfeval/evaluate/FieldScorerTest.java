package io.selfeval.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.generate.CorpusGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small corpus in generated layouts, read back by the extractor and scored field by field. */
class FieldScorerTest {

  @Test
  void layoutCorpusIsReadWithoutWrongNumbers(@TempDir Path tmp) throws Exception {
    CorpusGenerator.Result r = new CorpusGenerator(
        new CorpusGenerator.Settings(24, 2, 2021, 17, null, true)).write(tmp);
    JsonNode m = new ObjectMapper().readTree(r.manifest().toFile());
    assertTrue(m.get("layouts").asBoolean());
    Set<String> layouts = new HashSet<>();
    for (JsonNode d : m.get("documents")) {
      layouts.add(d.get("layout").asText());
      assertTrue(d.get("forms").get(0).has("fields"));
    }
    assertTrue(layouts.size() >= 5, "layouts drawn: " + layouts);
    FieldScorer s = FieldScorer.score(r.manifest());
    String table = String.join("\n", s.describe());
    assertTrue(s.misses().stream().noneMatch(x -> x.startsWith("WRONG")), table);
    assertTrue(s.worstAccuracy() >= 0.9, table);
    assertTrue(table.contains("48 documents"), table);
  }

  @Test
  void defaultCorpusKeepsTheSeedsLayoutAndWritesNoFields(@TempDir Path tmp) throws Exception {
    CorpusGenerator.Result r = new CorpusGenerator(
        new CorpusGenerator.Settings(3, 1, 2021, 17, null)).write(tmp);
    JsonNode m = new ObjectMapper().readTree(r.manifest().toFile());
    assertFalse(m.has("layouts"));
    JsonNode d = m.get("documents").get(0);
    assertFalse(d.has("layout"));
    String text = Files.readString(tmp.resolve("reports").resolve(d.get("file").asText()));
    assertTrue(text.contains("\t合计\t"));
    assertEquals(0, FieldScorer.score(r.manifest()).describe().stream()
        .filter(l -> l.startsWith("tab ")).count());
  }
}
