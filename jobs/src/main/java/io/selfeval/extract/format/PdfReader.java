package io.selfeval.extract.format;

import io.selfeval.extract.RejectedDocumentException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF with Apache PDFBox 3: each page's glyphs with their positions grouped into lines and
 * cells ({@link PdfLayout}), page numbers and the headers and footers repeated on most pages
 * removed, at {@code page 3 line 12}. A page with images and no text is a scan: it goes through
 * Tesseract ({@link Ocr}) when installed; a document of such pages without it is rejected.
 */
final class PdfReader {

  /** Pages read; a longer PDF is read up to here, with a warning. */
  static final int MAX_PAGES = 500;
  /** Pages sent to OCR (a minute or so each on one core). */
  static final int MAX_OCR_PAGES = 50;
  static final int OCR_DPI = 300;

  private PdfReader() {}

  static DocumentText read(byte[] bytes) throws RejectedDocumentException {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      return read(doc);
    } catch (InvalidPasswordException e) {
      throw new RejectedDocumentException("encrypted PDF (a password is needed to open it)");
    } catch (IOException | RuntimeException e) {
      throw new RejectedDocumentException("corrupt PDF: " + e.getMessage());
    }
  }

  private static DocumentText read(PDDocument doc) throws IOException, RejectedDocumentException {
    TableLines out = new TableLines();
    int pages = Math.min(doc.getNumberOfPages(), MAX_PAGES);
    if (doc.getNumberOfPages() > MAX_PAGES) {
      out.warn("PDF_TRUNCATED", "the PDF has " + doc.getNumberOfPages() + " pages; only the "
          + "first " + MAX_PAGES + " were read");
    }
    GlyphCollector collector = new GlyphCollector();
    collector.setStartPage(1);
    collector.setEndPage(pages);
    collector.getText(doc);
    List<List<PdfLayout.Line>> pageLines = new ArrayList<>();
    int scanned = 0;
    int ocred = 0;
    int unreadable = 0;
    for (int p = 0; p < pages; p++) {
      List<PdfLayout.Box> boxes = p < collector.pages.size() ? collector.pages.get(p) : List.of();
      List<Rulings.Rule> rules = null;
      if (boxes.isEmpty() && hasImages(doc.getPage(p))) {
        scanned++;
        if (Ocr.available() && ocred < MAX_OCR_PAGES) {
          ocred++;
          BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(p, OCR_DPI,
              ImageType.GRAY);
          // a scan's table borders are in its image: found there, its cells read one by one
          ScanReader.Page scan = ScanReader.read(image, OCR_DPI);
          boxes = scan.boxes();
          rules = scan.rules();
          unreadable += scan.unreadable();
        }
      }
      // the table borders cut the cells: drawn on a text page, found in a scanned one's image
      pageLines.add(RuledTable.lines(boxes, rules != null ? rules : Rulings.of(doc.getPage(p))));
    }
    if (scanned > 0 && ocred == 0 && scanned == pages) {
      throw new RejectedDocumentException(Ocr.available()
          ? "image-only PDF: OCR found no text" : "image-only PDF: OCR not installed");
    }
    if (scanned > ocred) {
      out.warn("PAGES_NOT_READ", (scanned - ocred) + " image-only page(s) were not read ("
          + (Ocr.available() ? "beyond " + MAX_OCR_PAGES + " OCR pages" : "OCR not installed")
          + ")");
    }
    if (ocred > 0) {
      out.warn("OCR", ocred + " scanned page(s) read by OCR (Tesseract): figures may be "
          + "misread");
    }
    if (unreadable > 0) {
      out.warn("OCR_UNREADABLE", unreadable + " scanned cell(s) left empty: a comparator or "
          + "sign OCR could not read with confidence");
    }
    joinRowsSplitByPages(pageLines);
    Map<String, Integer> repeated = repeatedEdges(pageLines);
    List<String> kept = new ArrayList<>();
    List<String> keptAt = new ArrayList<>();
    for (int p = 0; p < pageLines.size(); p++) {
      List<PdfLayout.Line> lines = pageLines.get(p);
      for (int i = 0; i < lines.size(); i++) {
        String text = lines.get(i).text();
        // a ruled table row is never page furniture: a unit's forms repeat their rows' words
        boolean edge = (i < 2 || i >= lines.size() - 2) && !lines.get(i).ruled;
        if (edge && (PageNumbers.isPageNumber(text)
            || repeated.getOrDefault(key(text), 0) * 2 > pageLines.size())) {
          continue;
        }
        kept.add(text);
        keptAt.add("page " + (p + 1) + " line " + (i + 1));
      }
    }
    for (int i = 0; i < kept.size(); i++) {
      String text = kept.get(i);
      // a row with one filled cell between two table rows is a row, not prose
      boolean inTable = i > 0 && i + 1 < kept.size() && kept.get(i - 1).indexOf('\t') >= 0
          && kept.get(i + 1).indexOf('\t') >= 0;
      out.line(inTable && text.indexOf('\t') < 0 ? text + "\t" : text, keptAt.get(i));
    }
    if (out.isEmpty()) {
      throw new RejectedDocumentException("PDF with no text (no text layer, no readable page)");
    }
    return out.build(ocred > 0 ? "pdf (ocr)" : DocumentFormat.PDF.label(), null);
  }

  /**
   * A table row a page break cut in two (Word and LibreOffice let rows break across pages): the
   * first ruled row of a page joins the last of the page before when it has as many cells, each
   * filled one under a filled one, and at most half as many filled (the tails of wrapped
   * cells; a row of its own has its figures).
   */
  private static void joinRowsSplitByPages(List<List<PdfLayout.Line>> pages) {
    for (int p = 1; p < pages.size(); p++) {
      List<PdfLayout.Line> before = pages.get(p - 1);
      List<PdfLayout.Line> page = pages.get(p);
      int last = before.size() - 1;
      while (last >= 0 && PageNumbers.isPageNumber(before.get(last).text())) {
        last--;
      }
      int first = 0;
      while (first < page.size() && PageNumbers.isPageNumber(page.get(first).text())) {
        first++;
      }
      if (last < 0 || first >= page.size() || !before.get(last).ruled
          || !page.get(first).ruled) {
        continue;
      }
      PdfLayout.Line top = before.get(last);
      PdfLayout.Line tail = page.get(first);
      if (top.cells.size() != tail.cells.size() || tail.filled() == 0
          || 2 * tail.filled() > top.filled()) {
        continue;
      }
      boolean under = true;
      for (int c = 0; c < tail.cells.size(); c++) {
        under &= tail.cells.get(c).text.toString().isBlank()
            || !top.cells.get(c).text.toString().isBlank();
      }
      if (under) {
        for (int c = 0; c < tail.cells.size(); c++) {
          top.cells.get(c).text.append(tail.cells.get(c).text.toString().strip());
        }
        page.remove(first);
      }
    }
  }

  /** How many pages start or end with each line (digits ignored), for pages of two or more. */
  private static Map<String, Integer> repeatedEdges(List<List<PdfLayout.Line>> pages) {
    Map<String, Integer> count = new HashMap<>();
    if (pages.size() < 2) {
      return count;
    }
    for (List<PdfLayout.Line> lines : pages) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i < lines.size(); i++) {
        if ((i < 2 || i >= lines.size() - 2) && !lines.get(i).ruled) {
          seen.add(key(lines.get(i).text()));
        }
      }
      seen.forEach(k -> count.merge(k, 1, Integer::sum));
    }
    return count;
  }

  private static String key(String text) {
    return text.replaceAll("\\d+", "#").replaceAll("\\s+", "");
  }

  private static boolean hasImages(PDPage page) throws IOException {
    PDResources resources = page.getResources();
    if (resources == null) {
      return false;
    }
    for (COSName name : resources.getXObjectNames()) {
      if (resources.isImageXObject(name)) {
        return true;
      }
    }
    return false;
  }

  /** Collects every glyph with its position, page by page, instead of writing text. */
  private static final class GlyphCollector extends PDFTextStripper {
    final List<List<PdfLayout.Box>> pages = new ArrayList<>();
    private List<PdfLayout.Box> page;

    @Override
    protected void startPage(PDPage p) {
      page = new ArrayList<>();
      pages.add(page);
    }

    @Override
    protected void processTextPosition(TextPosition t) {
      String unicode = t.getUnicode();
      if (page == null || unicode == null || unicode.isBlank()) {
        return;
      }
      float height = Math.max(t.getHeightDir(), t.getFontSizeInPt() * 0.7f);
      page.add(new PdfLayout.Box(unicode, t.getXDirAdj(), t.getYDirAdj() - height,
          t.getWidthDirAdj(), height));
    }
  }
}
