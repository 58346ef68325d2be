package io.selfeval.extract.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** Renders {@link SampleForm} as Word and Excel files, as Office would store them. */
final class SampleWriters {

  private SampleWriters() {}

  /**
   * The form as a .docx: title and prose paragraphs, the table with gridSpan and vMerge, the
   * signer after it, and an author in the document properties that must never be read.
   */
  static byte[] docx() throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.getProperties().getCoreProperties().setCreator("李四");
      doc.createParagraph().createRun().setText(SampleForm.INTRO);
      doc.createParagraph().createRun().setText(SampleForm.TITLE);
      List<SampleForm.Slot[]> grid = SampleForm.grid();
      XWPFTable table = doc.createTable();
      for (int r = 0; r < grid.size(); r++) {
        XWPFTableRow row = r == 0 ? table.getRow(0) : table.createRow();
        while (row.getTableCells().size() > 0) {
          row.removeCell(0);
        }
        SampleForm.Slot[] slots = grid.get(r);
        for (int c = 0; c < slots.length; c += slots[c].span().cols()) {
          SampleForm.Slot slot = slots[c];
          XWPFTableCell cell = row.addNewTableCell();
          CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr()
              : cell.getCTTc().addNewTcPr();
          if (slot.span().cols() > 1) {
            pr.addNewGridSpan().setVal(BigInteger.valueOf(slot.span().cols()));
          }
          if (slot.span().rows() > 1) {
            // Word writes vMerge="restart" on the first cell and a bare vMerge below it
            if (slot.row() == r) {
              pr.addNewVMerge().setVal(STMerge.RESTART);
            } else {
              pr.addNewVMerge();
            }
          }
          String text = slot.row() == r ? slot.span().text() : "";
          cell.getParagraphs().get(0).createRun().setText(text);
        }
      }
      doc.createParagraph().createRun().setText(SampleForm.SIGNER);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    }
  }

  static byte[] xlsx() throws IOException {
    return workbook(new XSSFWorkbook());
  }

  static byte[] xls() throws IOException {
    return workbook(new HSSFWorkbook());
  }

  /**
   * The form on a sheet from column B (column A empty), its title merged across the first row;
   * numbers stored as numbers: the execution rate 0.975 with a percentage format, its score a
   * formula whose cached value is 9.75, the satisfaction actual 0.92 formatted 0%.
   */
  private static byte[] workbook(Workbook wb) throws IOException {
    try (wb) {
      final Sheet sheet = wb.createSheet("自评表");
      wb.createSheet("说明");
      wb.setSheetHidden(1, true);
      wb.getSheetAt(1).createRow(0).createCell(0).setCellValue("联系人：王五");
      CellStyle percent1 = wb.createCellStyle();
      percent1.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
      CellStyle percent0 = wb.createCellStyle();
      percent0.setDataFormat(wb.createDataFormat().getFormat("0%"));
      sheet.createRow(0).createCell(1).setCellValue(SampleForm.TITLE);
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 1, SampleForm.WIDTH));
      List<SampleForm.Slot[]> grid = SampleForm.grid();
      for (int r = 0; r < grid.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < SampleForm.WIDTH; c++) {
          SampleForm.Slot slot = grid.get(r)[c];
          if (!slot.anchor()) {
            continue;
          }
          SampleForm.Span span = slot.span();
          org.apache.poi.ss.usermodel.Cell cell = row.createCell(c + 1);
          String text = span.text();
          if (text.equals("97.5%")) {
            cell.setCellValue(0.975);
            cell.setCellStyle(percent1);
          } else if (text.equals("92%")) {
            cell.setCellValue(0.92);
            cell.setCellStyle(percent0);
          } else if (text.equals("9.75")) {
            cell.setCellFormula("G3*H3");
            cell.setCellValue(9.75);
          } else if (text.matches("\\d+(\\.\\d+)?")) {
            cell.setCellValue(Double.parseDouble(text));
          } else if (!text.isEmpty()) {
            cell.setCellValue(text);
          }
          if (span.cols() > 1 || span.rows() > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r + 1, r + span.rows(), c + 1,
                c + span.cols()));
          }
        }
      }
      Row signer = sheet.createRow(grid.size() + 2);
      signer.createCell(1).setCellValue(SampleForm.SIGNER);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }
}
