package io.selfeval.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The masking rules of {@code pii-rules.json}, each on the hand-written cases of
 * {@code pii-cases.tsv}: what it must mask, and what it must leave (amounts, dates, codes).
 */
class PiiMaskerTest {

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String[] c : read()) {
      out.add(Arguments.of(c[0], c[1], c[2]));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void ruleMasksWhatItShouldAndLeavesTheRest(String rule, String text, String expected) {
    String masked = rule.equals("all") ? PiiMasker.mask(text) : PiiMasker.maskWith(rule, text);
    assertEquals(expected, masked);
  }

  @Test
  void everyRuleHasCasesThatMaskAndTheCasesNameOnlyRulesThatExist() throws IOException {
    Set<String> masking = new TreeSet<>();
    Set<String> named = new TreeSet<>();
    for (String[] c : read()) {
      named.add(c[0]);
      if (c[2].contains(PiiMasker.MASK)) {
        masking.add(c[0]);
      }
    }
    for (String rule : PiiMasker.ruleNames()) {
      assertTrue(masking.contains(rule), "no case where " + rule + " masks something");
    }
    named.remove("all");
    assertTrue(PiiMasker.ruleNames().containsAll(named), named.toString());
  }

  @Test
  void maskingTwiceChangesNothingMore() throws IOException {
    for (String[] c : read()) {
      String once = PiiMasker.mask(c[1]);
      assertEquals(once, PiiMasker.mask(once), c[1]);
    }
  }

  @Test
  void luhnAcceptsCardNumbersAndRejectsOneDigitChanged() {
    assertTrue(PiiMasker.luhn("4111111111111111"));
    assertFalse(PiiMasker.luhn("4111111111111112"));
  }

  private static List<String[]> read() throws IOException {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = PiiMaskerTest.class.getClassLoader()
        .getResourceAsStream("pii-cases.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        assertEquals(3, f.length, line);
        out.add(new String[] {f[0], unescape(f[1]), unescape(f[2])});
      }
    }
    return out;
  }

  private static final Pattern ESCAPE = Pattern.compile("\\\\(t|n|u[0-9a-fA-F]{4})");

  private static String unescape(String s) {
    Matcher m = ESCAPE.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String c = e.equals("t") ? "\t" : e.equals("n") ? "\n"
          : String.valueOf((char) Integer.parseInt(e.substring(1), 16));
      m.appendReplacement(sb, Matcher.quoteReplacement(c));
    }
    return m.appendTail(sb).toString();
  }
}
