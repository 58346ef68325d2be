package io.selfeval.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.evaluate.ManifestScorer;
import io.selfeval.generate.CorpusGenerator;
import io.selfeval.spark.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a small generated corpus (30 units over 5 years, no fabricated year:
 * its populations are too small for the digit tests, which DigitTestsTest covers): every rule
 * and both kinds of link reach precision and recall of 0.9 against the manifest. The 200-unit
 * corpus of the issue runs as a benchmark (GeneratedCorpusBenchmarkTest).
 */
class GeneratedCorpusIT {

  @TempDir
  Path tmp;

  @Test
  void everyRuleFindsWhatTheGeneratorPlanted() throws Exception {
    List<ManifestScorer.Score> scores = CorpusRuns.generateRunAndScore(SharedSpark.get(),
        new CorpusGenerator.Settings(30, 5, 2020, 9, null), tmp);
    // seed 9 plants every rule but the digit tests, renames units and rewords indicators:
    // the corpus must exercise the rules, not just agree on nothing
    long exercised = scores.stream().filter(s -> s.expected() > 0).count();
    assertTrue(exercised >= 22, "only " + exercised + " rules and links exercised: " + scores);
    for (ManifestScorer.Score s : scores) {
      assertTrue(s.precision() >= 0.9 && s.recall() >= 0.9, s.describe());
    }
  }
}
