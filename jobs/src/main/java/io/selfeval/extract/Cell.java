package io.selfeval.extract;

/**
 * One table cell: its text (trimmed lines joined without a separator, as a cell cut by line
 * breaks reads; null when empty), the first and last line it occupies, and its compact form for
 * matching labels (computed once: rows are matched against many labels).
 */
record Cell(String text, int line, int lastLine, String compact) {

  Cell(String text, int line, int lastLine) {
    this(text, line, lastLine, io.selfeval.extract.vocab.Vocabulary.fold(Texts.compact(text)));
  }
}
