package io.selfeval.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in flags.json, as the rules receive it: each group holds the values the README
 * documents (the one default of each setting is the file's).
 */
class FlagThresholdsTest {

  private final FlagThresholds defaults = FlagThresholds.load(null);

  private static BigDecimal dec(String v) {
    return new BigDecimal(v);
  }

  private static void same(BigDecimal expected, BigDecimal actual) {
    assertEquals(0, expected.compareTo(actual), expected + " vs " + actual);
  }

  @Test
  void eachGroupHoldsTheDocumentedDefaults() {
    FlagThresholds.Scores s = defaults.scores();
    same(dec("0.01"), s.tolerance());
    same(dec("100"), s.perfectTotal());
    same(dec("0.5"), s.excessMinPoints());
    same(dec("90"), s.highScoreMinTotal());
    assertEquals(List.of("产出指标", "效益指标", "满意度指标"),
        List.copyOf(s.standardLevel1Weights().keySet()));
    same(dec("0.1"), defaults.amounts().ratePp());
    same(dec("0.005"), defaults.amounts().wanYuan());
    assertEquals(3, defaults.indicatorMix().exactHitsMinQuantitative());
    same(dec("0.9"), defaults.indicatorMix().exactHitsMinShare());
    same(dec("0.5"), defaults.indicatorMix().qualitativeHeavyMinShare());
    same(dec("2"), defaults.satisfaction().marginPp());
    assertEquals(2, defaults.satisfaction().minYears());
    same(dec("3.5"), defaults.outliers().robustZ());
    assertEquals(5, defaults.outliers().minPeers());
    assertEquals(4, defaults.outliers().minYears());
    same(dec("1.0"), defaults.outliers().minMadOf("inflation_points"));
    same(BigDecimal.ZERO, defaults.outliers().minMadOf("no_such_metric"));
    assertEquals(List.of("fiscal_year", "unit_kind"), defaults.peers().groupBy());
    FlagThresholds.Digits d = defaults.digits();
    assertEquals(300, d.minPopulation());
    same(dec("0.015"), d.maxMad());
    same(dec("148.23"), d.maxLastTwoChi2());
    same(dec("0.2"), d.maxRoundShare());
    same(dec("100"), d.lastTwoMinWanYuan());
    same(dec("10"), d.roundUnitWanYuan());
    FlagThresholds.ClusterSettings c = defaults.clusters();
    assertEquals(List.of(20, 2, 6), List.of(c.minRows(), c.minK(), c.maxK()));
    same(dec("0.5"), defaults.linkMaxDistance());
    assertEquals("high", defaults.severities().of("PARTS_NOT_TOTAL"));
  }
}
