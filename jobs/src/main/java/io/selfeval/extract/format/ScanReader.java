package io.selfeval.extract.format;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a scanned page: the table borders are found in its image ({@link ImageRulings}) and
 * erased, each cell is read by Tesseract on its own (so a cell's wrapped lines stay together and
 * words of two cells never join), the rest of the page as one block of text. The words come back
 * in points from the top left with the borders as {@link Rulings.Rule}s, for {@link RuledTable}
 * to read like a text page; a page without a grid is read as a block, as before.
 */
final class ScanReader {

  /**
   * A page's words and table borders, in points from the top left, and how many cells were left
   * empty because a word in them could not be trusted ({@link Comparators}).
   */
  record Page(List<PdfLayout.Box> boxes, List<Rulings.Rule> rules, int unreadable) {}

  /** White around a cell's crop: Tesseract reads text touching the image's edge badly. */
  private static final int MARGIN = 12;
  /** A cell with fewer dark pixels than this is empty (specks of a scan). */
  private static final int MIN_INK = 30;

  /** Latin letters but x and X (a multiplication sign in 分值×执行率). */
  private static final Pattern LATIN = Pattern.compile("[A-WYZa-wyz]");

  private ScanReader() {}

  static Page read(BufferedImage image, float dpi) throws IOException {
    float scale = 72f / dpi;
    ImageRulings grid = ImageRulings.of(image, dpi);
    List<ImageRulings.Cell> cells = grid.cells(dpi);
    BufferedImage page = grid.erased(image);
    if (cells.isEmpty()) {
      List<PdfLayout.Box> boxes = new ArrayList<>();
      for (PdfLayout.Box b : Ocr.words(page)) {
        boxes.add(scaled(b, 0, 0, scale));
      }
      return new Page(boxes, grid.rules(dpi), 0);
    }
    BufferedImage prose = copy(page);
    Graphics2D g = prose.createGraphics();
    g.setColor(Color.WHITE);
    int inset = Math.max(2, Math.round(dpi / 100f));
    List<BufferedImage> strips = new ArrayList<>();
    List<int[]> places = new ArrayList<>(); // where each cell's text starts: x, y, w, h
    for (ImageRulings.Cell c : cells) {
      g.fillRect(c.left(), c.top(), c.right() - c.left() + 1, c.bottom() - c.top() + 1);
      int w = c.right() - c.left() - 2 * inset;
      int h = c.bottom() - c.top() - 2 * inset;
      if (w <= 0 || h <= 0) {
        continue;
      }
      BufferedImage crop = page.getSubimage(c.left() + inset, c.top() + inset, w, h);
      List<int[]> lines = textLines(crop);
      if (lines.isEmpty() || ink(crop) < MIN_INK) {
        continue;
      }
      strips.add(strip(crop, lines));
      int[] first = lines.get(0);
      places.add(new int[] {c.left() + inset, c.top() + inset + first[0], w,
          first[1] - first[0] + 1});
    }
    g.dispose();
    List<PdfLayout.Box> boxes = new ArrayList<>();
    for (PdfLayout.Box b : lines(Ocr.words(prose))) {
      boxes.add(scaled(b, 0, 0, scale));
    }
    // each cell's lines side by side read as one line: a character alone on a wrapped line
    // (率 under 完成) is read in its words' company, and the cell's text comes back whole
    List<String> texts = texts(strips, Ocr.words(strips, 7, Ocr.LANGUAGES));
    // Latin letters in a Chinese form's cell are mostly the English model's reading of a
    // Chinese glyph (率 as wR, 户 as F): such a cell is read again by the Chinese model alone
    List<BufferedImage> again = new ArrayList<>();
    List<Integer> which = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) != null && LATIN.matcher(texts.get(i)).find()) {
        again.add(strips.get(i));
        which.add(i);
      }
    }
    List<String> second = texts(again, Ocr.words(again, 7, Ocr.CHINESE));
    for (int k = 0; k < which.size(); k++) {
      String first = texts.get(which.get(k));
      String chinese = second.get(k);
      // its reading is taken when it holds no Latin letter and the same digits and signs,
      // else the cell is left empty
      boolean agree = chinese != null && !chinese.isEmpty()
          && !LATIN.matcher(chinese).find() && signs(chinese).equals(signs(first));
      texts.set(which.get(k), agree ? chinese : null);
    }
    int unreadable = 0;
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (text == null) {
        unreadable++;
      } else if (!text.isEmpty()) {
        int[] p = places.get(i);
        boxes.add(new PdfLayout.Box(text, p[0] * scale, p[1] * scale, p[2] * scale,
            p[3] * scale));
      }
    }
    return new Page(boxes, grid.rules(dpi), unreadable);
  }

  /** Each image's words joined, comparators read from the image; null where untrusted. */
  private static List<String> texts(List<BufferedImage> images,
      List<List<PdfLayout.Box>> words) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      StringBuilder text = new StringBuilder();
      for (PdfLayout.Box b : words.get(i)) {
        String t = Comparators.read(b.text(), images.get(i), b);
        if (t == null) {
          text = null;
          break;
        }
        text.append(join(text, t)).append(t);
      }
      out.add(text == null ? null : text.toString());
    }
    return out;
  }

  /** A text's digits and signs: what is left without Chinese characters, letters, blanks. */
  static String signs(String s) {
    return s.replaceAll("[\\p{IsHan}A-WYZa-wyz\\s]", "");
  }

  private static PdfLayout.Box scaled(PdfLayout.Box b, int dx, int dy, float scale) {
    return new PdfLayout.Box(b.text(), (b.x() + dx) * scale, (b.y() + dy) * scale,
        b.width() * scale, b.height() * scale);
  }

  /** A space between two Latin letters or digits, as a cell's words are joined. */
  private static String join(CharSequence before, String next) {
    if (before.length() == 0 || next.isEmpty()) {
      return "";
    }
    char last = before.charAt(before.length() - 1);
    return last < 0x80 && Character.isLetterOrDigit(last) && next.charAt(0) < 0x80
        && Character.isLetterOrDigit(next.charAt(0)) ? " " : "";
  }

  /**
   * The text lines of a cell image, top to bottom, each {@code {top, bottom}}: runs of rows with
   * ink; a run much lower than the tallest (the strokes of 二 or 三, a dot) joins the nearer
   * neighbour, so a line is never cut between strokes of one glyph.
   */
  static List<int[]> textLines(BufferedImage image) {
    List<int[]> runs = new ArrayList<>();
    int start = -1;
    for (int y = 0; y <= image.getHeight(); y++) {
      boolean ink = false;
      for (int x = 0; x < image.getWidth() && y < image.getHeight() && !ink; x++) {
        ink = (image.getRGB(x, y) & 0xff) < 128;
      }
      if (ink && start < 0) {
        start = y;
      } else if (!ink && start >= 0) {
        runs.add(new int[] {start, y - 1});
        start = -1;
      }
    }
    int tallest = 0;
    for (int[] r : runs) {
      tallest = Math.max(tallest, r[1] - r[0] + 1);
    }
    final int line = tallest;
    boolean merged = true;
    while (merged && runs.size() > 1) {
      merged = false;
      for (int i = 0; i < runs.size(); i++) {
        int[] r = runs.get(i);
        if (r[1] - r[0] + 1 >= 0.6f * line) {
          continue;
        }
        int gapAbove = i > 0 ? r[0] - runs.get(i - 1)[1] : Integer.MAX_VALUE;
        int gapBelow = i + 1 < runs.size() ? runs.get(i + 1)[0] - r[1] : Integer.MAX_VALUE;
        int[] into = gapAbove <= gapBelow ? runs.get(i - 1) : runs.get(i + 1);
        into[0] = Math.min(into[0], r[0]);
        into[1] = Math.max(into[1], r[1]);
        runs.remove(i);
        merged = true;
        break;
      }
    }
    // specks alone (shorter than a third of a line) are not lines
    runs.removeIf(r -> r[1] - r[0] + 1 < line / 3);
    return runs;
  }

  /** A cell's text lines laid side by side, centred on one line, with white around. */
  private static BufferedImage strip(BufferedImage crop, List<int[]> lines) {
    int height = 0;
    int width = 0;
    List<int[]> spans = new ArrayList<>();
    for (int[] l : lines) {
      int h = l[1] - l[0] + 1;
      int[] x = inkColumns(crop, l[0], l[1]);
      spans.add(x);
      height = Math.max(height, h);
      width += x[1] - x[0] + 1 + h / 2;
    }
    BufferedImage out = new BufferedImage(width + 2 * MARGIN, height + 2 * MARGIN,
        BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    int x = MARGIN;
    for (int i = 0; i < lines.size(); i++) {
      int[] l = lines.get(i);
      int[] c = spans.get(i);
      int h = l[1] - l[0] + 1;
      int w = c[1] - c[0] + 1;
      g.drawImage(crop.getSubimage(c[0], l[0], w, h), x, MARGIN + (height - h) / 2, null);
      x += w + h / 2;
    }
    g.dispose();
    return out;
  }

  /** The first and last column with ink between two rows. */
  private static int[] inkColumns(BufferedImage image, int top, int bottom) {
    int first = image.getWidth() - 1;
    int last = 0;
    for (int y = top; y <= bottom; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xff) < 128) {
          first = Math.min(first, x);
          last = Math.max(last, x);
        }
      }
    }
    return first <= last ? new int[] {first, last} : new int[] {0, image.getWidth() - 1};
  }

  /**
   * The words of a text line (Tesseract gives them in reading order) as one box: outside a
   * page's grid the text is prose, and Tesseract's word gaps (wide after a CJK colon, a comma
   * it dropped) must not cut it into cells.
   */
  static List<PdfLayout.Box> lines(List<PdfLayout.Box> words) {
    List<PdfLayout.Box> out = new ArrayList<>();
    PdfLayout.Box line = null;
    for (PdfLayout.Box b : words) {
      boolean same = line != null && b.x() >= line.right() - b.height()
          && Math.abs(b.centre() - line.centre()) < line.height() / 2;
      if (!same) {
        if (line != null) {
          out.add(line);
        }
        line = b;
        continue;
      }
      char last = line.text().charAt(line.text().length() - 1);
      String space = last < 0x80 && Character.isLetterOrDigit(last) && b.text().charAt(0) < 0x80
          && Character.isLetterOrDigit(b.text().charAt(0)) ? " " : "";
      float top = Math.min(line.y(), b.y());
      float bottom = Math.max(line.y() + line.height(), b.y() + b.height());
      line = new PdfLayout.Box(line.text() + space + b.text(), line.x(), top,
          Math.max(line.right(), b.right()) - line.x(), bottom - top);
    }
    if (line != null) {
      out.add(line);
    }
    return out;
  }

  private static int ink(BufferedImage image) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += (image.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
      }
    }
    return n;
  }

  private static BufferedImage copy(BufferedImage image) {
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
        BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return out;
  }
}
