package io.selfeval.extract.format;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * The ruling lines of a PDF page, the borders Word, WPS and LibreOffice draw around table cells:
 * stroked straight segments and rectangles, and filled rectangles thinner than {@link #THIN}
 * (how some writers draw a border). Coordinates as the text's: points from the top left, y
 * growing downwards. Curves, images and text are not rulings.
 */
final class Rulings extends PDFGraphicsStreamEngine {

  /** A horizontal ({@code horizontal}) segment at {@code at} from {@code from} to {@code to}. */
  record Rule(boolean horizontal, float at, float from, float to) {}

  /** A filled rectangle at most this thick (points) is a rule. */
  static final float THIN = 2.5f;
  /** Shorter segments are not rules (underlines of a glyph, bullets). */
  static final float MIN_LENGTH = 4f;

  private final float pageHeight;
  private final List<Rule> rules = new ArrayList<>();
  private final List<float[]> segments = new ArrayList<>();
  private final List<float[]> rectangles = new ArrayList<>();
  private Point2D current = new Point2D.Float();
  private Point2D start = new Point2D.Float();

  private Rulings(PDPage page) {
    super(page);
    this.pageHeight = page.getCropBox().getUpperRightY();
  }

  /** The page's rules; none when the page cannot be processed. */
  static List<Rule> of(PDPage page) {
    Rulings r = new Rulings(page);
    try {
      r.processPage(page);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    return r.rules;
  }

  @Override
  public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    rectangles.add(new float[] {(float) Math.min(p0.getX(), p2.getX()),
        (float) Math.min(p0.getY(), p2.getY()), (float) Math.max(p0.getX(), p2.getX()),
        (float) Math.max(p0.getY(), p2.getY())});
    current = p0;
    start = p0;
  }

  @Override
  public void moveTo(float x, float y) {
    current = new Point2D.Float(x, y);
    start = current;
  }

  @Override
  public void lineTo(float x, float y) {
    segments.add(new float[] {(float) current.getX(), (float) current.getY(), x, y});
    current = new Point2D.Float(x, y);
  }

  @Override
  public void closePath() {
    lineTo((float) start.getX(), (float) start.getY());
  }

  @Override
  public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    current = new Point2D.Float(x3, y3);
  }

  @Override
  public Point2D getCurrentPoint() {
    return current;
  }

  @Override
  public void strokePath() {
    for (float[] s : segments) {
      segment(s[0], s[1], s[2], s[3]);
    }
    for (float[] r : rectangles) {
      segment(r[0], r[1], r[2], r[1]);
      segment(r[0], r[3], r[2], r[3]);
      segment(r[0], r[1], r[0], r[3]);
      segment(r[2], r[1], r[2], r[3]);
    }
    endPath();
  }

  @Override
  public void fillPath(int windingRule) {
    for (float[] r : rectangles) {
      float w = r[2] - r[0];
      float h = r[3] - r[1];
      if (h <= THIN && w >= MIN_LENGTH) {
        segment(r[0], (r[1] + r[3]) / 2, r[2], (r[1] + r[3]) / 2);
      } else if (w <= THIN && h >= MIN_LENGTH) {
        segment((r[0] + r[2]) / 2, r[1], (r[0] + r[2]) / 2, r[3]);
      }
    }
    endPath();
  }

  @Override
  public void fillAndStrokePath(int windingRule) {
    strokePath();
  }

  @Override
  public void endPath() {
    segments.clear();
    rectangles.clear();
  }

  @Override
  public void clip(int windingRule) {
    // a clipping path draws nothing; the path is ended by the operator that follows
  }

  @Override
  public void drawImage(PDImage image) {
    // images are not rulings
  }

  @Override
  public void shadingFill(COSName shadingName) {
    // shadings are not rulings
  }

  /** A straight horizontal or vertical segment in user space, kept in top-down coordinates. */
  private void segment(float x0, float y0, float x1, float y1) {
    if (Math.abs(y0 - y1) < 0.5f && Math.abs(x1 - x0) >= MIN_LENGTH) {
      rules.add(new Rule(true, pageHeight - y0, Math.min(x0, x1), Math.max(x0, x1)));
    } else if (Math.abs(x0 - x1) < 0.5f && Math.abs(y1 - y0) >= MIN_LENGTH) {
      rules.add(new Rule(false, x0, pageHeight - Math.max(y0, y1), pageHeight - Math.min(y0, y1)));
    }
  }
}
