package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A glued budget total row whose 执行率 is a fraction with no percent sign: split only where
 * 执行率 = 执行数 / 预算数 and 得分 = 分值 × 执行率 (分值 from the header) both hold.
 */
class GluedFractionRateTest {

  private static final List<String> COLS = List.of("adjusted", "executed", "rate", "score");

  @Test
  void theHeadersPointsCheckTheScoreAndFixTheCut() {
    // dev set 05: 预算数(A)执行数(B)执行率(B/A)得分(20分*执行率) | 1.56 1.56 1 20
    BigDecimal points = GluedFractionRate.headerPoints("预算执行情况(万元)(20分)预算数(A)执行数(B)"
        + "执行率(B/A)得分(20分*执行率)");
    assertEquals(0, BigDecimal.valueOf(20).compareTo(points));
    List<String[]> r = GluedFractionRate.readings("1.561.56120", COLS, points);
    assertEquals(1, r.size());
    assertArrayEquals(new String[] {"1.56", "1.56", "1", "20"}, r.get(0));
    // 50 of 80 spent, rate 0.63 (0.625), 10 points: 得分 6.3
    List<String[]> part = GluedFractionRate.readings("80500.636.3", COLS, BigDecimal.TEN);
    assertEquals(1, part.size());
    assertArrayEquals(new String[] {"80", "50", "0.63", "6.3"}, part.get(0));
  }

  @Test
  void withoutPointsOrWithPercentSignNoReadingIsTaken() {
    assertTrue(GluedFractionRate.readings("1.561.56120", COLS, null).isEmpty());
    assertTrue(GluedFractionRate.readings("1010100%20", COLS, BigDecimal.valueOf(20)).isEmpty());
    // a fraction printed 1 where 执行数 / 预算数 is 0.9: no reading (1 is 1.00, not 0.5 to 1.5)
    assertTrue(GluedFractionRate.readings("10912", COLS, BigDecimal.valueOf(2)).isEmpty());
    assertNull(GluedFractionRate.headerPoints("预算数(A)执行数(B)执行率(B/A)得分"));
    assertNull(GluedFractionRate.headerPoints("(20分)得分(10分*执行率)"));
  }
}
