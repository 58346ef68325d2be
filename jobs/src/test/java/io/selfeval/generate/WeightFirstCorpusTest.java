package io.selfeval.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.evaluate.FieldScorer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The glued forms of the WEIGHT_FIRST variant (分值 before the values, rows numbered 指标1…, the
 * targets' comparators damaged by OCR) in a generated corpus, read back and scored: no number
 * read may be wrong (corpus of 60 units × 2 years, seed 23).
 */
class WeightFirstCorpusTest {

  private static final Logger LOG = LoggerFactory.getLogger(WeightFirstCorpusTest.class);
  private static final String LINE = "+weight_first";

  @Test
  void weightFirstFormsAreReadWithoutWrongNumbers(@TempDir Path tmp) throws Exception {
    CorpusGenerator.Result r = new CorpusGenerator(
        new CorpusGenerator.Settings(200, 2, 2021, 23L, null, true, false, true)).write(tmp);
    FieldScorer s = FieldScorer.score(r.manifest());
    String table = String.join("\n", s.describe());
    LOG.info("weight first corpus (200 units x 2 years, seed 23):\n{}", table);
    s.misses().stream().filter(x -> x.contains(LINE)).forEach(x -> LOG.info("miss {}", x));
    assertTrue(s.fields(LINE) > 0, table);
    assertTrue(s.misses().stream().noneMatch(x -> x.startsWith("WRONG") && x.contains(" "
        + LINE + " ")), table);
    assertEquals(0.0, s.wrongShare(LINE), table);
  }
}
