package io.selfeval.cli;

import io.selfeval.analyse.FlagThresholds;
import io.selfeval.analyse.RulePack;
import io.selfeval.publish.RiskWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Checks of the options a stage is given, run before the stage writes anything: each throws a
 * {@link UsageException} that says which option is wrong and why. Locations with a scheme other
 * than {@code file:} (hdfs://, s3a:// …) are left to the stage, which opens them with Hadoop.
 */
final class OptionChecks {

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

  private OptionChecks() {}

  /** A warehouse: named, and when local, a folder (or nothing yet: it is made). */
  static void warehouse(String warehouse) {
    if (warehouse == null || warehouse.isBlank()) {
      throw new UsageException("--warehouse is empty: name the folder (or URI) of the "
          + "warehouse");
    }
    Path local = local(warehouse);
    if (local != null && Files.exists(local) && !Files.isDirectory(local)) {
      throw new UsageException("--warehouse " + warehouse + " is a file, not a folder");
    }
  }

  /** An input: named, and when local, existing. */
  static void input(String input) {
    if (input == null || input.isBlank()) {
      throw new UsageException("--input is empty: name the folder (or file) of the reports");
    }
    Path local = local(input);
    if (local != null && !Files.exists(local)) {
      throw new UsageException("--input " + input + " does not exist");
    }
  }

  /** A --config file, when given: it loads and its thresholds and risk weights are valid. */
  static void config(Path config) {
    if (config == null) {
      return;
    }
    if (!Files.isRegularFile(config)) {
      throw new UsageException("--config " + config + " is not a file");
    }
    try {
      FlagThresholds.load(config);
      RiskWeights.load(config);
    } catch (RuntimeException e) {
      throw new UsageException("--config " + config + ": " + e.getMessage());
    }
  }

  /** A --rule-pack: a shipped id or a pack file that loads. */
  static void rulePack(String idOrFile) {
    try {
      RulePack.load(idOrFile);
    } catch (RuntimeException e) {
      throw new UsageException("--rule-pack " + idOrFile + ": " + e.getMessage());
    }
  }

  /** The local path of a location, or null when it has a scheme other than file:. */
  private static Path local(String location) {
    if (location.startsWith("file:")) {
      return Path.of(java.net.URI.create(location.startsWith("file://") ? location
          : "file://" + location.substring("file:".length())));
    }
    return SCHEME.matcher(location).find() && !location.matches("^[A-Za-z]:[\\\\/].*") ? null
        : Path.of(location);
  }
}
