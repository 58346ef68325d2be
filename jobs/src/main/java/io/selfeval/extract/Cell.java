package io.selfeval.extract;

/**
 * One table cell: its text (trimmed lines joined without a separator, as a cell cut by line
 * breaks reads; null when empty) and the first and last line it occupies.
 */
record Cell(String text, int line, int lastLine) {

  String compact() {
    return Texts.compact(text);
  }
}
