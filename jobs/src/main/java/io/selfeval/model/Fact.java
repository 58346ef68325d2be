package io.selfeval.model;

import java.math.BigDecimal;

/** A figure stated in prose or in the basic-data table. */
public record Fact(String key, String label, BigDecimal value, String unit, String period,
    int line, String text) {}
