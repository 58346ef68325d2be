package io.selfeval.extract.format;

import io.selfeval.extract.RejectedDocumentException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Reads a .docx with Apache POI (XWPF): paragraphs as prose, tables resolved to their grid
 * (gridSpan, vMerge, gridBefore), tables nested in a cell after the row that holds them, and the
 * page headers and footers at the end (they may name the unit or the year). Document properties
 * (author, last modified by) and comments are never read.
 */
final class DocxReader {

  private final TableLines out = new TableLines();
  private int tables;

  private DocxReader() {}

  static DocumentText read(byte[] bytes) throws RejectedDocumentException {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      DocxReader reader = new DocxReader();
      reader.body(doc.getBodyElements(), "");
      reader.headersAndFooters(doc);
      if (reader.out.isEmpty()) {
        throw new RejectedDocumentException("Word document (.docx) with no text");
      }
      return reader.out.build(DocumentFormat.DOCX.label(), null);
    } catch (EncryptedDocumentException e) {
      throw new RejectedDocumentException("encrypted Word document (.docx): not read");
    } catch (IOException | RuntimeException e) {
      throw new RejectedDocumentException("corrupt Word document (.docx): " + e.getMessage());
    }
  }

  private void body(List<IBodyElement> elements, String where) {
    int paragraph = 0;
    for (IBodyElement e : elements) {
      if (e instanceof XWPFParagraph p) {
        paragraph++;
        String text = p.getText();
        if (text == null || text.isBlank()) {
          out.blank();
        } else {
          out.prose(text, where + "paragraph " + paragraph);
        }
      } else if (e instanceof XWPFTable t) {
        table(t, where);
      } else if (e instanceof XWPFSDT sdt) {
        out.prose(sdt.getContent().getText(), where + "content control");
      }
    }
  }

  private void table(XWPFTable table, String where) {
    int number = ++tables;
    String name = where + "table " + number;
    List<String[]> grid = new ArrayList<>();
    List<String> locations = new ArrayList<>();
    List<List<XWPFTable>> nested = new ArrayList<>();
    for (XWPFTableRow row : table.getRows()) {
      List<String> cells = new ArrayList<>();
      List<XWPFTable> inner = new ArrayList<>();
      CTTrPr trPr = row.getCtRow().getTrPr();
      int before = trPr == null ? 0 : sum(trPr.getGridBeforeList());
      for (int i = 0; i < before; i++) {
        cells.add("");
      }
      for (XWPFTableCell cell : row.getTableCells()) {
        CTTcPr tcPr = cell.getCTTc().getTcPr();
        int span = tcPr != null && tcPr.isSetGridSpan()
            ? Math.max(1, tcPr.getGridSpan().getVal().intValue()) : 1;
        boolean continues = tcPr != null && tcPr.isSetVMerge()
            && tcPr.getVMerge().getVal() != STMerge.RESTART;
        String text = continues ? "" : cellText(cell);
        cells.add(text);
        for (int i = 1; i < span; i++) {
          cells.add("");
        }
        inner.addAll(cell.getTables());
      }
      grid.add(cells.toArray(new String[0]));
      locations.add(name + " row " + grid.size());
      nested.add(inner);
    }
    // rows are written one by one so the tables nested in a row follow it
    List<String[]> pending = new ArrayList<>();
    List<String> pendingAt = new ArrayList<>();
    for (int r = 0; r < grid.size(); r++) {
      pending.add(grid.get(r));
      pendingAt.add(locations.get(r));
      if (!nested.get(r).isEmpty()) {
        out.table(pending, pendingAt);
        pending = new ArrayList<>();
        pendingAt = new ArrayList<>();
        for (XWPFTable t : nested.get(r)) {
          table(t, name + " row " + (r + 1) + " > ");
        }
      }
    }
    if (!pending.isEmpty()) {
      out.table(pending, pendingAt);
    }
  }

  /** A cell's paragraphs joined (nested tables are read on their own). */
  private static String cellText(XWPFTableCell cell) {
    StringBuilder s = new StringBuilder();
    for (XWPFParagraph p : cell.getParagraphs()) {
      s.append(p.getText()).append('\n');
    }
    return s.toString();
  }

  private static int sum(List<CTDecimalNumber> numbers) {
    int n = 0;
    for (CTDecimalNumber d : numbers) {
      n += d.getVal() == null ? 0 : d.getVal().intValue();
    }
    return n;
  }

  /** Distinct header and footer paragraphs, page numbers left out. */
  private void headersAndFooters(XWPFDocument doc) {
    Set<String> texts = new LinkedHashSet<>();
    for (XWPFHeader h : doc.getHeaderList()) {
      texts.add(h.getText());
    }
    for (XWPFFooter f : doc.getFooterList()) {
      texts.add(f.getText());
    }
    boolean first = true;
    for (String t : texts) {
      for (String line : t.split("\n")) {
        if (line.isBlank() || PageNumbers.isPageNumber(line)) {
          continue;
        }
        if (first) {
          out.blank();
          first = false;
        }
        out.prose(line, "header/footer");
      }
    }
  }
}
