package io.selfeval.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in every text that leaves extraction (document text before it is parsed,
 * file names, reasons, warnings, excerpts): names after signer labels, mobile and landline
 * numbers, ID-card and bank card numbers, e-mail addresses. The rules are data, in
 * {@code pii-rules.json} (patterns, and the checks digits must pass so that amounts survive).
 * Format characters (Unicode Cf: zero-width spaces and joiners, BOM, direction marks) are removed
 * first: they are invisible and would hide digits from the patterns. Masking keeps line breaks,
 * so line numbers stay true.
 */
public final class PiiMasker {

  public static final String MASK = "***";
  static final String RULES = "pii-rules.json";

  /** One masking rule as {@code pii-rules.json} states it. */
  record Rule(String name, Pattern pattern, String check, List<String> onlyIfContains,
      int minDigits, String startsWith) {

    /** Whether the rule can match in {@code line} at all: cheap tests before the pattern. */
    boolean mayMatch(String line, int digits) {
      if (digits < minDigits) {
        return false;
      }
      for (String word : onlyIfContains) {
        if (line.contains(word)) {
          return true;
        }
      }
      return onlyIfContains.isEmpty();
    }

    String apply(String text) {
      Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      boolean named = pattern.pattern().contains("(?<pii>");
      StringBuilder sb = null;
      int last = 0;
      int from = 0;
      while (from <= text.length() && next(m, text, from)) {
        int start = named ? m.start("pii") : m.start();
        int end = named ? m.end("pii") : m.end();
        from = Math.max(m.end(), m.start() + 1);
        if (start < 0 || !passes(check, text.substring(start, end))) {
          from = m.start() + 1; // digits that fail the check: look again one further on
          continue;
        }
        sb = sb == null ? new StringBuilder(text.length()) : sb;
        sb.append(text, last, start).append(MASK);
        last = end;
      }
      return sb == null ? text : sb.append(text, last, text.length()).toString();
    }

    /**
     * The next match at or after {@code from}: tried only where a character of
     * {@link #startsWith} stands (a pattern tried at every position costs far more).
     */
    private boolean next(Matcher m, String text, int from) {
      if (startsWith.isEmpty()) {
        return m.find(from);
      }
      for (int i = from; i < text.length(); i++) {
        if (startsWith.indexOf(text.charAt(i)) >= 0
            && m.region(i, text.length()).lookingAt()) {
          return true;
        }
      }
      return false;
    }
  }

  static final List<Rule> ALL = load();

  private PiiMasker() {}

  /** The text with format characters removed and every personal datum replaced by {@link #MASK}. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String plain = withoutFormatChars(text);
    StringBuilder out = null;
    int start = 0;
    while (start <= plain.length()) {
      int end = plain.indexOf('\n', start);
      end = end < 0 ? plain.length() : end;
      String line = plain.substring(start, end);
      String masked = maskLine(line);
      if (out == null && masked != line) {
        out = new StringBuilder(plain.length()).append(plain, 0, start);
      }
      if (out != null) {
        out.append(masked);
        if (end < plain.length()) {
          out.append('\n');
        }
      }
      start = end + 1;
    }
    return out == null ? plain : out.toString();
  }

  /** One line masked by every rule that may match in it (patterns never span lines). */
  private static String maskLine(String line) {
    int digits = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      digits += (c >= '0' && c <= '9') || (c >= '０' && c <= '９') ? 1 : 0;
    }
    String out = line;
    for (Rule r : ALL) {
      if (r.mayMatch(out, digits)) {
        out = r.apply(out);
      }
    }
    return out;
  }

  /** The text with the one rule named applied (after format characters are removed). */
  static String maskWith(String rule, String text) {
    for (Rule r : ALL) {
      if (r.name().equals(rule)) {
        List<String> lines = new ArrayList<>();
        for (String line : withoutFormatChars(text).split("\n", -1)) {
          lines.add(r.apply(line));
        }
        return String.join("\n", lines);
      }
    }
    throw new IllegalArgumentException("no masking rule " + rule);
  }

  /** The names of the rules, in the order they run. */
  static List<String> ruleNames() {
    return ALL.stream().map(Rule::name).toList();
  }

  /**
   * The text without Unicode format characters (category Cf: zero-width spaces and joiners, BOM,
   * direction marks, soft hyphens); the same string when it holds none. Kept here, not in the
   * extractor's helpers, so that the masker depends on nothing of a stage.
   */
  public static String withoutFormatChars(String text) {
    int i = 0;
    while (i < text.length() && Character.getType(text.charAt(i)) != Character.FORMAT) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    sb.append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.getType(c) != Character.FORMAT) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Whether the digits of a match pass the rule's check (no check: always). */
  static boolean passes(String check, String match) {
    if (check == null) {
      return true;
    }
    String digits = digitsOf(match);
    return switch (check) {
      case "luhn" -> luhn(digits);
      case "id18" -> digits.length() == 18 && birthDate(digits.substring(6, 14));
      case "id15" -> digits.length() == 15 && birthDate("19" + digits.substring(6, 12));
      default -> throw new IllegalStateException("unknown check " + check + " in " + RULES);
    };
  }

  /** ASCII digits (and X) of a match, full-width forms mapped, separators dropped. */
  private static String digitsOf(String match) {
    StringBuilder sb = new StringBuilder(match.length());
    for (char c : match.toCharArray()) {
      char a = c >= 0xFF10 && c <= 0xFF19 ? (char) (c - 0xFEE0) : c;
      if (a >= '0' && a <= '9') {
        sb.append(a);
      } else if (a == 'X' || a == 'x' || a == 'Ｘ' || a == 'ｘ') {
        sb.append('X');
      }
    }
    return sb.toString();
  }

  /** The Luhn (mod 10) check of bank card numbers. */
  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (twice) {
        d *= 2;
        d = d > 9 ? d - 9 : d;
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  /** Whether yyyyMMdd is a date between 1900 and 2099. */
  private static boolean birthDate(String yyyymmdd) {
    try {
      int year = Integer.parseInt(yyyymmdd.substring(0, 4));
      LocalDate.of(year, Integer.parseInt(yyyymmdd.substring(4, 6)),
          Integer.parseInt(yyyymmdd.substring(6, 8)));
      return year >= 1900 && year <= 2099;
    } catch (NumberFormatException | DateTimeException e) {
      return false;
    }
  }

  private static List<Rule> load() {
    JsonNode root;
    try (InputStream in = PiiMasker.class.getClassLoader().getResourceAsStream(RULES)) {
      if (in == null) {
        throw new IllegalStateException(RULES + " is not on the class path");
      }
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RULES, e);
    }
    Map<String, String> macros = new LinkedHashMap<>();
    root.get("macros").properties().forEach(e -> macros.put(e.getKey(),
        e.getValue().asText()));
    List<Rule> rules = new ArrayList<>();
    for (JsonNode r : root.get("rules")) {
      List<String> needs = new ArrayList<>();
      if (r.has("only_if_contains")) {
        r.get("only_if_contains").forEach(n -> needs.add(n.asText()));
      }
      rules.add(new Rule(r.get("name").asText(),
          Pattern.compile(expand(r.get("pattern").asText(), macros)),
          r.has("check") ? r.get("check").asText() : null, List.copyOf(needs),
          r.path("min_digits").asInt(0), r.path("starts_with").asText("")));
    }
    return List.copyOf(rules);
  }

  /** The pattern with every {@code {{macro}}} replaced, macros within macros too. */
  static String expand(String pattern, Map<String, String> macros) {
    String out = pattern;
    for (int depth = 0; out.contains("{{") && depth < 10; depth++) {
      for (Map.Entry<String, String> m : macros.entrySet()) {
        out = out.replace("{{" + m.getKey() + "}}", m.getValue());
      }
    }
    if (out.contains("{{")) {
      throw new IllegalStateException("unknown macro in " + pattern + " (" + RULES + ")");
    }
    return out;
  }
}
