package io.selfeval.extract.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups positioned text (PDF glyphs, OCR words) of one page into lines and the lines into cells:
 * boxes whose vertical centres lie within half a line height share a line; a horizontal gap wider
 * than {@link #CELL_GAP_EM} of the font size starts a new cell. A line with fewer cells right
 * above or below a table row, each of its cells under a cell of that row, is the wrapped part of
 * those cells and joins them (an indicator name on two lines).
 */
final class PdfLayout {

  /** A piece of text and its box, y growing downwards. */
  record Box(String text, float x, float y, float width, float height) {
    float right() {
      return x + width;
    }

    float centre() {
      return y + height / 2;
    }
  }

  /** A cell of a line: its text and horizontal extent. */
  static final class Span {
    final StringBuilder text = new StringBuilder();
    float left;
    float right;

    Span(float left, float right) {
      this.left = left;
      this.right = right;
    }

    boolean overlaps(Span other) {
      return left < other.right && other.left < right;
    }
  }

  /** A line of a page: its cells and vertical position. */
  static final class Line {
    final List<Span> cells = new ArrayList<>();
    float top;
    float bottom;
    /** A row of a ruled table, its cells cut by the rules ({@link RuledTable}). */
    boolean ruled;

    int filled() {
      int n = 0;
      for (Span s : cells) {
        n += s.text.toString().isBlank() ? 0 : 1;
      }
      return n;
    }

    String text() {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < cells.size(); i++) {
        s.append(i == 0 ? "" : "\t").append(cells.get(i).text.toString().strip());
      }
      return s.toString();
    }
  }

  /** A gap wider than this many font heights separates two cells. */
  static final float CELL_GAP_EM = 0.9f;

  private PdfLayout() {}

  static List<Line> lines(List<Box> boxes) {
    List<Box> sorted = new ArrayList<>(boxes);
    sorted.removeIf(b -> b.text().isBlank() || b.height() <= 0);
    sorted.sort(Comparator.comparingDouble(Box::centre));
    List<List<Box>> rows = new ArrayList<>();
    List<Box> current = null;
    float centre = 0;
    for (Box b : sorted) {
      if (current == null || Math.abs(b.centre() - centre) > b.height() / 2) {
        current = new ArrayList<>();
        rows.add(current);
        centre = b.centre();
      }
      current.add(b);
    }
    List<Line> lines = new ArrayList<>();
    for (List<Box> row : rows) {
      lines.add(line(row));
    }
    return joinWrapped(lines);
  }

  private static Line line(List<Box> row) {
    row.sort(Comparator.comparingDouble(Box::x));
    // the median box, not the extremes: OCR boxes of punctuation and tall glyphs overreach
    float[] tops = new float[row.size()];
    float[] bottoms = new float[row.size()];
    for (int i = 0; i < row.size(); i++) {
      tops[i] = row.get(i).y();
      bottoms[i] = row.get(i).y() + row.get(i).height();
    }
    java.util.Arrays.sort(tops);
    java.util.Arrays.sort(bottoms);
    Line line = new Line();
    line.top = tops[tops.length / 2];
    line.bottom = bottoms[bottoms.length / 2];
    Span span = null;
    for (Box b : row) {
      if (span == null || b.x() - span.right > CELL_GAP_EM * b.height()) {
        span = new Span(b.x(), b.right());
        line.cells.add(span);
      } else if (b.x() - span.right > 0.2f * b.height() && endsLatin(span) && startsLatin(b)) {
        span.text.append(' ');
      }
      span.text.append(b.text());
      span.right = Math.max(span.right, b.right());
    }
    return line;
  }

  private static boolean endsLatin(Span s) {
    int n = s.text.length();
    return n > 0 && s.text.charAt(n - 1) < 0x80;
  }

  private static boolean startsLatin(Box b) {
    return b.text().charAt(0) < 0x80;
  }

  /** Joins the wrapped parts of cells to the table row they belong to. */
  private static List<Line> joinWrapped(List<Line> lines) {
    List<Line> out = new ArrayList<>(lines);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < out.size(); i++) {
        Line l = out.get(i);
        Line above = i > 0 ? out.get(i - 1) : null;
        Line below = i + 1 < out.size() ? out.get(i + 1) : null;
        Line into = null;
        if (isPartOf(l, above)) {
          into = above;
        } else if (isPartOf(l, below)) {
          into = below;
        }
        if (into == null) {
          continue;
        }
        boolean after = into == above;
        for (Span s : l.cells) {
          for (Span t : into.cells) {
            if (s.overlaps(t)) {
              if (after) {
                t.text.append(s.text);
              } else {
                t.text.insert(0, s.text);
              }
              break;
            }
          }
        }
        into.top = Math.min(into.top, l.top);
        into.bottom = Math.max(into.bottom, l.bottom);
        out.remove(i);
        changed = true;
        break;
      }
    }
    return out;
  }

  /** {@code part} is close to {@code row}, has fewer cells, and each lies under exactly one. */
  private static boolean isPartOf(Line part, Line row) {
    if (row == null || row.cells.size() < 3 || part.cells.size() >= row.cells.size()) {
      return false;
    }
    float height = part.bottom - part.top;
    float gap = Math.max(row.top - part.bottom, part.top - row.bottom);
    if (gap > 0.6f * height) {
      return false;
    }
    for (Span s : part.cells) {
      if (row.cells.stream().filter(s::overlaps).count() != 1) {
        return false;
      }
    }
    return true;
  }
}
