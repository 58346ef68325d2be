package io.selfeval.extract.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * Glyphs drawn as strokes 40 pixels high (a 10 pt character at 300 dpi), no font needed: ≥ and ≤
 * (a chevron over a bar), = (two bars), > (a chevron) and 2 (one mark) told apart, and what an
 * OCR word starting with a stand-in becomes.
 */
class ComparatorsTest {

  private static final PdfLayout.Box BOX = new PdfLayout.Box("x", 10, 10, 60, 40);

  private static BufferedImage glyph(char c) {
    BufferedImage image = new BufferedImage(100, 60, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 100, 60);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(3));
    switch (c) {
      case '≥' -> {
        g.drawPolyline(new int[] {12, 32, 12}, new int[] {10, 20, 30}, 3);
        g.drawLine(12, 45, 32, 45);
      }
      case '≤' -> {
        g.drawPolyline(new int[] {32, 12, 32}, new int[] {10, 20, 30}, 3);
        g.drawLine(12, 45, 32, 45);
      }
      case '=' -> {
        g.drawLine(12, 22, 32, 22);
        g.drawLine(12, 34, 32, 34);
      }
      case '>' -> g.drawPolyline(new int[] {12, 32, 12}, new int[] {14, 27, 40}, 3);
      default -> {
        // a 2: an arc's top, a diagonal and the foot, in one mark
        g.drawPolyline(new int[] {12, 22, 32, 32, 12, 32}, new int[] {16, 10, 16, 22, 45, 45},
            6);
      }
    }
    // the digits after the comparator, apart from it
    g.fillRect(50, 10, 6, 36);
    g.dispose();
    return image;
  }

  @Test
  void shapesAreToldApart() {
    assertEquals(Comparators.Shape.GE, Comparators.shape(glyph('≥'), BOX));
    assertEquals(Comparators.Shape.LE, Comparators.shape(glyph('≤'), BOX));
    assertEquals(Comparators.Shape.EQ, Comparators.shape(glyph('='), BOX));
    assertEquals(Comparators.Shape.OTHER, Comparators.shape(glyph('>'), BOX));
    assertEquals(Comparators.Shape.OTHER, Comparators.shape(glyph('2'), BOX));
  }

  @Test
  void standInsOfComparatorsAreReadFromTheGlyph() {
    assertEquals("≥4554份", Comparators.read("24554份", glyph('≥'), BOX));
    assertEquals("≥88%", Comparators.read(">88%", glyph('≥'), BOX));
    assertEquals("≥88%", Comparators.read("三88%", glyph('≥'), BOX));
    assertEquals("≤30万元", Comparators.read("=30万元", glyph('≤'), BOX));
    assertEquals("=5", Comparators.read("=5", glyph('='), BOX));
  }

  @Test
  void digitOrTrueSignIsKeptAndUnknownStandInIsNotTrusted() {
    assertEquals("2529户", Comparators.read("2529户", glyph('2'), BOX));
    assertEquals(">90%", Comparators.read(">90%", glyph('>'), BOX));
    assertNull(Comparators.read("S524人次", glyph('2'), BOX));
    // words that start like a stand-in but are words: left alone
    assertEquals("三级指标", Comparators.read("三级指标", glyph('2'), BOX));
    assertEquals("320件", Comparators.read("320件", glyph('2'), BOX));
  }
}
