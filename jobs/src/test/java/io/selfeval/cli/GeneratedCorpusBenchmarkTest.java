package io.selfeval.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.evaluate.ManifestScorer;
import io.selfeval.generate.CorpusGenerator;
import io.selfeval.spark.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Precision and recall of every rule on a generated corpus of 200 units over 5 years (a
 * fabricated fourth year for the digit tests), printed per rule. Run with
 * {@code mvn -Pbenchmark test -Dtest=GeneratedCorpusBenchmarkTest}; {@code -Dcorpus.units=N}
 * and {@code -Dcorpus.seed=S} change the corpus.
 */
@Tag("benchmark")
class GeneratedCorpusBenchmarkTest {

  @TempDir
  Path tmp;

  @Test
  void rulesOnTwoHundredUnitsOverFiveYears() throws Exception {
    int units = Integer.getInteger("corpus.units", 200);
    long seed = Long.getLong("corpus.seed", 1L);
    List<ManifestScorer.Score> scores = CorpusRuns.generateRunAndScore(SharedSpark.get(),
        new CorpusGenerator.Settings(units, 5, 2020, seed, 2023), tmp);
    for (ManifestScorer.Score s : scores) {
      assertTrue(s.precision() >= 0.9 && s.recall() >= 0.9, s.describe());
    }
  }
}
