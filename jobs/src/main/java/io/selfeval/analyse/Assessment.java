package io.selfeval.analyse;

import java.math.BigDecimal;

/**
 * What an indicator row's target and actual say under a rule pack.
 *
 * @param direction higher_is_better, lower_is_better or exact_match
 * @param status met, exceeded, missed, or not_measurable
 * @param relativeDeviation (actual - target) / target for comparable numbers, else null
 * @param exactHit the numeric actual equals the numeric target
 * @param expectedScore the score the pack gives, null when not measurable
 * @param rule which rule produced the expected score
 */
public record Assessment(String direction, String status, BigDecimal relativeDeviation,
    Boolean exactHit, BigDecimal expectedScore, String rule) {}
