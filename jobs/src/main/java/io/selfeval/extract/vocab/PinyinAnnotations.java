package io.selfeval.extract.vocab;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pinyin that a document-sharing site inserts after some characters of a scraped form
 * ({@code 預(yù)算}, {@code 執(zhí)行}, {@code 經(jīng)費}): a syllable with a tone mark in
 * parentheses right after a CJK character. No form prints one, so matching may drop it from any
 * document; the record keeps the text as printed, annotations included.
 */
public final class PinyinAnnotations {

  /** Latin letters a pinyin syllable may hold; one with a tone mark is required. */
  private static final String LETTERS = "a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
  private static final String TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
  private static final Pattern ANNOTATION = Pattern.compile("(?<=[\\u3400-\\u9FFF\\uF900-\\uFAFF])"
      + "[(（][" + LETTERS + "]{0,5}[" + TONED + "][" + LETTERS + "]{0,5}[)）]");

  private PinyinAnnotations() {}

  /** True when a character of the text carries a tone mark (a cheap test before matching). */
  public static boolean mayHold(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0xE0 && c < 0x1E40 && isToneMark(c)) {
        return true;
      }
    }
    return false;
  }

  /** True for a vowel (or n, m) with a pinyin tone mark. */
  public static boolean isToneMark(char c) {
    return TONED.indexOf(c) >= 0;
  }

  /** The text without its annotations. */
  public static String strip(String text) {
    return text == null || !mayHold(text) ? text : ANNOTATION.matcher(text).replaceAll("");
  }

  /** True when the text holds an annotation. */
  public static boolean holds(String text) {
    return text != null && mayHold(text) && ANNOTATION.matcher(text).find();
  }

  /**
   * The end of the annotation that starts at {@code i} of the text ({@code i} when none does):
   * for readers that drop it while keeping every other character's place.
   */
  public static int endAt(CharSequence text, int i) {
    if (i == 0 || i >= text.length() || text.charAt(i) != '(' && text.charAt(i) != '（') {
      return i;
    }
    Matcher m = ANNOTATION.matcher(text).region(i, Math.min(text.length(), i + 14));
    m.useTransparentBounds(true);
    return m.lookingAt() ? m.end() : i;
  }
}
