package io.selfeval.model;

import java.math.BigDecimal;
import java.util.List;

/** One indicator row of a form, texts as printed beside the parsed weight and score. */
public record Indicator(int position, String level1, BigDecimal level1Weight, String level2,
    String name, String targetText, String actualText, BigDecimal weight, BigDecimal score,
    String weightText, String scoreText, String deviationReason, List<String> inherited,
    int line) {}
