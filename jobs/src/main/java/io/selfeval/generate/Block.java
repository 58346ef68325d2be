package io.selfeval.generate;

import java.util.List;

/**
 * One block of a generated document, for the office writers: a paragraph ({@code rows} null)
 * or a form's table with its title and the role of each row.
 */
record Block(String text, List<String[]> rows, List<LayoutPrinter.Role> roles) {

  static Block paragraph(String text) {
    return new Block(text, null, null);
  }

  boolean isTable() {
    return rows != null;
  }
}
