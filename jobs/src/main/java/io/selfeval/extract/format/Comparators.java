package io.selfeval.extract.format;

import java.awt.image.BufferedImage;

/**
 * The comparators ≥ and ≤ in a scanned cell, which Tesseract's Chinese and English models do
 * not hold and read as {@code 2}, {@code >}, {@code =}, {@code 三} or {@code 盖}: the first glyph
 * of an OCR word that starts with such a stand-in is looked at in the image. A chevron with a
 * bar under it (two marks one above the other, the lower one flat) is ≥ or ≤, by which way the
 * chevron points; two flat bars are {@code =}; one mark is left to Tesseract. A stand-in that is
 * not a digit and whose glyph is none of these is not trusted: the word is unreadable.
 */
final class Comparators {

  /** What the first glyph of a word looks like. */
  enum Shape { GE, LE, EQ, OTHER }

  /** First characters Tesseract puts where a comparator was printed. */
  private static final String STAND_INS = "2>=<≥≤≧≦＞＜＝[〉》〈《";
  /** Letters and signs it puts there before a digit. */
  private static final String DIGIT_STAND_INS = "S$§三二兰盖宇站";

  private Comparators() {}

  /**
   * The word's text with a misread comparator put right, the text unchanged when its first
   * character is not a stand-in or its glyph confirms it, or null when it cannot be trusted.
   *
   * @param image the image the word was read from (ink darker than mid grey)
   * @param box the word's box in that image's pixels
   */
  static String read(String text, BufferedImage image, PdfLayout.Box box) {
    boolean standIn = !text.isEmpty() && (STAND_INS.indexOf(text.charAt(0)) >= 0
        || DIGIT_STAND_INS.indexOf(text.charAt(0)) >= 0 && text.length() > 1
        && Character.isDigit(text.charAt(1)));
    if (!standIn) {
      return text;
    }
    char first = text.charAt(0);
    Shape shape = shape(image, box);
    switch (shape) {
      case GE:
        return "≥" + text.substring(1);
      case LE:
        return "≤" + text.substring(1);
      case EQ:
        return first == '=' || first == '＝' ? text : "=" + text.substring(1);
      default:
        // a single mark: a digit, > or < as Tesseract read it; anything else is unreadable
        return first == '2' || first == '>' || first == '<' ? text : null;
    }
  }

  /** The shape of the first glyph inside a word's box. */
  static Shape shape(BufferedImage image, PdfLayout.Box box) {
    int x0 = Math.max(0, Math.round(box.x()));
    int x1 = Math.min(image.getWidth() - 1, Math.round(box.right()));
    int pad = Math.round(box.height() / 4);
    int y0 = Math.max(0, Math.round(box.y()) - pad);
    int y1 = Math.min(image.getHeight() - 1, Math.round(box.y() + box.height()) + pad);
    int left = -1;
    int right = -1;
    for (int x = x0; x <= x1; x++) {
      boolean ink = false;
      for (int y = y0; y <= y1 && !ink; y++) {
        ink = dark(image, x, y);
      }
      if (ink && left < 0) {
        left = x;
      } else if (!ink && left >= 0) {
        right = x - 1;
        break;
      }
    }
    if (left < 0 || right < 0) {
      return Shape.OTHER;
    }
    int width = right - left + 1;
    // the glyph's marks, top down: runs of rows with ink between left and right
    int[][] runs = new int[3][];
    int count = 0;
    int start = -1;
    for (int y = y0; y <= y1 + 1; y++) {
      boolean ink = false;
      for (int x = left; x <= right && y <= y1 && !ink; x++) {
        ink = dark(image, x, y);
      }
      if (ink && start < 0) {
        start = y;
      } else if (!ink && start >= 0) {
        if (count == 3) {
          return Shape.OTHER;
        }
        runs[count++] = new int[] {start, y - 1};
        start = -1;
      }
    }
    if (count != 2) {
      return Shape.OTHER;
    }
    float thin = Math.max(2, 0.35f * width);
    boolean topFlat = runs[0][1] - runs[0][0] + 1 <= thin;
    boolean bottomFlat = runs[1][1] - runs[1][0] + 1 <= thin;
    if (topFlat && bottomFlat) {
      return Shape.EQ;
    }
    if (topFlat || !bottomFlat) {
      return Shape.OTHER;
    }
    // a chevron: its ink at the top row lies left (>) or right (<) of its ink at the middle row
    int middle = (runs[0][0] + runs[0][1]) / 2;
    float lean = centre(image, left, right, middle) - centre(image, left, right, runs[0][0]);
    if (lean > 0.2f * width) {
      return Shape.GE;
    }
    if (lean < -0.2f * width) {
      return Shape.LE;
    }
    return Shape.OTHER;
  }

  private static float centre(BufferedImage image, int left, int right, int y) {
    float sum = 0;
    int n = 0;
    for (int x = left; x <= right; x++) {
      if (dark(image, x, y)) {
        sum += x;
        n++;
      }
    }
    return n == 0 ? (left + right) / 2f : sum / n;
  }

  private static boolean dark(BufferedImage image, int x, int y) {
    return (image.getRGB(x, y) & 0xff) < 128;
  }
}
