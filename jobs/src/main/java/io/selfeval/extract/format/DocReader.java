package io.selfeval.extract.format;

import io.selfeval.extract.RejectedDocumentException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;

/**
 * Reads a Word 97-2003 .doc (and WPS .wps saved in that format) with Apache POI's HWPF:
 * paragraphs as prose, tables resolved to a grid built from the cells' edges, merged cells shown
 * once. Documents HWPF cannot open (Word 6/95, damaged files) are rejected with a reason naming
 * the format.
 */
final class DocReader {

  private final TableLines out = new TableLines();
  private int tables;

  private DocReader() {}

  static DocumentText read(byte[] bytes) throws RejectedDocumentException {
    try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes))) {
      DocReader reader = new DocReader();
      reader.range(doc.getRange());
      if (reader.out.isEmpty()) {
        throw new RejectedDocumentException("Word 97-2003 document (.doc) with no text");
      }
      return reader.out.build(DocumentFormat.DOC.label(), null);
    } catch (EncryptedDocumentException e) {
      throw new RejectedDocumentException("encrypted Word 97-2003 document (.doc): not read");
    } catch (IOException | RuntimeException e) {
      throw new RejectedDocumentException("Word 97-2003 (.doc/.wps) document that POI HWPF "
          + "cannot read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
          + "); save it as .docx");
    }
  }

  private void range(Range range) {
    int paragraphs = range.numParagraphs();
    for (int i = 0; i < paragraphs; i++) {
      Paragraph p = range.getParagraph(i);
      if (p.isInTable()) {
        Table t = range.getTable(p);
        table(t);
        i += Math.max(0, t.numParagraphs() - 1);
        continue;
      }
      String text = clean(p.text());
      if (text.isBlank()) {
        out.blank();
      } else {
        out.prose(text, "paragraph " + (i + 1));
      }
    }
  }

  private void table(Table table) {
    String name = "table " + (++tables);
    TreeSet<Integer> edges = new TreeSet<>();
    for (int r = 0; r < table.numRows(); r++) {
      TableRow row = table.getRow(r);
      for (int c = 0; c < row.numCells(); c++) {
        TableCell cell = row.getCell(c);
        edges.add(cell.getLeftEdge());
        edges.add(cell.getLeftEdge() + cell.getWidth());
      }
    }
    List<Integer> columns = new ArrayList<>(edges);
    List<String[]> grid = new ArrayList<>();
    List<String> locations = new ArrayList<>();
    for (int r = 0; r < table.numRows(); r++) {
      TableRow row = table.getRow(r);
      String[] cells = new String[Math.max(1, columns.size() - 1)];
      java.util.Arrays.fill(cells, "");
      for (int c = 0; c < row.numCells(); c++) {
        TableCell cell = row.getCell(c);
        int at = columns.indexOf(cell.getLeftEdge());
        boolean covered = (cell.isMerged() && !cell.isFirstMerged())
            || (cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged());
        if (at >= 0 && at < cells.length && !covered) {
          cells[at] = clean(cell.text());
        }
      }
      grid.add(cells);
      locations.add(name + " row " + (r + 1));
    }
    out.table(grid, locations);
  }

  /** Word's field and cell marks removed; paragraph marks become line breaks. */
  private static String clean(String s) {
    String t = s.replaceAll("\u0013[^\u0014\u0015]*\u0014", "")
        .replaceAll("\u0013[^\u0015]*\u0015", "");
    return t.replace('\r', '\n').replace('\u0007', ' ')
        .replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
  }
}
