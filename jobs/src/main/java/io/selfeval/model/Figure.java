package io.selfeval.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A number read from a report: value (null when the printed text is not a number), text, line,
 * and how it was placed when the form's arithmetic had to decide its column ({@code placed}:
 * "confirmed" when it stood in its own cell and an identity of the form checks it, "derived" when
 * the identities put it there, e.g. out of glued text or a row with a dropped cell). Null (and
 * not written) for a number read from its own column as printed.
 */
public record Figure(BigDecimal value, String text, int line,
    @JsonInclude(JsonInclude.Include.NON_NULL) String placed) {

  public static final String CONFIRMED = "confirmed";
  public static final String DERIVED = "derived";

  /** A number read from its own column as printed. */
  public Figure(BigDecimal value, String text, int line) {
    this(value, text, line, null);
  }
}
