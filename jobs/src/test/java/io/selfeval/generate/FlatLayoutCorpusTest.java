package io.selfeval.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.evaluate.FieldScorer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flattened layouts (flat_line, flat_pdf, flat_wrapped), pipe rows over two lines
 * (pipe_wrapped), the paragraph layout and the template variants (+columns, +points_levels,
 * +short_total, +no_weights, +names_first, +item_scores: scored items before the indicator
 * table, +source_budget: the budget block by
 * source of funds) and the headerless tail a table-layout document may
 * start with (+tail: an excerpt that begins mid-table) of a generated corpus, read back and
 * scored field by field: right, wrong and gaps per layout × field kind. The corpus size can be
 * raised for a measurement:
 * {@code -Dselfeval.flat.units=80 -Dselfeval.flat.years=5 -Dselfeval.flat.seed=23}.
 */
class FlatLayoutCorpusTest {

  private static final Logger LOG = LoggerFactory.getLogger(FlatLayoutCorpusTest.class);

  @Test
  void flattenedLayoutsAreReadWithoutWrongNumbers(@TempDir Path tmp) throws Exception {
    int units = Integer.getInteger("selfeval.flat.units", 30);
    int years = Integer.getInteger("selfeval.flat.years", 2);
    long seed = Long.getLong("selfeval.flat.seed", 29L);
    CorpusGenerator.Result r = new CorpusGenerator(
        new CorpusGenerator.Settings(units, years, 2021, seed, null, true)).write(tmp);
    FieldScorer s = FieldScorer.score(r.manifest());
    String table = String.join("\n", s.describe());
    LOG.info("layout corpus ({} units x {} years, seed {}):\n{}", units, years, seed, table);
    for (String m : s.misses()) {
      if (m.contains(" flat_") || m.contains(" paragraphs ") || m.contains(" +")) {
        LOG.info("miss: {}", m);
      }
    }
    for (String line : List.of("flat_line", "flat_pdf", "flat_wrapped", "pipe_wrapped",
        "paragraphs", "+columns",
        "+points_levels", "+short_total", "+header_total", "+tail", "+item_scores",
        "+source_budget")) {
      // +no_weights: too few here
      assertTrue(table.contains(line), line + " missing:\n" + table);
    }
    assertTrue(s.misses().stream().noneMatch(x -> x.startsWith("WRONG")), table);
    assertTrue(s.worstAccuracy() >= 0.97, table);
  }

  /**
   * +names_first (a flat_wrapped variant: a wrapped name lets the next row's name come before
   * its values) is drawn for too few documents of the corpus above: a corpus of its own where
   * it is drawn (40 units x 2 years, seed 42).
   */
  @Test
  void namesPrintedBeforeTheirValuesAreReadWithoutWrongNumbers(@TempDir Path tmp)
      throws Exception {
    CorpusGenerator.Result r = new CorpusGenerator(
        new CorpusGenerator.Settings(40, 2, 2021, 42L, null, true)).write(tmp);
    FieldScorer s = FieldScorer.score(r.manifest());
    String table = String.join("\n", s.describe());
    assertTrue(table.contains("+names_first"), table);
    assertTrue(s.misses().stream().noneMatch(x -> x.startsWith("WRONG")), table);
    assertTrue(s.worstAccuracy() >= 0.97, table);
  }
}
