package io.selfeval.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.evaluate.FieldScorer;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Glued variants drawn too rarely for the glued corpus test's corpus, each in a generated corpus
 * (seed 23) large enough to draw it, read back and scored: no number read may be wrong.
 * GARBLED_SCHEME (一级指标 header and cells scrambled, no 分值 column, 执行率 as a fraction under
 * 得分(10分*执行率), 总分 alone): 60 units × 2 years, the smallest of the first seeds that draws it.
 * WEIGHT_FIRST (分值 before the values, rows numbered 指标1…, the targets' comparators damaged by
 * OCR): 200 units × 2 years (60 units draw none).
 */
class GluedVariantCorpusTest {

  private static final Logger LOG = LoggerFactory.getLogger(GluedVariantCorpusTest.class);

  @ParameterizedTest
  @CsvSource({"+garbled_scheme, 60", "+weight_first, 200"})
  void variantIsReadWithoutWrongNumbers(String line, int units, @TempDir Path tmp)
      throws Exception {
    CorpusGenerator.Result r = new CorpusGenerator(
        new CorpusGenerator.Settings(units, 2, 2021, 23L, null, true, false, true)).write(tmp);
    FieldScorer s = FieldScorer.score(r.manifest());
    String table = String.join("\n", s.describe());
    LOG.info("{} corpus ({} units x 2 years, seed 23):\n{}", line, units, table);
    s.misses().stream().filter(x -> x.contains(line)).forEach(x -> LOG.info("miss {}", x));
    assertTrue(s.fields(line) > 0, table);
    assertTrue(s.misses().stream().noneMatch(x -> x.startsWith("WRONG") && x.contains(" "
        + line + " ")), table);
    assertEquals(0.0, s.wrongShare(line), table);
  }
}
