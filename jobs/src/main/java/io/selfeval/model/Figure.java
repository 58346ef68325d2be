package io.selfeval.model;

import java.math.BigDecimal;

/** A number read from a report: value (null when the printed text is not a number), text, line. */
public record Figure(BigDecimal value, String text, int line) {}
