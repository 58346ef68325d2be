package io.selfeval.analyse;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One indicator text (a target 年度指标值 or an actual 实际完成值) read as a typed value by
 * {@link ValueParser}; see there for every rule.
 *
 * @param kind what sort of value the text states
 * @param comparator {@code ">="}, {@code ">"}, {@code "<="}, {@code "<"}, {@code "="}, or null
 *     when the text states none; only set for NUMBER, PERCENT, COUNT_PER_PERIOD and DEADLINE
 * @param value the number, exact; percentage points for PERCENT; 万/亿 applied except to money;
 *     never null for NUMBER, PERCENT and COUNT_PER_PERIOD, always null for the other kinds
 * @param unit the unit as printed after the number (㎡ read as 平方米, 百分比 as %), or null
 * @param approximation 余, 多, 近, 约 or 左右 when printed, else null
 * @param period 天, 周, 月, 季度, 半年, 年 or 旬 for a rate (1次/月, 每月1次) or a schedule (每天,
 *     按月发放), else null
 * @param deadline the date of a DEADLINE, else null
 * @param polarity for QUALITATIVE only: "positive", "negative", "partial", or null when the text
 *     states neither achievement nor failure
 * @param trend "increase" or "decrease" when the text names a direction of change, else null
 * @param text the input exactly as given
 */
public record IndicatorValue(
    Kind kind,
    String comparator,
    BigDecimal value,
    String unit,
    String approximation,
    String period,
    LocalDate deadline,
    String polarity,
    String trend,
    String text) {

  /** What sort of value an indicator text states. */
  public enum Kind {
    /** A number, with or without a unit: 24次, 25万元, ≥100件, 0. */
    NUMBER,
    /** A percentage, in percentage points: 95%, ≥100百分比. */
    PERCENT,
    /** A count in a period: 1次/月, 每季度2次. */
    COUNT_PER_PERIOD,
    /** A date to finish by: 2024年12月31日前. */
    DEADLINE,
    /** Words without a number to read: 未超预算, 无负面影响, 提高, 每天. */
    QUALITATIVE,
    /** The form says the indicator does not apply: 不适用, 无, /, —. */
    NOT_APPLICABLE,
    /** Read with no confidence: kept as text, never as a guessed number. */
    UNPARSED
  }

  /** True for the kinds that carry a number: NUMBER, PERCENT and COUNT_PER_PERIOD. */
  public boolean isNumeric() {
    return kind == Kind.NUMBER || kind == Kind.PERCENT || kind == Kind.COUNT_PER_PERIOD;
  }
}
