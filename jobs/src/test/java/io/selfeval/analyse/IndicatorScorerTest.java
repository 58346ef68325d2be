package io.selfeval.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Hand-computed expectations from the seeds and the rule packs' texts. */
class IndicatorScorerTest {

  private final IndicatorScorer national = new IndicatorScorer(RulePack.load("national"));
  private final IndicatorScorer hunan = new IndicatorScorer(RulePack.load("hunan"));

  private static BigDecimal dec(String v) {
    return new BigDecimal(v);
  }

  private static void assertDecimal(String expected, BigDecimal actual) {
    assertEquals(0, dec(expected).compareTo(actual), "expected " + expected + " got " + actual);
  }

  @Test
  void missedRevenueTargetOfSeed003CaseFeesEarnsItsShare() {
    // 003 附件1-3 办案费, 增加财政非税收入: target 25万元, actual 11.32万元, weight 8, awarded 5
    Assessment a = national.assess("增加财政非税收入", "年度预算计划数25万元", "11.32万元", dec("8"));
    assertEquals("higher_is_better", a.direction());
    assertEquals("missed", a.status());
    assertEquals("proportional", a.rule());
    assertDecimal("3.62", a.expectedScore()); // 8 x 11.32 / 25 = 3.6224
    assertDecimal("1.38", dec("5").subtract(a.expectedScore()));
    assertDecimal("-0.5472", a.relativeDeviation()); // (11.32 - 25) / 25
    assertEquals(false, a.exactHit());
  }

  @Test
  void errorRateOfZeroAgainstZeroIsMetExactlyAndLowerIsBetter() {
    // 001 质量指标 违法案件处罚错案率: 0 / 0, weight 15
    Assessment a = national.assess("违法案件处罚错案率", "0", "0", dec("15"));
    assertEquals("lower_is_better", a.direction());
    assertEquals("met", a.status());
    assertEquals(true, a.exactHit());
    assertDecimal("15", a.expectedScore());
    assertNull(a.relativeDeviation(), "no relative deviation from a target of 0");
  }

  @Test
  void rateOfHandlingViolationsIsHigherIsBetter() {
    // 003 unit 数量指标: the name mentions 违规 but measures cases closed
    Assessment a = national.assess("及时处理违规行为，强化行政管理，案件办结率", "95%", "97%",
        dec("4"));
    assertEquals("higher_is_better", a.direction());
    assertEquals("exceeded", a.status());
    assertDecimal("4", a.expectedScore());
    assertEquals("lower_is_better",
        national.assess("违规操作次数", "5次", "3次", dec("4")).direction());
  }

  @Test
  void satisfactionAboveItsThresholdEarnsFullWeight() {
    // 001 执法满意率: ≥90% / 93%, weight 10
    Assessment a = national.assess("执法满意率", "≥90%", "93%", dec("10"));
    assertEquals("exceeded", a.status());
    assertEquals("full_weight", a.rule());
    assertDecimal("10", a.expectedScore());
    assertDecimal("0.033333", a.relativeDeviation()); // 3 / 90
  }

  @Test
  void qualitativeAndDeadlineActualsEarnTheirBand() {
    Assessment budget = national.assess("执法成本", "不超预算", "未超预算", dec("10"));
    assertEquals("qualitative_band", budget.rule());
    assertDecimal("10", budget.expectedScore());
    Assessment deadline = national.assess("按时完成相关工作", "2024年12月31日前", "均如期完成",
        dec("5"));
    assertEquals("met", deadline.status());
    assertDecimal("5", deadline.expectedScore());
    Assessment harm = national.assess("对社会发展可能造成的负面影响", "无负面影响", "无负面影响",
        dec("4"));
    assertDecimal("4", harm.expectedScore());
  }

  @Test
  void unmeasurableRowsGetNoExpectedScore() {
    // 003 不适用 / 不适用 with weight 0; 001 日常执法 with a cut-off target
    assertNull(national.assess("是否产生一定的生态效益", "不适用", "不适用", dec("0"))
        .expectedScore());
    Assessment a = national.assess("市容市貌", "整洁、有序、舒适", "效果显著", dec("10"));
    assertEquals("qualitative_band", a.rule(), "效果显著 states an achievement");
    assertNull(national.assess("x", "12次", "按计划", null).expectedScore());
  }

  @Test
  void packsDifferOnOverAchievementAndTheBudgetCap() {
    // a target beaten by 60 %: national (ratio 2.0) full weight, hunan (ratio 1.5) 80 %
    assertDecimal("10", national.assess("巡查次数", "100次", "160次", dec("10")).expectedScore());
    Assessment h = hunan.assess("巡查次数", "100次", "160次", dec("10"));
    assertEquals("over_achievement", h.rule());
    assertDecimal("8", h.expectedScore());
    // a budget block executed at 105 %: capped at 10 nationally, 10.5 in the Hunan pack
    assertDecimal("10", national.budgetScore(dec("10"), dec("1.05")));
    assertDecimal("10.5", hunan.budgetScore(dec("10"), dec("1.05")));
    // 003 unit form: 1627.57 / 1674.52 = 97.196 % -> 9.72 under both
    BigDecimal rate = dec("1627.57").divide(dec("1674.52"), java.math.MathContext.DECIMAL64);
    assertDecimal("9.72", national.budgetScore(dec("10"), rate));
    assertDecimal("9.72", hunan.budgetScore(dec("10"), rate));
    // 003 城管事务经费: 244.65 / 249.66 = 97.99 % -> 9.80
    assertDecimal("9.80", national.budgetScore(dec("10"),
        dec("244.65").divide(dec("249.66"), java.math.MathContext.DECIMAL64)));
  }

  @Test
  void rulePacksLoadAndGradeTotals() {
    RulePack pack = RulePack.load("national");
    assertEquals("national@2021.1", pack.label());
    assertEquals("优", pack.gradeOf(dec("96.72")));
    assertEquals("良", pack.gradeOf(dec("89.99")));
    assertEquals("中", pack.gradeOf(dec("60")));
    assertEquals("差", pack.gradeOf(dec("59.9")));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> RulePack.load("atlantis"));
  }
}
