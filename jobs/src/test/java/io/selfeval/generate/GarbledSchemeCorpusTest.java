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
 * The glued forms of the GARBLED_SCHEME variant (一级指标 header and cells scrambled, no 分值
 * column, 执行率 as a fraction under 得分(10分*执行率), 总分 alone) in a generated corpus, read back
 * and scored: no number read may be wrong. The corpus (60 units × 2 years, seed 23) is the
 * smallest of the first seeds that draws the variant.
 */
class GarbledSchemeCorpusTest {

  private static final Logger LOG = LoggerFactory.getLogger(GarbledSchemeCorpusTest.class);
  private static final String LINE = "+garbled_scheme";

  @Test
  void garbledSchemeFormsAreReadWithoutWrongNumbers(@TempDir Path tmp) throws Exception {
    CorpusGenerator.Result r = new CorpusGenerator(
        new CorpusGenerator.Settings(60, 2, 2021, 23L, null, true, false, true)).write(tmp);
    FieldScorer s = FieldScorer.score(r.manifest());
    String table = String.join("\n", s.describe());
    LOG.info("garbled scheme corpus (60 units x 2 years, seed 23):\n{}", table);
    assertTrue(s.fields(LINE) > 0, table);
    assertTrue(s.misses().stream().noneMatch(x -> x.startsWith("WRONG") && x.contains(" "
        + LINE + " ")), table);
    assertEquals(0.0, s.wrongShare(LINE), table);
  }
}
