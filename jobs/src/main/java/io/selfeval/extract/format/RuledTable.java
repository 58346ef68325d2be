package io.selfeval.extract.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the text inside a page's ruled tables by their rules (the way tabula-java's lattice mode
 * does): the horizontal rules cut the table into rows, the vertical rules that cross a row cut it
 * into cells, and every glyph goes to the cell its centre lies in, so a cell's wrapped lines stay
 * in their cell, empty cells stay in their column and two rows never join. Text outside ruled
 * cells is left to {@link PdfLayout}'s lines.
 */
final class RuledTable {

  /** Rules closer than this (points) are one rule (a border drawn twice, by both cells). */
  private static final float SAME = 1.5f;

  private final List<Float> rows;
  private final List<Rulings.Rule> horizontals;
  private final List<Rulings.Rule> verticals;

  private RuledTable(List<Float> rows, List<Rulings.Rule> horizontals,
      List<Rulings.Rule> verticals) {
    this.rows = rows;
    this.horizontals = horizontals;
    this.verticals = verticals;
  }

  /**
   * The page's lines: the ruled rows of its tables, one line a row with a cell between every two
   * vertical rules, and the other boxes grouped by {@link PdfLayout#lines}; ordered top down.
   */
  static List<PdfLayout.Line> lines(List<PdfLayout.Box> boxes, List<Rulings.Rule> rules) {
    List<Float> ys = new ArrayList<>();
    List<Rulings.Rule> horizontals = new ArrayList<>();
    List<Rulings.Rule> verticals = new ArrayList<>();
    for (Rulings.Rule r : rules) {
      if (r.horizontal()) {
        ys.add(r.at());
        horizontals.add(r);
      } else {
        verticals.add(r);
      }
    }
    if (ys.size() < 2 || verticals.size() < 2) {
      return PdfLayout.lines(boxes);
    }
    RuledTable t = new RuledTable(distinct(ys, SAME), horizontals, verticals);
    Map<Integer, Map<Integer, List<PdfLayout.Box>>> cells = new TreeMap<>();
    Map<Integer, List<Float>> edges = new TreeMap<>();
    List<PdfLayout.Box> free = new ArrayList<>();
    for (PdfLayout.Box b : boxes) {
      if (b.text().isBlank() || b.height() <= 0) {
        continue;
      }
      int row = t.row(b.centre());
      float x = b.x() + b.width() / 2;
      // a merged cell spans rows no rule separates in its column: its text belongs to its top
      while (row > 0 && !t.ruled(t.rows.get(row), x)) {
        row--;
      }
      List<Float> xs = row < 0 ? List.of() : edges.computeIfAbsent(row, t::columns);
      int column = column(xs, x);
      if (column < 0) {
        free.add(b);
        continue;
      }
      cells.computeIfAbsent(row, k -> new TreeMap<>())
          .computeIfAbsent(column, k -> new ArrayList<>()).add(b);
    }
    List<PdfLayout.Line> out = new ArrayList<>(PdfLayout.lines(free));
    for (Map.Entry<Integer, Map<Integer, List<PdfLayout.Box>>> e : cells.entrySet()) {
      final List<Float> xs = edges.get(e.getKey());
      PdfLayout.Line line = new PdfLayout.Line();
      line.ruled = true;
      line.top = t.rows.get(e.getKey());
      line.bottom = t.rows.get(e.getKey() + 1);
      for (int c = 0; c + 1 < xs.size(); c++) {
        PdfLayout.Span span = new PdfLayout.Span(xs.get(c), xs.get(c + 1));
        span.text.append(text(e.getValue().getOrDefault(c, List.of())));
        line.cells.add(span);
      }
      out.add(line);
    }
    out.sort(Comparator.comparingDouble(l -> l.top));
    return out;
  }

  /** The row band (between two horizontal rules) a height lies in, or -1. */
  private int row(float y) {
    for (int i = 0; i + 1 < rows.size(); i++) {
      if (rows.get(i) <= y && y < rows.get(i + 1)) {
        return i;
      }
    }
    return -1;
  }

  /** True when a horizontal rule at height y passes under x. */
  private boolean ruled(float y, float x) {
    for (Rulings.Rule h : horizontals) {
      if (Math.abs(h.at() - y) <= SAME && h.from() - SAME <= x && x <= h.to() + SAME) {
        return true;
      }
    }
    return false;
  }

  /** The x of the vertical rules that cross the middle of a row band. */
  private List<Float> columns(int row) {
    float middle = (rows.get(row) + rows.get(row + 1)) / 2;
    List<Float> xs = new ArrayList<>();
    for (Rulings.Rule v : verticals) {
      if (v.from() - SAME <= middle && middle <= v.to() + SAME) {
        xs.add(v.at());
      }
    }
    return distinct(xs, SAME);
  }

  /** The cell between two rules a centre lies in, or -1 outside every cell. */
  private static int column(List<Float> xs, float x) {
    for (int i = 0; i + 1 < xs.size(); i++) {
      if (xs.get(i) <= x && x < xs.get(i + 1)) {
        return i;
      }
    }
    return -1;
  }

  /** The values sorted, each closer than {@code same} to the one before it dropped. */
  static List<Float> distinct(List<Float> values, float same) {
    List<Float> sorted = new ArrayList<>(values);
    sorted.sort(Float::compare);
    List<Float> out = new ArrayList<>();
    for (float v : sorted) {
      if (out.isEmpty() || v - out.get(out.size() - 1) > same) {
        out.add(v);
      }
    }
    return out;
  }

  /** A cell's glyphs in reading order: line by line, left to right. */
  private static String text(List<PdfLayout.Box> boxes) {
    StringBuilder s = new StringBuilder();
    for (PdfLayout.Line l : PdfLayout.lines(boxes)) {
      for (PdfLayout.Span span : l.cells) {
        String t = span.text.toString().strip();
        if (s.length() > 0 && !t.isEmpty() && s.charAt(s.length() - 1) < 0x80
            && Character.isLetterOrDigit(s.charAt(s.length() - 1)) && t.charAt(0) < 0x80
            && Character.isLetterOrDigit(t.charAt(0))) {
          s.append(' ');
        }
        s.append(t);
      }
    }
    return s.toString();
  }
}
