package io.selfeval.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What each rule means ({@code site/rules.properties}) and the thresholds it reads, taken from
 * the same flag thresholds analyse used (the built-in {@code flags.json} or {@code --config}).
 */
public final class Rules {

  /** A threshold as configured: its key and its JSON value. */
  public record Threshold(String key, String value) {}

  /** A rule as a rule page explains it. */
  public record Rule(String id, String text, String severity, List<Threshold> thresholds) {}

  private final Properties texts = new Properties();
  private final JsonNode config;

  /** The explanations with the thresholds of {@code configFile}, or the built-in ones. */
  public Rules(Path configFile) {
    try (Reader in = new InputStreamReader(resource("/site/rules.properties"),
        StandardCharsets.UTF_8);
        InputStream json = configFile != null ? Files.newInputStream(configFile)
            : resource("/flags.json")) {
      texts.load(in);
      config = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rule {@code id}; a rule unknown to this version is shown with its id only. */
  public Rule rule(String id) {
    List<Threshold> thresholds = new ArrayList<>();
    for (String key : texts.getProperty(id + ".keys", "").split(",")) {
      if (!key.isBlank() && config.has(key.trim())) {
        thresholds.add(new Threshold(key.trim(), config.get(key.trim()).toString()));
      }
    }
    JsonNode severity = config.path("severity").path(id);
    return new Rule(id, texts.getProperty(id + ".text", "(no description in this version)"),
        severity.isMissingNode() ? null : severity.asText(), thresholds);
  }

  private static InputStream resource(String name) {
    InputStream in = Rules.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("not on the classpath: " + name);
    }
    return in;
  }
}
