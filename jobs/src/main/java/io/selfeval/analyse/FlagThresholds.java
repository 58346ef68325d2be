package io.selfeval.analyse;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Thresholds of the score-inflation rules: configuration ({@code flags.json} on the classpath,
 * or the file given with {@code --config}), never literals in a rule.
 */
public record FlagThresholds(String version, BigDecimal perfectTotal, BigDecimal scoreTolerance,
    BigDecimal scoreExcessMinPoints, BigDecimal rateTolerancePp,
    BigDecimal amountToleranceWanYuan, Map<String, BigDecimal> standardLevel1Weights,
    int exactHitsMinQuantitative, BigDecimal exactHitsMinShare,
    BigDecimal qualitativeHeavyMinShare, BigDecimal highScoreMinTotal,
    BigDecimal satisfactionMarginPp, int satisfactionMinYears, BigDecimal outlierRobustZ,
    int outlierMinPeers, int outlierMinYears, List<String> outlierMetrics,
    Map<String, BigDecimal> outlierMinMad, List<String> peerGroupBy, List<UnitKind> unitKinds,
    int digitMinPopulation, BigDecimal digitMaxMad, BigDecimal digitMaxLastTwoChi2,
    BigDecimal digitMaxRoundShare, int clusterMinRows, int clusterMinK, int clusterMaxK,
    List<String> clusterFeatures, BigDecimal linkMaxDistance,
    Map<String, String> severity) implements Serializable {

  /** A kind of unit, recognised by how its name ends; peers are units of the same kind. */
  public record UnitKind(String kind, List<String> suffixes) implements Serializable {}

  /** The floor of the MAD of a metric: spreads below it are taken to be this wide. */
  public BigDecimal minMadOf(String metric) {
    return outlierMinMad == null ? BigDecimal.ZERO
        : outlierMinMad.getOrDefault(metric, BigDecimal.ZERO);
  }

  /** The built-in thresholds, or those of {@code file} when it is given. */
  public static FlagThresholds load(Path file) {
    try (InputStream in = file != null ? Files.newInputStream(file)
        : FlagThresholds.class.getResourceAsStream("/flags.json")) {
      return ConfigJson.MAPPER.readValue(in, FlagThresholds.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read flag thresholds "
          + (file != null ? file : "flags.json") + ": " + e.getMessage(), e);
    }
  }

  public String severityOf(String rule) {
    String s = severity.get(rule);
    if (s == null) {
      throw new IllegalStateException("no severity configured for rule " + rule);
    }
    return s;
  }
}
