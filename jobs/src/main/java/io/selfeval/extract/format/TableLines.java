package io.selfeval.extract.format;

import io.selfeval.model.Warning;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the lines of a document read from a binary format, in the layout the text reader
 * reads best (seed 001's): a table row per line, its cells separated by tabs; a merged cell's
 * text once, in its top-left grid cell, with empty cells where the merge covers the grid (as
 * Word's own text export writes them); prose one paragraph per line.
 */
final class TableLines {

  /**
   * The text reader takes a run of lines as table rows when most hold three tabs or more; rows
   * of narrower tables are padded to this many cells so they stay rows.
   */
  static final int MIN_CELLS = 4;

  private final List<String> lines = new ArrayList<>();
  private final List<String> locations = new ArrayList<>();
  private final List<Warning> warnings = new ArrayList<>();

  /** A paragraph of prose: its internal breaks and tabs become spaces. Blank text is skipped. */
  void prose(String text, String location) {
    String t = cellText(text);
    if (t.isEmpty()) {
      return;
    }
    lines.add(t);
    locations.add(location);
  }

  /**
   * A line already split into cells by tabs (a PDF line): padded to {@link #MIN_CELLS} cells
   * when it has two or more, written as prose when it has one.
   */
  void line(String tabbed, String location) {
    if (tabbed.indexOf('\t') < 0) {
      prose(tabbed, location);
      return;
    }
    StringBuilder s = new StringBuilder(tabbed);
    for (int cells = tabbed.split("\t", -1).length; cells < MIN_CELLS; cells++) {
      s.append('\t');
    }
    lines.add(s.toString());
    locations.add(location);
  }

  /** A blank line, unless the last line already is one (or nothing came yet). */
  void blank() {
    if (!lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
      lines.add("");
      locations.add(null);
    }
  }

  /**
   * A table already resolved to its grid: {@code grid.get(r)[c]} is the text shown at row r,
   * column c (null or empty where a merge covers it). Leading rows that hold a single text
   * (a title merged across the table, a unit line) become prose so the reader finds them above
   * the table; blank rows end a block.
   *
   * @param rowLocations the location of each grid row
   */
  void table(List<String[]> grid, List<String> rowLocations) {
    blank();
    boolean inRows = false;
    for (int r = 0; r < grid.size(); r++) {
      String[] row = grid.get(r);
      int last = -1;
      int filled = 0;
      for (int c = 0; c < row.length; c++) {
        if (!cellText(row[c]).isEmpty()) {
          last = c;
          filled++;
        }
      }
      if (filled == 0) {
        if (inRows) {
          blank();
        }
        inRows = false;
        continue;
      }
      if (filled == 1 && !inRows) {
        prose(row[last], rowLocations.get(r));
        continue;
      }
      inRows = true;
      int width = Math.max(MIN_CELLS, last + 1);
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < width; c++) {
        if (c > 0) {
          line.append('\t');
        }
        line.append(c < row.length ? cellText(row[c]) : "");
      }
      lines.add(line.toString());
      locations.add(rowLocations.get(r));
    }
    blank();
  }

  void warn(String code, String message) {
    warnings.add(new Warning(code, message, null));
  }

  boolean isEmpty() {
    return lines.stream().allMatch(String::isBlank);
  }

  /** The collected lines, or a rejection when the document held no text at all. */
  DocumentText build(String format, String encoding) {
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isEmpty()) {
      end--;
    }
    return new DocumentText(String.join("\n", lines.subList(0, end)),
        java.util.Collections.unmodifiableList(new ArrayList<>(locations.subList(0, end))),
        format, encoding, List.copyOf(warnings));
  }

  /**
   * A cell's or paragraph's text on one line: line breaks inside it are joined (a word cut by a
   * break joins up again, as the text reader joins a cell's lines), tabs become spaces.
   */
  static String cellText(String s) {
    if (s == null) {
      return "";
    }
    String[] parts = s.split("\r\n|\r|\n|\u000b|\u2028|\u2029");
    StringBuilder out = new StringBuilder(s.length());
    for (String p : parts) {
      String t = p.replace('\t', ' ').strip();
      if (t.isEmpty()) {
        continue;
      }
      if (out.length() > 0 && isLatinOrDigit(out.charAt(out.length() - 1))
          && isLatinOrDigit(t.charAt(0))) {
        out.append(' ');
      }
      out.append(t);
    }
    return out.toString();
  }

  private static boolean isLatinOrDigit(char c) {
    return c < 0x80 && Character.isLetterOrDigit(c);
  }
}
