package io.selfeval.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.nodes.Entities;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Writes a generated document as the office files units publish: a Word document (.docx) with
 * the prose as paragraphs and each form as a table with merged cells ({@link Merges}); a
 * workbook (.xlsx, or .xls through HSSF) with the prose on a first sheet and each form on a
 * sheet of its own, its title merged across, numbers stored as numbers (rates as fractions with
 * a % format); an HTML page with rowspan and colspan, a navigation bar and a script to ignore.
 */
final class OfficeForms {

  /** Columns of a form's table. */
  static final int COLUMNS = 9;

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern PERCENT = Pattern.compile("\\d+(\\.\\d+)?%");

  private OfficeForms() {}

  /** The bytes of the document in {@code format}: docx, xlsx, xls or html. */
  static byte[] write(String format, List<Block> blocks) {
    try {
      return switch (format) {
        case "docx" -> docx(blocks);
        case "xlsx" -> sheets(blocks, new XSSFWorkbook());
        case "xls" -> sheets(blocks, new HSSFWorkbook());
        case "html" -> html(blocks).getBytes(StandardCharsets.UTF_8);
        default -> throw new IllegalArgumentException("no office format " + format);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] docx(List<Block> blocks) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      for (Block b : blocks) {
        if (b.isTable()) {
          doc.createParagraph().createRun().setText(b.text());
          table(doc.createTable(), b);
        } else {
          doc.createParagraph().createRun().setText(b.text());
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    }
  }

  /** Column widths (twentieths of a point) of a form's table, as a 自评表 template sets them. */
  private static final int[] WIDTHS = {900, 1000, 1000, 1500, 1100, 1100, 700, 900, 1600};

  private static void table(XWPFTable table, Block b) {
    // the grid Word writes: without it other readers (LibreOffice) lay the spans out wrong
    CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid()
        : table.getCTTbl().getTblGrid();
    for (int w : WIDTHS) {
      grid.addNewGridCol().setW(BigInteger.valueOf(w));
    }
    List<Merges.Region> merges = Merges.of(b.rows(), b.roles());
    for (int r = 0; r < b.rows().size(); r++) {
      XWPFTableRow row = r == 0 ? table.getRow(0) : table.createRow();
      while (!row.getTableCells().isEmpty()) {
        row.removeCell(0);
      }
      String[] cells = b.rows().get(r);
      for (int c = 0; c < COLUMNS; c++) {
        Merges.Region covering = Merges.covering(merges, r, c);
        if (covering != null && covering.firstColumn() < c) {
          continue; // covered from the left: the cell to the left spans it
        }
        final Merges.Region g = covering != null ? covering : Merges.at(merges, r, c);
        XWPFTableCell cell = row.addNewTableCell();
        int width = 0;
        for (int k = c; k <= (g == null ? c : g.lastColumn()); k++) {
          width += WIDTHS[k];
        }
        cell.setWidth(String.valueOf(width));
        if (covering == null) {
          cell.getParagraphs().get(0).createRun().setText(c < cells.length ? cells[c] : "");
        }
        if (g != null) {
          CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr()
              : cell.getCTTc().addNewTcPr();
          int span = g.lastColumn() - g.firstColumn() + 1;
          if (span > 1) {
            pr.addNewGridSpan().setVal(BigInteger.valueOf(span));
          }
          if (g.lastRow() > g.firstRow()) {
            pr.addNewVMerge().setVal(covering == null ? STMerge.RESTART : STMerge.CONTINUE);
          }
        }
      }
    }
  }

  static byte[] sheets(List<Block> blocks, Workbook wb) throws IOException {
    try (wb) {
      CellStyle money = wb.createCellStyle();
      money.setDataFormat(wb.createDataFormat().getFormat("0.00"));
      CellStyle percent = wb.createCellStyle();
      percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
      Sheet sheet = wb.createSheet("报告");
      int r = 0;
      int forms = 0;
      for (Block b : blocks) {
        if (!b.isTable()) {
          Row row = sheet.createRow(r++);
          if (!b.text().isEmpty()) {
            row.createCell(0).setCellValue(b.text());
          }
          continue;
        }
        sheet = wb.createSheet("附件" + (++forms));
        sheet.createRow(0).createCell(0).setCellValue(b.text());
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS - 1));
        for (int i = 0; i < b.rows().size(); i++) {
          Row row = sheet.createRow(i + 1);
          String[] cells = b.rows().get(i);
          for (int c = 0; c < cells.length; c++) {
            if (!cells[c].isEmpty()) {
              value(row.createCell(c), cells[c], money, percent);
            }
          }
        }
        for (Merges.Region g : Merges.of(b.rows(), b.roles())) {
          sheet.addMergedRegion(new CellRangeAddress(g.firstRow() + 1, g.lastRow() + 1,
              g.firstColumn(), g.lastColumn()));
        }
        r = b.rows().size() + 2; // the prose after a form follows it on its sheet
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  /** A number as a number (a rate as a fraction shown in %), any other text as text. */
  private static void value(Cell cell, String text, CellStyle money, CellStyle percent) {
    if (NUMBER.matcher(text).matches()) {
      cell.setCellValue(new BigDecimal(text).doubleValue());
      if (text.contains(".")) {
        cell.setCellStyle(money);
      }
    } else if (PERCENT.matcher(text).matches()) {
      cell.setCellValue(new BigDecimal(text.substring(0, text.length() - 1)).movePointLeft(2)
          .doubleValue());
      cell.setCellStyle(percent);
    } else {
      cell.setCellValue(text);
    }
  }

  static String html(List<Block> blocks) {
    StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        + "<title>绩效自评报告</title><script>var nav = '首页';</script></head>\n<body>"
        + "<nav><a href=\"/\">首页</a> &gt; <a href=\"/xxgk\">信息公开</a></nav>\n");
    for (Block b : blocks) {
      if (!b.isTable()) {
        s.append("<p>").append(Entities.escape(b.text())).append("</p>\n");
        continue;
      }
      s.append("<h3>").append(Entities.escape(b.text())).append("</h3>\n");
      s.append("<table border=\"1\" cellspacing=\"0\">\n");
      List<Merges.Region> merges = Merges.of(b.rows(), b.roles());
      for (int r = 0; r < b.rows().size(); r++) {
        String[] cells = b.rows().get(r);
        s.append("<tr>");
        for (int c = 0; c < COLUMNS; c++) {
          if (Merges.covering(merges, r, c) != null) {
            continue;
          }
          Merges.Region g = Merges.at(merges, r, c);
          s.append("<td");
          if (g != null && g.lastRow() > g.firstRow()) {
            s.append(" rowspan=\"").append(g.lastRow() - g.firstRow() + 1).append('"');
          }
          if (g != null && g.lastColumn() > g.firstColumn()) {
            s.append(" colspan=\"").append(g.lastColumn() - g.firstColumn() + 1).append('"');
          }
          s.append('>').append(Entities.escape(c < cells.length ? cells[c] : "")).append("</td>");
        }
        s.append("</tr>\n");
      }
      s.append("</table>\n");
    }
    return s.append("<div class=\"footer\">版权所有</div></body></html>\n").toString();
  }
}
