package io.selfeval.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.nodes.Entities;

/**
 * A text report saved as .docx, .xlsx and .html the way an office user pastes it: a paragraph
 * (or a one-cell row) per line, a table row per tabbed line.
 */
final class TextRenderings {

  private TextRenderings() {}

  /** A paragraph per line, a table row per tabbed line. */
  static byte[] docx(String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      XWPFTable table = null;
      for (String line : text.split("\r\n|\r|\n", -1)) {
        if (line.indexOf('\t') < 0) {
          table = null;
          doc.createParagraph().createRun().setText(line);
          continue;
        }
        String[] cells = line.split("\t", -1);
        XWPFTableRow row;
        if (table == null) {
          table = doc.createTable();
          row = table.getRow(0);
          row.removeCell(0);
        } else {
          row = table.createRow();
          while (!row.getTableCells().isEmpty()) {
            row.removeCell(0);
          }
        }
        for (String c : cells) {
          row.addNewTableCell().getParagraphs().get(0).createRun().setText(c);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    }
  }

  /** A row per line: the line in column A, or its cells; an empty row after a table. */
  static byte[] xlsx(String text) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("报告");
      int r = 0;
      boolean inTable = false;
      for (String line : text.split("\r\n|\r|\n", -1)) {
        boolean tabbed = line.indexOf('\t') >= 0;
        if (inTable && !tabbed && !line.isBlank()) {
          r++; // an empty row between a table and the prose after it, as a sheet lays them out
        }
        inTable = tabbed;
        Row row = sheet.createRow(r++);
        String[] cells = tabbed ? line.split("\t", -1) : new String[] {line};
        for (int c = 0; c < cells.length; c++) {
          if (!cells[c].isEmpty()) {
            row.createCell(c).setCellValue(cells[c]);
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  /** A paragraph per line, a table row per tabbed line, in a page with a nav bar. */
  static String html(String text) {
    StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        + "</head><body><nav><a href=\"/\">首页</a></nav>\n");
    boolean inTable = false;
    for (String line : text.split("\r\n|\r|\n", -1)) {
      boolean tabbed = line.indexOf('\t') >= 0;
      if (tabbed && !inTable) {
        s.append("<table>\n");
      } else if (!tabbed && inTable) {
        s.append("</table>\n");
      }
      inTable = tabbed;
      if (tabbed) {
        s.append("<tr>");
        for (String c : line.split("\t", -1)) {
          s.append("<td>").append(Entities.escape(c)).append("</td>");
        }
        s.append("</tr>\n");
      } else {
        s.append("<p>").append(Entities.escape(line)).append("</p>\n");
      }
    }
    return s.append(inTable ? "</table>" : "").append("</body></html>\n").toString();
  }
}
