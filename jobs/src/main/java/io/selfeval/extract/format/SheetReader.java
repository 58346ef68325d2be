package io.selfeval.extract.format;

import io.selfeval.extract.RejectedDocumentException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Reads .xlsx/.xlsm and .xls/.et workbooks with Apache POI: every sheet, each row a line at
 * {@code Sheet!B7:J7} (the columns the sheet uses). Numbers are written as stored, not as
 * displayed: a 0.975 with a percentage format is 97.5%, never a rounded 98%. Formulas give
 * their cached value; nothing is evaluated and no macro runs. Merged regions show their text
 * in their top-left cell. Hidden sheets and rows are read, and a warning names them.
 */
final class SheetReader {

  /** Rows read per sheet; the rest is skipped with a warning (a form has a few dozen). */
  static final int MAX_ROWS = 20_000;
  /** Columns read per row. */
  static final int MAX_COLUMNS = 64;

  private final TableLines out = new TableLines();
  private final DataFormatter dates = new DataFormatter();

  private SheetReader() {}

  static DocumentText read(byte[] bytes, DocumentFormat format)
      throws RejectedDocumentException {
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
      SheetReader reader = new SheetReader();
      for (int s = 0; s < wb.getNumberOfSheets(); s++) {
        Sheet sheet = wb.getSheetAt(s);
        if (wb.isSheetHidden(s) || wb.isSheetVeryHidden(s)) {
          reader.out.warn("HIDDEN_SHEET", "sheet " + sheet.getSheetName()
              + " is hidden; it was read like the others");
        }
        reader.sheet(sheet);
      }
      if (reader.out.isEmpty()) {
        throw new RejectedDocumentException("workbook (." + format.label() + ") with no text");
      }
      return reader.out.build(format.label(), null);
    } catch (EncryptedDocumentException e) {
      throw new RejectedDocumentException("encrypted workbook (." + format.label()
          + "): not read");
    } catch (IOException | RuntimeException e) {
      throw new RejectedDocumentException("corrupt workbook (." + format.label() + "): "
          + e.getMessage());
    }
  }

  private void sheet(Sheet sheet) {
    String name = sheet.getSheetName();
    int first = Math.max(0, sheet.getFirstRowNum());
    int last = Math.min(sheet.getLastRowNum(), first + MAX_ROWS - 1);
    Set<Long> covered = covered(sheet.getMergedRegions(), last);
    if (sheet.getLastRowNum() > last) {
      out.warn("SHEET_TRUNCATED", "sheet " + name + " has " + (sheet.getLastRowNum() + 1)
          + " rows; only the first " + MAX_ROWS + " were read");
    }
    List<String[]> grid = new ArrayList<>();
    List<Integer> rowNumbers = new ArrayList<>();
    List<Integer> hidden = new ArrayList<>();
    int leftmost = Integer.MAX_VALUE;
    for (int r = first; r <= last; r++) {
      Row row = sheet.getRow(r);
      int width = row == null ? 0 : Math.min(MAX_COLUMNS, Math.max(0, row.getLastCellNum()));
      String[] cells = new String[width];
      for (int c = 0; c < width; c++) {
        cells[c] = covered.contains(key(r, c)) ? "" : text(row.getCell(c));
        if (!cells[c].isBlank()) {
          leftmost = Math.min(leftmost, c);
        }
      }
      if (row != null && row.getZeroHeight()) {
        hidden.add(r + 1);
      }
      grid.add(cells);
      rowNumbers.add(r);
    }
    if (!hidden.isEmpty()) {
      out.warn("HIDDEN_ROWS", "sheet " + name + ": hidden rows " + hidden
          + " were read like the others");
    }
    if (leftmost == Integer.MAX_VALUE) {
      return;
    }
    // a form set in from column A: the empty columns to its left are not cells of it
    int shift = leftmost;
    int width = grid.stream().mapToInt(row -> row.length).max().orElse(shift + 1);
    List<String[]> shifted = new ArrayList<>(grid.size());
    List<String> locations = new ArrayList<>(grid.size());
    for (int i = 0; i < grid.size(); i++) {
      String[] row = grid.get(i);
      String[] s = new String[Math.max(0, row.length - shift)];
      System.arraycopy(row, Math.min(shift, row.length), s, 0, s.length);
      shifted.add(s);
      int r = rowNumbers.get(i);
      locations.add(name + "!" + new CellReference(r, shift).formatAsString(false) + ":"
          + new CellReference(r, Math.max(shift, width - 1)).formatAsString(false));
    }
    out.table(shifted, locations);
  }

  /** The cells a merged region covers but does not show its text in (all but its top-left). */
  private static Set<Long> covered(List<CellRangeAddress> merged, int lastRow) {
    Set<Long> out = new HashSet<>();
    for (CellRangeAddress m : merged) {
      for (int r = m.getFirstRow(); r <= Math.min(m.getLastRow(), lastRow); r++) {
        for (int c = m.getFirstColumn(); c <= Math.min(m.getLastColumn(), MAX_COLUMNS); c++) {
          if (r != m.getFirstRow() || c != m.getFirstColumn()) {
            out.add(key(r, c));
          }
        }
      }
    }
    return out;
  }

  private static long key(int row, int column) {
    return ((long) row << 20) | column;
  }

  private String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    CellType type = cell.getCellType();
    if (type == CellType.FORMULA) {
      type = cell.getCachedFormulaResultType();
    }
    return switch (type) {
      case STRING -> cell.getRichStringCellValue().getString();
      case NUMERIC -> number(cell);
      case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
      default -> "";
    };
  }

  /** The stored number, in percent when the cell's format shows it as one. */
  private String number(Cell cell) {
    if (DateUtil.isCellDateFormatted(cell)) {
      return dates.formatCellValue(cell);
    }
    double value = cell.getNumericCellValue();
    String stored = NumberToTextConverter.toText(value);
    String format = cell.getCellStyle().getDataFormatString();
    if (format != null && format.replaceAll("\"[^\"]*\"|\\\\.", "").contains("%")) {
      return new BigDecimal(stored).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
    return stored;
  }
}
