package io.selfeval.extract.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A page image drawn at 300 dpi with a ruled table (3-pixel borders, a cell merged over two rows,
 * a gap in one border as a scan leaves), an underline outside the table and a dash inside a cell:
 * the borders come back as rules in points, the underline and dash do not, and the merged cell
 * is one cell.
 */
class ImageRulingsTest {

  private static final float DPI = 300;

  /** Columns at x 100, 400, 700, 1000; rows at y 200, 350, 500, 650 (pixels). */
  private static BufferedImage page(int skewPixels) {
    BufferedImage image = new BufferedImage(1200, 900, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1200, 900);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(3));
    int[] xs = {100, 400, 700, 1000};
    int[] ys = {200, 350, 500, 650};
    for (int y : ys) {
      if (y == 350) {
        // the first column's cell is merged over rows 1 and 2: no border under it there
        g.drawLine(400, y, 1000, y + skewPixels);
      } else {
        g.drawLine(100, y, 1000, y + skewPixels);
      }
    }
    for (int x : xs) {
      g.drawLine(x, 200, x, 650);
    }
    g.setColor(Color.WHITE);
    g.fillRect(550, 495, 2, 10); // a break in a border, as a light scan shows
    g.setColor(Color.BLACK);
    g.drawLine(100, 800, 900, 800); // an underline (a signature line) outside the table
    g.drawLine(450, 420, 500, 420); // a dash inside a cell, 50 px = 12 pt
    g.dispose();
    return image;
  }

  @Test
  void bordersAreFoundAndTextStrokesAreNot() {
    ImageRulings r = ImageRulings.of(page(0), DPI);
    List<ImageRulings.Line> lines = r.lines();
    long horizontals = lines.stream().filter(ImageRulings.Line::horizontal).count();
    long verticals = lines.size() - horizontals;
    assertEquals(4, horizontals, lines.toString());
    assertEquals(4, verticals, lines.toString());
    // the rule at y 500 px is 120 pt from the top, from x 100 px = 24 pt to 1000 px = 240 pt
    Rulings.Rule at500 = r.rules(DPI).stream()
        .filter(x -> x.horizontal() && Math.abs(x.at() - 120f) < 1f).findFirst().orElseThrow();
    assertEquals(24f, at500.from(), 1f);
    assertEquals(240f, at500.to(), 1f);
  }

  @Test
  void mergedCellIsOneCell() {
    List<ImageRulings.Cell> cells = ImageRulings.of(page(0), DPI).cells(DPI);
    // three rows of three cells, the first column's upper two merged: 8 cells
    assertEquals(8, cells.size(), cells.toString());
    ImageRulings.Cell merged = cells.get(0);
    assertEquals(100, merged.left(), 2);
    assertEquals(200, merged.top(), 2);
    assertEquals(400, merged.right(), 2);
    assertEquals(500, merged.bottom(), 2);
  }

  @Test
  void slightlySkewedBorderIsOneRule() {
    // 6 pixels over 900: 0.4 degrees, as a page fed a little askew
    ImageRulings r = ImageRulings.of(page(6), DPI);
    assertEquals(4, r.lines().stream().filter(ImageRulings.Line::horizontal).count(),
        r.lines().toString());
  }

  @Test
  void filledAreaIsNoRule() {
    BufferedImage image = page(0);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(700, 650, 300, 60); // a black box under the table, touching two borders
    g.dispose();
    List<ImageRulings.Line> lines = ImageRulings.of(image, DPI).lines();
    assertTrue(lines.stream().noneMatch(l -> l.horizontal() && l.low() > 660), lines.toString());
  }

  @Test
  void otsuSplitsInkFromPaper() {
    int[] grey = new int[100];
    for (int i = 0; i < grey.length; i++) {
      grey[i] = i < 10 ? 30 : 220;
    }
    int t = ImageRulings.otsu(grey);
    assertTrue(t > 30 && t <= 220, "threshold " + t);
  }

  @Test
  void erasingLeavesNoRule() {
    BufferedImage image = page(0);
    ImageRulings r = ImageRulings.of(image, DPI);
    BufferedImage erased = r.erased(image);
    assertTrue(ImageRulings.of(erased, DPI).lines().isEmpty());
  }
}
