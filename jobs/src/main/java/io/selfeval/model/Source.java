package io.selfeval.model;

import java.util.List;

/**
 * Provenance of a record: file relative to the input root (an archive entry as
 * {@code archive.zip!/path/in/zip.docx}), its content hash, form and lines.
 *
 * @param format what the document was read as: text, docx, doc, xlsx, xls, pdf, html (null in
 *     records of schema 1.0)
 * @param locations for a document that is not text, where each line a value of the record
 *     cites stands in the original; null for a text file, whose lines are their own location
 */
public record Source(String file, String sha256, int formIndex, int lineStart, int lineEnd,
    String encoding, String format, List<LineLocation> locations) {

  /** A source read from a text file. */
  public Source(String file, String sha256, int formIndex, int lineStart, int lineEnd,
      String encoding) {
    this(file, sha256, formIndex, lineStart, lineEnd, encoding, "text", null);
  }
}
