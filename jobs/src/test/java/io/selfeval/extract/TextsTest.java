package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextsTest {

  /** The fast path of compact must give exactly what NFKC and dropping blanks give. */
  @Test
  void compactEqualsNfkcWithoutBlanksOnEverySeedLineAndTrickyCharacters() {
    StringBuilder tricky = new StringBuilder("（５０分）　≥≧％㎡①…‥‑‗ｅﬁ").append((char) 0x0301);
    for (String seed : Seeds.NAMES) {
      for (String line : Seeds.text(seed).lines().toList()) {
        assertEquals(reference(line), Texts.compact(line), line);
      }
    }
    for (int i = 0; i < tricky.length(); i++) {
      String s = "数" + tricky.charAt(i) + "值";
      assertEquals(reference(s), Texts.compact(s), s);
    }
  }

  @Test
  void numbersAreReadOnlyWhenTheWholeCellIsNumber() {
    assertEquals("1112.67", Texts.number(" 1112.67　").toPlainString());
    assertEquals("215457.6", Texts.number("215,457.6").toPlainString());
    assertEquals("99.5", Texts.number("９９．５").toPlainString());
    assertEquals(null, Texts.number("1,2,3"));
    assertEquals(null, Texts.number("12次"));
    assertEquals("0.972", Texts.fraction("97.2%").toPlainString());
    assertEquals("1", Texts.fraction("100%").toPlainString());
  }

  @Test
  void formatCharactersInsideNumbersAndWordsAreDroppedAndDigitsKeptExactly() {
    assertEquals("1064.54", Texts.number("1064\u200b.54").toPlainString());
    assertEquals("1112.67", Texts.number("\uFEFF1\u2060112.67").toPlainString());
    assertEquals("年初预算数", Texts.compact("年\u200b初预算数"));
    assertEquals("99999999999999999.999999",
        Texts.number("99999999999999999.999999").toPlainString());
    assertEquals("年初预算数", Texts.withoutFormatChars("年\u200b初\u200d预算\u00ad数"));
  }

  private static String reference(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Z}\\p{Cf}]", "");
  }
}
