package io.selfeval.extract;

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

  /** Without any blanks at all and NFKC-normalised: for matching labels, never for output. */
  public static String compact(String s) {
    if (s == null) {
      return "";
    }
    String n = needsNormalising(s) ? Normalizer.normalize(s, Normalizer.Form.NFKC) : s;
    StringBuilder sb = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (!isBlankChar(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Only full-width forms, compatibility symbols and such change under NFKC; ideographs don't. */
  private static boolean needsNormalising(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 0x00A0 && c < 0x0100) || (c >= 0x2000 && c < 0x4E00)
          || (c >= 0xF900 && c <= 0xFAFF) || c >= 0xFE30) {
        return true;
      }
    }
    return false;
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
