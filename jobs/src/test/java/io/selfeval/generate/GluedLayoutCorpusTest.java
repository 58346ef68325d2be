package io.selfeval.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.evaluate.FieldScorer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The glued layout of a generated corpus (every cell glued to the next, page numbers and a
 * site's banner inside the text), read back and scored field by field: no number read may be
 * wrong; how many fields are right is printed, not asserted (cells whose boundaries the form's
 * arithmetic does not fix are gaps). The corpus size can be raised for a measurement:
 * {@code -Dselfeval.glued.units=80 -Dselfeval.glued.years=5 -Dselfeval.glued.seed=23}.
 */
class GluedLayoutCorpusTest {

  private static final Logger LOG = LoggerFactory.getLogger(GluedLayoutCorpusTest.class);

  @Test
  void gluedFormsAreReadWithoutWrongNumbers(@TempDir Path tmp) throws Exception {
    int units = Integer.getInteger("selfeval.glued.units", 40);
    int years = Integer.getInteger("selfeval.glued.years", 2);
    long seed = Long.getLong("selfeval.glued.seed", 31L);
    CorpusGenerator.Result r = new CorpusGenerator(
        new CorpusGenerator.Settings(units, years, 2021, seed, null, true, false, true)).write(tmp);
    FieldScorer s = FieldScorer.score(r.manifest());
    String table = String.join("\n", s.describe());
    LOG.info("layout corpus ({} units x {} years, seed {}):\n{}", units, years, seed, table);
    // the misses of one line of the table: -Dselfeval.glued.misses=+pinyin (default glued)
    String line = " " + System.getProperty("selfeval.glued.misses", "glued") + " ";
    for (String m : s.misses()) {
      if (m.contains(line)) {
        LOG.info("miss: {}", m);
      }
    }
    assertTrue(table.contains("glued"), table);
    assertTrue(s.fields("glued") > 0, table);
    assertTrue(s.misses().stream().noneMatch(x -> x.startsWith("WRONG")), table);
    assertTrue(s.wrongShare("glued") <= 0.001, table);
  }
}
