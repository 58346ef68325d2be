package io.selfeval.extract.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How one line of text spells a table row, read on its own: the row syntaxes text reaches us in
 * (pipe tables, HTML pasted as text, runs of spaces) and the lines that are page furniture
 * (footers, markdown separators). Each method answers for one line; {@link LayoutNormaliser}
 * decides with the neighbouring lines.
 */
final class RowSyntax {

  /** Page footers and headers: "- 1 -", "— 2 —", "第 1 页 共 3 页", "共3页 第1页", "Page 2 of 5". */
  private static final Pattern FOOTER = Pattern.compile(
      "^(?:[-—–－~]+\\d{1,4}[-—–－~]+|第\\d{1,4}页(?:[,，/]?共\\d{1,4}页)?"
          + "|共\\d{1,4}页[,，]?第\\d{1,4}页|(?i:page)\\d{1,4}(?:(?i:of)\\d{1,4})?"
          + "|\\d{1,4}/\\d{1,4}页)$");
  /** Markdown or ASCII-art separator rows: |---|:---:|, +----+----+, ====. */
  private static final Pattern SEPARATOR = Pattern.compile("^[|｜+]?[-—=:：+|｜\\s]{3,}$");
  private static final Pattern HTML_CELL =
      Pattern.compile("(?i)<t[dh](?:\\s[^>]*)?>(.*?)(?=<t[dh][\\s>]|</t[dh]>|</tr>|$)");
  private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
  private static final Pattern HTML_ROW_TAG =
      Pattern.compile("(?i)^\\s*(?:</?(?:tr|table|tbody|thead|tfoot)(?:\\s[^>]*)?>\\s*)+$");
  private static final Pattern SPACE_RUN = Pattern.compile("(?:[ \\u00A0]{2,}|\\u3000+)");

  private RowSyntax() {}

  /** True for a page footer or header line (compact text given). */
  static boolean isFooter(String compact) {
    return !compact.isEmpty() && FOOTER.matcher(compact).matches();
  }

  /** True for a separator row of a pipe or ASCII table. */
  static boolean isSeparator(String line) {
    if (line.indexOf('-') < 0 && line.indexOf('=') < 0) {
      return false;
    }
    String t = line.strip();
    return (t.indexOf('-') >= 0 || t.indexOf('=') >= 0) && SEPARATOR.matcher(t).matches()
        && t.chars().filter(c -> c == '-' || c == '=').count() >= 3;
  }

  /**
   * Cells of a pipe row ("| a | b |", "a | b |", "|a|b"), or null when the line is not one. A
   * line with a single pipe at its end ("a|") is one cell, returned as a one-element list.
   */
  static List<String> pipeCells(String line) {
    if (line.indexOf('|') < 0 && line.indexOf('｜') < 0) {
      return null;
    }
    String t = line.strip().replace('｜', '|');
    int pipes = (int) t.chars().filter(c -> c == '|').count();
    if (pipes == 0 || t.indexOf('\t') >= 0) {
      return null;
    }
    boolean leading = t.startsWith("|");
    boolean trailing = t.endsWith("|") && t.length() > 1;
    if (pipes == 1 && !trailing && !leading) {
      return null;
    }
    if (leading) {
      t = t.substring(1);
    }
    if (trailing && t.endsWith("|")) {
      t = t.substring(0, t.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    for (String part : t.split("\\|", -1)) {
      cells.add(part.strip());
    }
    return cells;
  }

  /** True for a line that only opens or closes an HTML row or table. */
  static boolean isHtmlRowTag(String line) {
    return line.indexOf('<') >= 0 && HTML_ROW_TAG.matcher(line).matches();
  }

  /** Cells of an HTML-like row pasted as text, or null when the line holds no td/th. */
  static List<String> htmlCells(String line) {
    if (line.indexOf('<') < 0) {
      return null;
    }
    java.util.regex.Matcher m = HTML_CELL.matcher(line);
    List<String> cells = new ArrayList<>();
    while (m.find()) {
      cells.add(unescape(HTML_TAG.matcher(m.group(1)).replaceAll("")).strip());
    }
    return cells.isEmpty() ? null : cells;
  }

  private static String unescape(String s) {
    return s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  /**
   * Cells of a line whose cells are separated by runs of two or more spaces (or ideographic
   * spaces), leading indentation ignored; a line with a single cell gives one.
   */
  static List<String> spaceCells(String line) {
    String t = line.strip();
    List<String> cells = new ArrayList<>();
    if (t.isEmpty()) {
      return cells;
    }
    for (String part : SPACE_RUN.split(t, -1)) {
      cells.add(part.strip());
    }
    return cells;
  }
}
