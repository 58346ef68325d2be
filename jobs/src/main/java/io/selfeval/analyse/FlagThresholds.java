package io.selfeval.analyse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
 * or the file given with {@code --config}), never literals in a rule. The file is flat (the
 * site's rule pages and the DuckDB benchmark read its keys by name); the rules get the small
 * groups below, each only the one it reads: {@link #scores()}, {@link #amounts()},
 * {@link #indicatorMix()}, {@link #satisfaction()}, {@link #outliers()}, {@link #peers()},
 * {@link #digits()}, {@link #clusters()}, {@link #severities()}. Every setting has its one
 * default in the built-in file; a file missing a setting is refused, not filled with zero. The
 * file's {@code risk_weights} are publish's ({@code publish.RiskWeights}), not a rule's.
 */
@JsonIgnoreProperties({"risk_weights"})
public record FlagThresholds(String version, BigDecimal perfectTotal, BigDecimal scoreTolerance,
    BigDecimal scoreExcessMinPoints, BigDecimal rateTolerancePp,
    BigDecimal amountToleranceWanYuan, Map<String, BigDecimal> standardLevel1Weights,
    Integer exactHitsMinQuantitative, BigDecimal exactHitsMinShare,
    BigDecimal qualitativeHeavyMinShare, BigDecimal highScoreMinTotal,
    BigDecimal satisfactionMarginPp, Integer satisfactionMinYears, BigDecimal outlierRobustZ,
    Integer outlierMinPeers, Integer outlierMinYears, List<String> outlierMetrics,
    Map<String, BigDecimal> outlierMinMad, List<String> peerGroupBy, List<UnitKind> unitKinds,
    Integer digitMinPopulation, BigDecimal digitMaxMad, BigDecimal digitMaxLastTwoChi2,
    BigDecimal digitMaxRoundShare, BigDecimal digitLastTwoMinWanYuan,
    BigDecimal digitRoundUnitWanYuan, Integer clusterMinRows, Integer clusterMinK,
    Integer clusterMaxK, List<String> clusterFeatures, BigDecimal linkMaxDistance,
    Map<String, String> severity) implements Serializable {

  /** A kind of unit, recognised by how its name ends; peers are units of the same kind. */
  public record UnitKind(String kind, List<String> suffixes) implements Serializable {}

  /**
   * Scores against weights and totals.
   *
   * @param tolerance points within which two scores are equal (a row at its weight less this is
   *     at full marks)
   * @param standardLevel1Weights the weights of the level-1 groups a standard form prints
   */
  public record Scores(BigDecimal tolerance, BigDecimal perfectTotal, BigDecimal excessMinPoints,
      BigDecimal highScoreMinTotal, Map<String, BigDecimal> standardLevel1Weights)
      implements Serializable {}

  /** Budget figures: rates within {@code ratePp} points and amounts within 万元 are equal. */
  public record Amounts(BigDecimal ratePp, BigDecimal wanYuan) implements Serializable {}

  /** How a form's indicator rows are mixed: exact hits, qualitative weight. */
  public record IndicatorMix(int exactHitsMinQuantitative, BigDecimal exactHitsMinShare,
      BigDecimal qualitativeHeavyMinShare) implements Serializable {}

  /** Satisfaction rates at most {@code marginPp} above their target in {@code minYears}. */
  public record Satisfaction(BigDecimal marginPp, int minYears) implements Serializable {}

  /** Robust z-score outliers among peers and in a unit's own history. */
  public record Outliers(BigDecimal robustZ, int minPeers, int minYears, List<String> metrics,
      Map<String, BigDecimal> minMad) implements Serializable {

    /** The floor of the MAD of a metric: spreads below it are taken to be this wide. */
    public BigDecimal minMadOf(String metric) {
      return minMad == null ? BigDecimal.ZERO : minMad.getOrDefault(metric, BigDecimal.ZERO);
    }
  }

  /** Who a unit-year's peers are: the profile columns that group them, the kinds of unit. */
  public record Peers(List<String> groupBy, List<UnitKind> kinds) implements Serializable {}

  /**
   * The digit tests of a year's amounts.
   *
   * @param lastTwoMinWanYuan the smallest amount whose last two integer digits are tested
   * @param roundUnitWanYuan an amount of at least this that is a whole multiple of it is round
   */
  public record Digits(int minPopulation, BigDecimal maxMad, BigDecimal maxLastTwoChi2,
      BigDecimal maxRoundShare, BigDecimal lastTwoMinWanYuan, BigDecimal roundUnitWanYuan)
      implements Serializable {}

  /** k-means over the unit-year profiles. */
  public record ClusterSettings(int minRows, int minK, int maxK, List<String> features)
      implements Serializable {}

  /** The severity of each rule. */
  public record Severities(Map<String, String> byRule) implements Serializable {

    /** The severity configured for {@code rule}; a rule without one is a configuration error. */
    public String of(String rule) {
      String s = byRule.get(rule);
      if (s == null) {
        throw new IllegalStateException("no severity configured for rule " + rule);
      }
      return s;
    }
  }

  public Scores scores() {
    return new Scores(scoreTolerance, perfectTotal, scoreExcessMinPoints, highScoreMinTotal,
        standardLevel1Weights);
  }

  public Amounts amounts() {
    return new Amounts(rateTolerancePp, amountToleranceWanYuan);
  }

  public IndicatorMix indicatorMix() {
    return new IndicatorMix(exactHitsMinQuantitative, exactHitsMinShare,
        qualitativeHeavyMinShare);
  }

  public Satisfaction satisfaction() {
    return new Satisfaction(satisfactionMarginPp, satisfactionMinYears);
  }

  public Outliers outliers() {
    return new Outliers(outlierRobustZ, outlierMinPeers, outlierMinYears, outlierMetrics,
        outlierMinMad);
  }

  public Peers peers() {
    return new Peers(peerGroupBy, unitKinds);
  }

  public Digits digits() {
    return new Digits(digitMinPopulation, digitMaxMad, digitMaxLastTwoChi2, digitMaxRoundShare,
        digitLastTwoMinWanYuan, digitRoundUnitWanYuan);
  }

  public ClusterSettings clusters() {
    return new ClusterSettings(clusterMinRows, clusterMinK, clusterMaxK, clusterFeatures);
  }

  public Severities severities() {
    return new Severities(severity);
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
   * negative number (a tolerance, a minimum, a weight, a count), a share above 1, or a setting
   * the file leaves out. A negative tolerance turns every comparison into a flag.
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
      if (value == null) {
        wrong.add(name + " is missing");
      } else if (value instanceof Map<?, ?> map) {
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
}
