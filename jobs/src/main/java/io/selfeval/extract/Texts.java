package io.selfeval.extract;

import io.selfeval.model.PiiMasker;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Pattern;

/** Small text helpers shared by the readers: trimming, normalising, reading numbers. */
public final class Texts {

  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?");
  private static final Pattern GROUPED_NUMBER =
      Pattern.compile("[+-]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");

  private Texts() {}

  /** True for the blanks reports pad cells with: space, tab, U+3000, NBSP and the like. */
  public static boolean isBlankChar(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }

  /**
   * The text without Unicode format characters (category Cf: zero-width spaces and joiners, BOM,
   * direction marks, soft hyphens); the same string when it holds none. Invisible, they would
   * split a header word or an amount. (The masker, which runs first on every text, does this.)
   */
  public static String withoutFormatChars(String text) {
    return PiiMasker.withoutFormatChars(text);
  }

  /** Trimmed of every kind of blank at both ends; null when nothing is left. */
  public static String clean(String s) {
    if (s == null) {
      return null;
    }
    int start = 0;
    int end = s.length();
    while (start < end && isBlankChar(s.charAt(start))) {
      start++;
    }
    while (end > start && isBlankChar(s.charAt(end - 1))) {
      end--;
    }
    return start == end ? null : s.substring(start, end);
  }

  /**
   * Without any blanks or format characters at all and NFKC-normalised: for matching labels and
   * reading numbers, never for output.
   * Full-width ASCII forms are mapped directly and characters NFKC leaves alone (ideographs, CJK
   * punctuation, quotes) are copied; only a string holding anything else goes through the
   * (much slower) general normaliser.
   */
  public static String compact(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x4E00 && c <= 0x9FFF) {
        sb.append(c); // ideographs: never blank nor format, NFKC leaves them alone
        continue;
      }
      if (isBlankChar(c) || Character.getType(c) == Character.FORMAT) {
        continue;
      }
      if (c >= 0xFF01 && c <= 0xFF5E) {
        sb.append((char) (c - 0xFEE0));
      } else if (nfkcStable(c)) {
        sb.append(c);
      } else {
        return compactSlow(s);
      }
    }
    return sb.toString();
  }

  private static String compactSlow(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (!isBlankChar(c) && Character.getType(c) != Character.FORMAT) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Characters NFKC maps to themselves (checked exhaustively for these ranges). */
  private static boolean nfkcStable(char c) {
    return c < 0x00A0 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3001 && c <= 0x3003)
        || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301B)
        || (c >= 0x2010 && c <= 0x2023 && c != 0x2011 && c != 0x2017) || c == 0x2027
        || c == 0x2030 || c == 0x00B7 || c == 0x00D7;
  }

  /**
   * The number a cell holds, or null when it holds anything else: full-width digits are read,
   * blanks ignored, thousands separators accepted only in groups of three.
   */
  public static BigDecimal number(String s) {
    String c = compact(s);
    if (c.isEmpty()) {
      return null;
    }
    if (PLAIN_NUMBER.matcher(c).matches()) {
      return new BigDecimal(c);
    }
    if (GROUPED_NUMBER.matcher(c).matches()) {
      return new BigDecimal(c.replace(",", ""));
    }
    return null;
  }

  /** A rate as a fraction: '97.2%' is 0.972; a bare number is taken as printed. */
  public static BigDecimal fraction(String s) {
    String c = compact(s);
    if (c.endsWith("%")) {
      BigDecimal n = number(c.substring(0, c.length() - 1));
      return n == null ? null : n.movePointLeft(2).stripTrailingZeros();
    }
    return number(c);
  }
}
