package io.selfeval.extract.format;

import java.util.regex.Pattern;

/** Page-number lines printed in headers and footers: "第 3 页 共 12 页", "- 3 -", "3/12". */
final class PageNumbers {

  private static final Pattern PAGE = Pattern.compile(
      "^[\\s\\-—–·]*(?:第\\s*\\d+\\s*页)?\\s*(?:[,，、]?\\s*共\\s*\\d+\\s*页)?"
          + "(?:\\d+(?:\\s*/\\s*\\d+)?)?(?:page\\s*\\d+(?:\\s*of\\s*\\d+)?)?[\\s\\-—–·]*$",
      Pattern.CASE_INSENSITIVE);

  private PageNumbers() {}

  static boolean isPageNumber(String line) {
    String t = line.strip();
    return !t.isEmpty() && t.matches(".*\\d.*") && PAGE.matcher(t).matches();
  }
}
