package io.selfeval.extract.format;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders {@link SampleForm} as a text PDF (one landscape page, cell texts at the top-left of
 * their cells, as Word prints a top-aligned table) and as a scanned, image-only PDF of it.
 * Needs a CJK TrueType font on the machine ({@link #cjkFont()}).
 */
final class SamplePdf {

  static final float[] WIDTHS = {90, 100, 100, 110, 100, 100, 50, 50, 120};
  static final float FONT_SIZE = 8;
  static final float ROW_HEIGHT = 20;

  private SamplePdf() {}

  /** A TrueType-outline font with Chinese glyphs under /usr/share/fonts, or null. */
  static File cjkFont() {
    Path root = Path.of("/usr/share/fonts");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.toString().matches(".*\\.(ttf|ttc)$")).sorted()
          .toList()) {
        if (hasChinese(p.toFile())) {
          return p.toFile();
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }

  private static boolean hasChinese(File file) {
    try {
      TrueTypeFont ttf = first(file);
      boolean cff = ttf instanceof OpenTypeFont otf && otf.isPostScript();
      return !cff && ttf.getUnicodeCmapLookup().getGlyphId('绩') > 0;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static TrueTypeFont first(File file) throws IOException {
    if (file.getName().endsWith(".ttc")) {
      List<TrueTypeFont> fonts = new ArrayList<>();
      TrueTypeCollection ttc = new TrueTypeCollection(file);
      ttc.processAllFonts(fonts::add);
      return fonts.get(0);
    }
    return new org.apache.fontbox.ttf.TTFParser().parse(
        new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file));
  }

  static byte[] textPdf(File fontFile) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDType0Font font = PDType0Font.load(doc, first(fontFile), true);
      PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(),
          PDRectangle.A4.getWidth()));
      doc.addPage(page);
      float top = page.getMediaBox().getHeight() - 40;
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        text(cs, font, 11, 10, top, SampleForm.INTRO);
        text(cs, font, 11, 10, top - 20, SampleForm.TITLE);
        List<SampleForm.Slot[]> grid = SampleForm.grid();
        float y = top - 50;
        for (int r = 0; r < grid.size(); r++) {
          float x = 10;
          for (int c = 0; c < SampleForm.WIDTH; c++) {
            SampleForm.Slot slot = grid.get(r)[c];
            if (slot.anchor() && !slot.span().text().isEmpty()) {
              text(cs, font, FONT_SIZE, x + 3, y, slot.span().text());
            }
            x += WIDTHS[c];
          }
          y -= ROW_HEIGHT;
        }
        text(cs, font, 11, 10, y - 10, SampleForm.SIGNER);
        text(cs, font, 9, 400, 20, "第 1 页");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static void text(PDPageContentStream cs, PDType0Font font, float size, float x,
      float y, String s) throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(s);
    cs.endText();
  }

  /** The text PDF printed and scanned: its page as a 300 dpi grey image, no text layer. */
  static byte[] scannedPdf(byte[] textPdf) throws IOException {
    try (PDDocument source = org.apache.pdfbox.Loader.loadPDF(textPdf);
        PDDocument scan = new PDDocument()) {
      BufferedImage image = new PDFRenderer(source).renderImageWithDPI(0, 300, ImageType.GRAY);
      PDPage page = new PDPage(source.getPage(0).getMediaBox());
      scan.addPage(page);
      PDImageXObject xobject = LosslessFactory.createFromImage(scan, image);
      try (PDPageContentStream cs = new PDPageContentStream(scan, page)) {
        cs.drawImage(xobject, 0, 0, page.getMediaBox().getWidth(),
            page.getMediaBox().getHeight());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      scan.save(out);
      return out.toByteArray();
    }
  }
}
