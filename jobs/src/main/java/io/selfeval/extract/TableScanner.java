package io.selfeval.extract;

import io.selfeval.extract.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the tables of a report's text, as {@link io.selfeval.extract.layout.LayoutNormaliser}
 * leaves it (other layouts rewritten into these two; dropped lines null). Two layouts are read:
 *
 * <ul>
 *   <li>one row per line, cells separated by tabs (seed 001);
 *   <li>one cell per line: a cell starts on a line beginning with a tab, lines that do not begin
 *       with one continue it (even after blank lines), and blank lines separate rows (seeds 003,
 *       004).
 * </ul>
 *
 * <p>A table ends at a line that opens something else: an attachment marker (附件…), a title
 * (…自评表, …自评报告), a signature line (单位负责人签字…), or prose after a complete row; a
 * second form printed after the first one's 总分 without a title is a table of its own.
 */
final class TableScanner {

  private static final List<String> TERMINATOR_STARTS =
      List.of("附件", "单位负责人", "填表人", "说明:", "备注", "注:", "[bookmark");
  private static final List<String> TERMINATOR_ENDS = List.of("自评表", "数据表", "自评报告", "评价报告");
  /** Rows with this many cells look complete, so prose after them is not a continuation. */
  private static final int COMPLETE_ROW = 6;

  private final String[] lines;
  private final String[] compact;
  /** Where each line came from: a flattened form's rows share their source line. */
  private final io.selfeval.extract.layout.TableText source;

  /** The document's lines and their {@link Texts#compact} forms. */
  TableScanner(String[] lines, String[] compact) {
    this(lines, compact, null);
  }

  /** Lines of a {@link io.selfeval.extract.layout.TableText}, cells keeping their source lines. */
  TableScanner(String[] lines, String[] compact, io.selfeval.extract.layout.TableText source) {
    this.lines = lines;
    this.compact = compact;
    this.source = source;
  }

  /** The 1-based source line of cell {@code cell} of line {@code j} (0-based). */
  private int lineOf(int j, int cell) {
    return source == null ? j + 1 : source.lineOf(j, cell);
  }

  /** Every table of the document, in order. */
  List<TableBlock> scan() {
    List<TableBlock> blocks = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      if (lines[i] == null || lines[i].indexOf('\t') < 0) {
        i++;
        continue;
      }
      List<TableRow> rows = new ArrayList<>();
      int end = isTabRowLayout(i) ? readTabRows(i, rows) : readCellLines(i, rows);
      rows.removeIf(TableRow::isEmpty);
      if (!rows.isEmpty()) {
        int titleAt = findTitle(i);
        int next = nextFormStart(rows);
        blocks.add(new TableBlock(titleAt < 0 ? null : Texts.clean(lines[titleAt]),
            titleAt < 0 ? rows.get(0).line() : lineOf(titleAt, 0),
            List.copyOf(rows.subList(0, next)), end >= lines.length && next == rows.size()));
        if (next < rows.size()) {
          blocks.add(new TableBlock(null, rows.get(next).line(),
              List.copyOf(rows.subList(next, rows.size())), end >= lines.length));
        }
      }
      i = Math.max(end, i + 1);
    }
    return blocks;
  }

  /**
   * Where a second form starts in the rows without a title of its own: the first row after a
   * 总分 row that opens with a project-name label ({@code project_labels}) and a value, as
   * a document that prints one form after another gives it; the rows' size when none does.
   */
  private static int nextFormStart(List<TableRow> rows) {
    boolean totalSeen = false;
    for (int r = 0; r < rows.size(); r++) {
      TableRow row = rows.get(r);
      if (totalSeen && row.size() >= 2 && row.text(0) != null && row.text(1) != null
          && Vocabulary.isExactLabel("project_labels", row.cells().get(0).compact())) {
        return r;
      }
      totalSeen |= TotalReader.isTotalRow(row);
    }
    return rows.size();
  }

  /** Most tab lines ahead hold two or more tabs, or text before a tab: whole rows on a line. */
  private boolean isTabRowLayout(int from) {
    int tabLines = 0;
    int wide = 0;
    for (int j = from; j < lines.length && j < from + 40; j++) {
      String l = lines[j];
      if (l == null) {
        continue;
      }
      if (l.indexOf('\t') < 0) {
        if (Texts.clean(l) != null && isTerminator(j)) {
          break;
        }
        continue;
      }
      tabLines++;
      long tabs = l.chars().filter(c -> c == '\t').count();
      if (tabs >= 2 || tabs == 1 && !l.startsWith("\t") && Texts.clean(l) != null) {
        wide++;
      }
    }
    return wide * 2 > tabLines;
  }

  private int readTabRows(int from, List<TableRow> rows) {
    int j = from;
    while (j < lines.length) {
      String l = lines[j];
      if (l == null) {
        j++;
        continue;
      }
      if (l.indexOf('\t') >= 0) {
        List<Cell> cells = new ArrayList<>();
        String[] parts = l.split("\t", -1);
        for (int k = 0; k < parts.length; k++) {
          int line = lineOf(j, k);
          cells.add(new Cell(Texts.clean(parts[k]), line, line));
        }
        rows.add(new TableRow(cells));
      } else if (Texts.clean(l) != null) {
        break;
      }
      j++;
    }
    return j;
  }

  private int readCellLines(int from, List<TableRow> rows) {
    List<Cell> row = new ArrayList<>();
    StringBuilder text = null;
    int cellLine = 0;
    int cellLast = 0;
    boolean rowBreak = false;
    int j = from;
    for (; j < lines.length; j++) {
      String l = lines[j];
      if (l == null) {
        continue; // a line the layout drops (a page footer): neither text nor a row break
      }
      if (l.startsWith("\t")) {
        if (text != null) {
          row.add(new Cell(Texts.clean(text.toString()), cellLine, cellLast));
        }
        if (rowBreak && !row.isEmpty()) {
          rows.add(new TableRow(row));
          row = new ArrayList<>();
        }
        rowBreak = false;
        text = new StringBuilder(joinable(l.substring(1)));
        cellLine = lineOf(j, 0);
        cellLast = cellLine;
      } else if (l.isEmpty() || l.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r')) {
        rowBreak = true;
      } else if (Texts.clean(l) == null) {
        continue; // a line of ideographic spaces pads a cell; it neither adds text nor ends a row
      } else {
        int cellsSoFar = row.size() + (text == null ? 0 : 1);
        if (text == null || isTerminator(j) || (rowBreak && cellsSoFar >= COMPLETE_ROW)) {
          break;
        }
        text.append(joinable(l));
        cellLast = lineOf(j, 0);
        rowBreak = false;
      }
    }
    if (text != null) {
      row.add(new Cell(Texts.clean(text.toString()), cellLine, cellLast));
    }
    if (!row.isEmpty()) {
      rows.add(new TableRow(row));
    }
    return j;
  }

  /** A line's part of a cell: trimmed, so a word cut by a line break joins up again. */
  private static String joinable(String line) {
    String c = Texts.clean(line);
    return c == null ? "" : c;
  }

  private boolean isTerminator(int j) {
    String c = compact[j];
    return TERMINATOR_STARTS.stream().anyMatch(c::startsWith)
        || TERMINATOR_ENDS.stream().anyMatch(c::endsWith);
  }

  /** The title above a table: the nearest of the three non-blank lines before it ending 表/报告. */
  private int findTitle(int tableStart) {
    int seen = 0;
    for (int j = tableStart - 1; j >= 0 && seen < 3; j--) {
      String c = compact[j];
      if (c.isEmpty()) {
        continue;
      }
      if (lines[j].indexOf('\t') >= 0) {
        return -1;
      }
      seen++;
      if ((c.endsWith("报告") || io.selfeval.extract.layout.LayoutNormaliser.TITLE.matcher(c)
          .matches()) && !c.startsWith("附件")) {
        return j;
      }
    }
    return -1;
  }
}
