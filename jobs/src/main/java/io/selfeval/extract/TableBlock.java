package io.selfeval.extract;

import java.util.List;

/**
 * A run of table rows with the title printed above it.
 *
 * @param title the title line's text (e.g. "2024年度项目支出绩效自评表"), or null
 * @param titleLine its line, or the first row's line when there is no title
 * @param rows the rows in printed order
 * @param truncated true when the document ended inside the table
 */
record TableBlock(String title, int titleLine, List<TableRow> rows, boolean truncated) {

  int firstLine() {
    return rows.get(0).line();
  }

  int lastLine() {
    return rows.get(rows.size() - 1).lastLine();
  }

  String compactTitle() {
    return io.selfeval.extract.vocab.Vocabulary.fold(Texts.compact(title));
  }
}
