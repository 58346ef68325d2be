package io.selfeval.analyse;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Scoring rules of a province or of the nation: configuration, never literals in a rule. Packs
 * ship in {@code rulepacks/<id>.json} on the classpath; a file path can be given instead.
 *
 * @param budgetWeight weight of the budget block when the form prints none
 * @param budgetScoreCapped whether weight x rate is capped at the weight
 * @param scoreScale decimals scores are rounded to (half up)
 * @param qualitative share of the weight a qualitative indicator earns at most, per band
 * @param overAchievement a target beaten by {@code ratio} or more was set too low and earns
 *     {@code fraction} of its weight
 * @param grades grade bands, highest first
 */
public record RulePack(String id, String version, String description, BigDecimal budgetWeight,
    boolean budgetScoreCapped, int scoreScale, Qualitative qualitative,
    OverAchievement overAchievement, List<Band> grades) implements Serializable {

  /** Upper bounds of the qualitative bands, as shares of the weight. */
  public record Qualitative(BigDecimal achieved, BigDecimal partial, BigDecimal notAchieved)
      implements Serializable {}

  /** A target beaten by {@code ratio} or more earns {@code fraction} of the weight. */
  public record OverAchievement(BigDecimal ratio, BigDecimal fraction) implements Serializable {}

  /** A grade and the lowest total that earns it. */
  public record Band(String grade, BigDecimal min) implements Serializable {}

  /** "national", "hunan", or a path to a pack file. */
  public static RulePack load(String idOrPath) {
    try {
      Path file = Path.of(idOrPath);
      if (idOrPath.endsWith(".json") && Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          return ConfigJson.MAPPER.readValue(in, RulePack.class);
        }
      }
      try (InputStream in = RulePack.class.getResourceAsStream("/rulepacks/" + idOrPath
          + ".json")) {
        if (in == null) {
          throw new IllegalArgumentException("no rule pack '" + idOrPath
              + "': give national, hunan, or the path of a .json pack");
        }
        return ConfigJson.MAPPER.readValue(in, RulePack.class);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rule pack " + idOrPath + ": "
          + e.getMessage(), e);
    }
  }

  /** "national@2021.1": what every computed row records. */
  public String label() {
    return id + "@" + version;
  }

  /** The grade a total earns. */
  public String gradeOf(BigDecimal total) {
    for (Band b : grades) {
      if (total.compareTo(b.min()) >= 0) {
        return b.grade();
      }
    }
    return grades.get(grades.size() - 1).grade();
  }
}
