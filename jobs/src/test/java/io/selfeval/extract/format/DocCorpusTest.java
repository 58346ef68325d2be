package io.selfeval.extract.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.evaluate.FieldScorer;
import io.selfeval.extract.ReportExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A generated report (seed 31, u02) saved as Word 97-2003 .doc by LibreOffice
 * (dev/render-doc.sh; POI cannot write HWPF), committed with its manifest entry: read by
 * {@link DocReader} and scored field by field against the generator's truth.
 */
class DocCorpusTest {

  private static Path corpus() {
    Path dir = Path.of("jobs/src/test/resources/formats/doc").toAbsolutePath();
    return Files.isDirectory(dir) ? dir
        : Path.of("src/test/resources/formats/doc").toAbsolutePath();
  }

  @Test
  void wordNinetySevenDocumentIsReadWhole() throws Exception {
    Path doc = corpus().resolve("reports/u02-2020.doc");
    ReportExtractor.Result r = ReportExtractor.extract(Files.readAllBytes(doc), "u02-2020.doc");
    assertEquals(2, r.records().size(), String.valueOf(r.reason()));
    assertEquals("doc", r.records().get(0).source().format());
    FieldScorer s = FieldScorer.score(corpus().resolve("manifest.json"));
    String table = String.join("\n", s.describe()) + "\n" + String.join("\n", s.misses());
    assertTrue(s.fields("doc") > 100, table);
    assertTrue(s.accuracy("doc") >= 0.97, table);
    assertEquals(0, s.numbersWrong("doc"), table);
  }
}
