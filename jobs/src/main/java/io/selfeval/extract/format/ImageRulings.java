package io.selfeval.extract.format;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.List;

/**
 * The ruling lines of a scanned page, found in its image: the page is binarised (Otsu's
 * threshold), every row and column is cut into runs of dark pixels at least {@link #MIN_LENGTH}
 * long (gaps of a pixel or two, as a scan leaves, bridged), runs on neighbouring rows (columns)
 * that overlap are one line (a line a few pixels thick, or one a skewed scan steps by a pixel),
 * and a line is kept only where it meets two lines across it, as table borders do: a glyph's
 * stroke, an underline or a dash meets none. {@link RuledTable} then reads OCR words by these
 * rules exactly as it reads PDF glyphs by the drawn ones.
 */
final class ImageRulings {

  /** Shorter runs (points) are glyph strokes, not borders: a 10.5 pt glyph is about 10 wide. */
  static final float MIN_LENGTH = 12f;
  /** A line thicker than this (points) is a filled area (a shaded cell), not a rule. */
  static final float MAX_THICKNESS = 3f;
  /** Gaps (points) a scanned line may show and still be one line. */
  static final float GAP = 0.5f;
  /** How far (points) a line may end short of a line across it and still meet it. */
  static final float MEET = 1.5f;

  /** A line found in the image, in pixels: thickness from {@code low} to {@code high}. */
  record Line(boolean horizontal, int low, int high, int from, int to) {
    float at() {
      return (low + high) / 2f;
    }
  }

  private final List<Line> lines;

  private ImageRulings(List<Line> lines) {
    this.lines = lines;
  }

  /** The table borders of a page image rendered at {@code dpi}. */
  static ImageRulings of(BufferedImage image, float dpi) {
    float pixelsPerPoint = dpi / 72f;
    int minLength = Math.round(MIN_LENGTH * pixelsPerPoint);
    int gap = Math.max(1, Math.round(GAP * pixelsPerPoint));
    int maxThickness = Math.max(2, Math.round(MAX_THICKNESS * pixelsPerPoint));
    boolean[] dark = binarise(image);
    int w = image.getWidth();
    int h = image.getHeight();
    List<Line> horizontals = merge(runs(dark, w, h, true, minLength, gap), true, gap,
        maxThickness);
    List<Line> verticals = merge(runs(dark, w, h, false, minLength, gap), false, gap,
        maxThickness);
    int meet = Math.max(2, Math.round(MEET * pixelsPerPoint));
    // removing a line can leave a line across it meeting only one: settle both sets in turn
    for (int pass = 0; pass < 4; pass++) {
      List<Line> h2 = meeting(horizontals, verticals, meet);
      List<Line> v2 = meeting(verticals, h2, meet);
      if (h2.size() == horizontals.size() && v2.size() == verticals.size()) {
        break;
      }
      horizontals = h2;
      verticals = v2;
    }
    List<Line> all = new ArrayList<>(horizontals);
    all.addAll(verticals);
    return new ImageRulings(all);
  }

  List<Line> lines() {
    return lines;
  }

  /** A cell of the grid, in pixels, from rule to rule (a merged cell once, whole). */
  record Cell(int left, int top, int right, int bottom) {}

  /**
   * The grid's cells: between every two horizontal rules (a band), a cell between every two
   * vertical rules crossing the band's middle; a cell with the same sides as the one above it
   * and no rule between them is that cell, grown (a merged cell). Ordered top down.
   */
  List<Cell> cells(float dpi) {
    int same = Math.max(2, Math.round(MEET * dpi / 72f));
    List<Float> ys = new ArrayList<>();
    for (Line l : lines) {
      if (l.horizontal()) {
        ys.add(l.at());
      }
    }
    ys = RuledTable.distinct(ys, same);
    List<int[]> open = new ArrayList<>(); // {left, top, right, bottom}
    List<int[]> done = new ArrayList<>();
    for (int b = 0; b + 1 < ys.size(); b++) {
      float top = ys.get(b);
      float bottom = ys.get(b + 1);
      float middle = (top + bottom) / 2;
      List<Float> xs = new ArrayList<>();
      for (Line l : lines) {
        if (!l.horizontal() && l.from() - same <= middle && middle <= l.to() + same) {
          xs.add(l.at());
        }
      }
      xs = RuledTable.distinct(xs, same);
      List<int[]> next = new ArrayList<>();
      for (int c = 0; c + 1 < xs.size(); c++) {
        int left = Math.round(xs.get(c));
        int right = Math.round(xs.get(c + 1));
        int[] above = null;
        for (int[] o : open) {
          if (Math.abs(o[0] - left) <= same && Math.abs(o[2] - right) <= same
              && Math.abs(o[3] - top) <= same && !ruled(top, (left + right) / 2f, same)) {
            above = o;
          }
        }
        if (above != null) {
          above[3] = Math.round(bottom);
          open.remove(above);
          next.add(above);
        } else {
          next.add(new int[] {left, Math.round(top), right, Math.round(bottom)});
        }
      }
      done.addAll(open);
      open = next;
    }
    done.addAll(open);
    done.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[0], b[0]));
    List<Cell> out = new ArrayList<>();
    for (int[] c : done) {
      out.add(new Cell(c[0], c[1], c[2], c[3]));
    }
    return out;
  }

  /** True when a horizontal line at height y passes x. */
  private boolean ruled(float y, float x, int same) {
    for (Line l : lines) {
      if (l.horizontal() && Math.abs(l.at() - y) <= same && l.from() - same <= x
          && x <= l.to() + same) {
        return true;
      }
    }
    return false;
  }

  /** The lines as {@link Rulings.Rule}s in points from the top left, as PDF text is placed. */
  List<Rulings.Rule> rules(float dpi) {
    float scale = 72f / dpi;
    List<Rulings.Rule> out = new ArrayList<>();
    for (Line l : lines) {
      out.add(new Rulings.Rule(l.horizontal(), l.at() * scale, l.from() * scale,
          (l.to() + 1) * scale));
    }
    return out;
  }

  /**
   * A copy of the image with the lines painted white, so that OCR reads the cells' text without
   * the borders (which it takes for {@code |} and {@code _} or glues to the glyphs they touch).
   */
  BufferedImage erased(BufferedImage image) {
    BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(),
        BufferedImage.TYPE_BYTE_GRAY);
    java.awt.Graphics2D g = copy.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
      g.setColor(java.awt.Color.WHITE);
      for (Line l : lines) {
        if (l.horizontal()) {
          g.fillRect(l.from(), l.low() - 1, l.to() - l.from() + 1, l.high() - l.low() + 3);
        } else {
          g.fillRect(l.low() - 1, l.from(), l.high() - l.low() + 3, l.to() - l.from() + 1);
        }
      }
    } finally {
      g.dispose();
    }
    return copy;
  }

  /** Dark pixels, row by row: darker than Otsu's threshold of the page's grey levels. */
  static boolean[] binarise(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] grey = new int[w * h];
    Raster raster = image.getRaster();
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      raster.getSamples(0, 0, w, h, 0, grey);
    } else {
      int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
      for (int i = 0; i < rgb.length; i++) {
        int p = rgb[i];
        grey[i] = (299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff)) / 1000;
      }
    }
    int threshold = otsu(grey);
    boolean[] dark = new boolean[w * h];
    for (int i = 0; i < grey.length; i++) {
      dark[i] = grey[i] < threshold;
    }
    return dark;
  }

  /** The grey level that best splits the histogram in two (Otsu 1979); 128 for a flat page. */
  static int otsu(int[] grey) {
    long[] histogram = new long[256];
    for (int g : grey) {
      histogram[g]++;
    }
    long total = grey.length;
    double sum = 0;
    for (int i = 0; i < 256; i++) {
      sum += (double) i * histogram[i];
    }
    double sumBelow = 0;
    long below = 0;
    double best = -1;
    int threshold = 128;
    for (int t = 0; t < 256; t++) {
      below += histogram[t];
      if (below == 0) {
        continue;
      }
      long above = total - below;
      if (above == 0) {
        break;
      }
      sumBelow += (double) t * histogram[t];
      double meanBelow = sumBelow / below;
      double meanAbove = (sum - sumBelow) / above;
      double between = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
      if (between > best) {
        best = between;
        threshold = t + 1;
      }
    }
    return threshold;
  }

  /**
   * Runs of dark pixels along rows ({@code horizontal}) or columns, at least {@code minLength}
   * long, bridging gaps up to {@code gap}: each {@code {position, from, to}}, ordered by
   * position.
   */
  static List<int[]> runs(boolean[] dark, int w, int h, boolean horizontal, int minLength,
      int gap) {
    int lanes = horizontal ? h : w;
    int length = horizontal ? w : h;
    List<int[]> out = new ArrayList<>();
    for (int lane = 0; lane < lanes; lane++) {
      int start = -1;
      int last = -1;
      for (int i = 0; i <= length; i++) {
        boolean d = i < length && (horizontal ? dark[lane * w + i] : dark[i * w + lane]);
        if (d) {
          if (start < 0 || i - last > gap + 1) {
            if (start >= 0 && last - start + 1 >= minLength) {
              out.add(new int[] {lane, start, last});
            }
            start = i;
          }
          last = i;
        }
      }
      if (start >= 0 && last - start + 1 >= minLength) {
        out.add(new int[] {lane, start, last});
      }
    }
    return out;
  }

  /**
   * Runs on neighbouring lanes (at most {@code gap} apart) that overlap along their length are
   * one line; lines thicker than {@code maxThickness} (on average along their length) are
   * filled areas and dropped.
   */
  static List<Line> merge(List<int[]> runs, boolean horizontal, int gap, int maxThickness) {
    List<int[]> open = new ArrayList<>(); // {low, high, from, to, dark pixels}
    List<Line> out = new ArrayList<>();
    for (int[] r : runs) {
      int[] into = null;
      for (int[] o : open) {
        if (r[0] - o[1] <= gap + 1 && r[1] <= o[3] + gap && o[2] <= r[2] + gap) {
          into = o;
          break;
        }
      }
      if (into == null) {
        open.add(new int[] {r[0], r[0], r[1], r[2], r[2] - r[1] + 1});
      } else {
        into[1] = r[0];
        into[2] = Math.min(into[2], r[1]);
        into[3] = Math.max(into[3], r[2]);
        into[4] += r[2] - r[1] + 1;
      }
      // lines no longer reachable are finished
      for (int i = open.size() - 1; i >= 0; i--) {
        int[] o = open.get(i);
        if (r[0] - o[1] > gap + 1) {
          finish(o, horizontal, maxThickness, out);
          open.remove(i);
        }
      }
    }
    for (int[] o : open) {
      finish(o, horizontal, maxThickness, out);
    }
    return out;
  }

  private static void finish(int[] o, boolean horizontal, int maxThickness, List<Line> out) {
    // thickness as dark pixels per unit of length: a skewed line spans more lanes, not more ink
    if (o[4] <= (long) maxThickness * (o[3] - o[2] + 1)) {
      out.add(new Line(horizontal, o[0], o[1], o[2], o[3]));
    }
  }

  /** The lines that meet at least two of the lines across them. */
  private static List<Line> meeting(List<Line> lines, List<Line> across, int meet) {
    List<Line> out = new ArrayList<>();
    for (Line l : lines) {
      int met = 0;
      for (Line a : across) {
        if (a.low() - meet <= l.to() && l.from() <= a.high() + meet
            && l.low() - meet <= a.to() && a.from() <= l.high() + meet) {
          met++;
        }
      }
      if (met >= 2) {
        out.add(l);
      }
    }
    return out;
  }
}
