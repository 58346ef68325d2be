package io.selfeval.analyse;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
      return ConfigJson.MAPPER.readValue(in, FlagThresholds.class).checked();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read flag thresholds "
          + (file != null ? file : "flags.json") + ": " + e.getMessage(), e);
    }
  }

  /**
   * These thresholds, or an {@link IllegalArgumentException} naming each that cannot be meant: a
   * negative number (a tolerance, a minimum, a weight, a count), or a share above 1. A negative
   * tolerance turns every comparison into a flag.
   */
  FlagThresholds checked() {
    List<String> wrong = new ArrayList<>();
    for (RecordComponent c : FlagThresholds.class.getRecordComponents()) {
      Object value;
      try {
        value = c.getAccessor().invoke(this);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      // as the JSON file names it: standard_level1_weights, not standardLevel1Weights
      String name = c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
      if (value instanceof Map<?, ?> map) {
        map.forEach((k, v) -> check(name + "." + k, v, wrong));
      } else {
        check(name, value, wrong);
      }
    }
    if (!wrong.isEmpty()) {
      throw new IllegalArgumentException("invalid thresholds: " + String.join(", ", wrong));
    }
    return this;
  }

  private static void check(String name, Object value, List<String> wrong) {
    BigDecimal n = value instanceof BigDecimal b ? b
        : value instanceof Integer i ? BigDecimal.valueOf(i) : null;
    if (n == null) {
      return;
    }
    if (n.signum() < 0) {
      wrong.add(name + " = " + n.toPlainString() + " is negative");
    } else if (name.endsWith("_share") && n.compareTo(BigDecimal.ONE) > 0) {
      wrong.add(name + " = " + n.toPlainString() + " is a share above 1");
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
