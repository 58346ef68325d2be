package io.selfeval.publish;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The weight of a flag of each severity in {@code form_scorecard.risk_score}: configuration, the
 * {@code risk_weights} of the flag thresholds file (the built-in {@code flags.json} or
 * {@code --config}), whose one default is 5 / 2 / 1. A file without them, or with a weight that
 * is missing or negative, is refused.
 */
public record RiskWeights(BigDecimal high, BigDecimal medium, BigDecimal low) {

  /** The key of the weights in the thresholds file. */
  public static final String KEY = "risk_weights";

  /** The weights of {@code file}, or the built-in ones when it is null. */
  public static RiskWeights load(Path file) {
    try (InputStream in = file != null ? Files.newInputStream(file)
        : RiskWeights.class.getResourceAsStream("/flags.json")) {
      return of(JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().readTree(in)
          .path(KEY));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + KEY + " from "
          + (file != null ? file : "flags.json") + ": " + e.getMessage(), e);
    }
  }

  /** The weights of a {@code risk_weights} object. */
  static RiskWeights of(JsonNode weights) {
    List<String> wrong = new ArrayList<>();
    BigDecimal[] values = new BigDecimal[3];
    String[] names = {"high", "medium", "low"};
    for (int i = 0; i < names.length; i++) {
      JsonNode w = weights.path(names[i]);
      if (!w.isNumber()) {
        wrong.add(KEY + "." + names[i] + " is missing");
      } else if (w.decimalValue().signum() < 0) {
        wrong.add(KEY + "." + names[i] + " = " + w.decimalValue().toPlainString()
            + " is negative");
      } else {
        values[i] = w.decimalValue();
      }
    }
    if (!wrong.isEmpty()) {
      throw new IllegalArgumentException("invalid thresholds: " + String.join(", ", wrong));
    }
    return new RiskWeights(values[0], values[1], values[2]);
  }
}
