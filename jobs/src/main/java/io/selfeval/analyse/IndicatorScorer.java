package io.selfeval.analyse;

import io.selfeval.analyse.IndicatorValue.Kind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Scores one indicator row under a rule pack.
 *
 * <p><b>Direction.</b> Lower is better when the target says so (≤, <, 以内, 不超过 …) or the
 * indicator's name is about something to keep down (错案率, 投诉, 事故, 成本, 时长, 差错, 违规, 纠纷,
 * 超标, 能耗), unless it is the rate of something done (办结率, 处理率, 完成率, 满意度 …), or
 * the target asks to reduce (降低, 减少); exact match when the target says "=";
 * otherwise higher is better.
 *
 * <p><b>Quantitative</b> (target and actual both numbers, percentages or counts per the same
 * period, in the same unit or one unstated): met when equal, exceeded when better, missed when
 * worse. A met or exceeded indicator earns its weight ({@code full_weight}), unless a
 * higher-is-better target was beaten by the pack's over-achievement ratio or more, which earns
 * the pack's fraction of it ({@code over_achievement}). A missed one earns weight x actual /
 * target ({@code proportional}) or weight x target / actual when lower is better
 * ({@code reverse_proportional}).
 *
 * <p><b>Deadlines</b>: an actual stating completion in time meets a deadline target.
 *
 * <p><b>Qualitative</b> actuals earn at most the pack's share of the weight for their band:
 * achieved (positive), partial, not achieved (negative) ({@code qualitative_band}). An actual that
 * is neither, or a pair that cannot be compared, is {@code not_measurable}: no expected score.
 */
public final class IndicatorScorer {

  public static final String HIGHER = "higher_is_better";
  public static final String LOWER = "lower_is_better";
  public static final String EXACT = "exact_match";

  private static final List<String> LOWER_WORDS = List.of("错案率", "投诉", "事故", "成本",
      "时长", "差错", "违规", "纠纷", "超标", "能耗", "负面", "发生率", "失误");
  /** Rates of things done: "及时处理违规行为…案件办结率" is about handling, higher is better. */
  private static final List<String> HIGHER_RATES = List.of("办结率", "结案率", "处理率",
      "完成率", "满意", "合格率", "及时率", "完好率", "覆盖率", "达标率", "整改率", "到位率",
      "准时率", "执行率", "查处率");
  private static final MathContext MC = MathContext.DECIMAL64;

  private final RulePack pack;

  public IndicatorScorer(RulePack pack) {
    this.pack = pack;
  }

  public Assessment assess(String name, String targetText, String actualText, BigDecimal weight) {
    return assess(name, ValueParser.parse(targetText), ValueParser.parse(actualText), weight);
  }

  /** {@link #assess(String, String, String, BigDecimal)} of texts the caller has parsed. */
  public Assessment assess(String name, IndicatorValue target, IndicatorValue actual,
      BigDecimal weight) {
    String direction = direction(name, target);
    if (weight == null) {
      return new Assessment(direction, "not_measurable", null, null, null, "no_weight");
    }
    if (comparable(target, actual)) {
      return quantitative(direction, target.value(), actual.value(), weight);
    }
    if (target.kind() == Kind.DEADLINE && actual.kind() == Kind.DEADLINE
        && target.deadline() != null && actual.deadline() != null) {
      boolean inTime = !actual.deadline().isAfter(target.deadline());
      return new Assessment(LOWER, inTime ? "met" : "missed", null, null,
          inTime ? round(weight) : BigDecimal.ZERO.setScale(pack.scoreScale()), "deadline");
    }
    if (actual.kind() == Kind.QUALITATIVE && actual.polarity() != null
        && target.kind() != Kind.NOT_APPLICABLE) {
      BigDecimal share = switch (actual.polarity()) {
        case "positive" -> pack.qualitative().achieved();
        case "partial" -> pack.qualitative().partial();
        default -> pack.qualitative().notAchieved();
      };
      String status = "positive".equals(actual.polarity()) ? "met" : "missed";
      return new Assessment(direction, status, null, null, round(weight.multiply(share)),
          "qualitative_band");
    }
    return new Assessment(direction, "not_measurable", null, null, null, "not_measurable");
  }

  static String direction(String name, IndicatorValue target) {
    String c = target.comparator();
    if ("<=".equals(c) || "<".equals(c) || "decrease".equals(target.trend())) {
      return LOWER;
    }
    if (name != null && LOWER_WORDS.stream().anyMatch(name::contains)
        && HIGHER_RATES.stream().noneMatch(name::contains)) {
      return LOWER;
    }
    if ("=".equals(c)) {
      return EXACT;
    }
    return HIGHER;
  }

  private static boolean comparable(IndicatorValue t, IndicatorValue a) {
    if (t.value() == null || a.value() == null || t.kind() != a.kind()) {
      return false;
    }
    if (t.kind() != Kind.NUMBER && t.kind() != Kind.PERCENT
        && t.kind() != Kind.COUNT_PER_PERIOD) {
      return false;
    }
    if (!Objects.equals(t.period(), a.period())) {
      return false;
    }
    return t.unit() == null || a.unit() == null || t.unit().equals(a.unit());
  }

  private Assessment quantitative(String direction, BigDecimal target, BigDecimal actual,
      BigDecimal weight) {
    int cmp = actual.compareTo(target);
    boolean exactHit = cmp == 0;
    BigDecimal deviation = target.signum() == 0 ? null
        : actual.subtract(target).divide(target, MC).setScale(6, RoundingMode.HALF_UP);
    String status;
    if (cmp == 0) {
      status = "met";
    } else if (EXACT.equals(direction)) {
      status = "missed";
    } else if ((cmp > 0) == HIGHER.equals(direction)) {
      status = "exceeded";
    } else {
      status = "missed";
    }
    if (!"missed".equals(status)) {
      if (HIGHER.equals(direction) && target.signum() > 0
          && actual.divide(target, MC).compareTo(pack.overAchievement().ratio()) >= 0) {
        return new Assessment(direction, status, deviation, exactHit,
            round(weight.multiply(pack.overAchievement().fraction())), "over_achievement");
      }
      return new Assessment(direction, status, deviation, exactHit, round(weight),
          "full_weight");
    }
    if (EXACT.equals(direction)) {
      return new Assessment(direction, status, deviation, false,
          BigDecimal.ZERO.setScale(pack.scoreScale()), "exact_missed");
    }
    if (HIGHER.equals(direction)) {
      BigDecimal share = target.signum() == 0 ? BigDecimal.ONE : actual.divide(target, MC);
      return new Assessment(direction, status, deviation, false,
          round(weight.multiply(share.max(BigDecimal.ZERO))), "proportional");
    }
    BigDecimal share = actual.signum() == 0 ? BigDecimal.ONE : target.divide(actual, MC);
    return new Assessment(direction, status, deviation, false,
        round(weight.multiply(share.max(BigDecimal.ZERO))), "reverse_proportional");
  }

  /** The budget block's score: weight x executed / adjusted, capped when the pack says so. */
  public BigDecimal budgetScore(BigDecimal weight, BigDecimal rate) {
    if (rate == null) {
      return null;
    }
    BigDecimal w = weight != null ? weight : pack.budgetWeight();
    BigDecimal score = w.multiply(rate);
    if (pack.budgetScoreCapped()) {
      score = score.min(w);
    }
    return round(score);
  }

  private BigDecimal round(BigDecimal v) {
    return v.setScale(pack.scoreScale(), RoundingMode.HALF_UP);
  }
}
