package io.selfeval.extract.format;

import java.util.Locale;
import java.util.Set;

/** The formats a document is recognised as, by its content. */
public enum DocumentFormat {
  TEXT("text", Set.of("txt", "text", "csv", "tsv")),
  DOCX("docx", Set.of("docx", "docm", "dotx")),
  DOC("doc", Set.of("doc", "wps", "dot")),
  XLSX("xlsx", Set.of("xlsx", "xlsm", "xltx")),
  XLS("xls", Set.of("xls", "et", "xlt")),
  PDF("pdf", Set.of("pdf")),
  HTML("html", Set.of("html", "htm", "xhtml", "shtml")),
  ZIP("zip", Set.of("zip"));

  private final String label;
  private final Set<String> extensions;

  DocumentFormat(String label, Set<String> extensions) {
    this.label = label;
    this.extensions = extensions;
  }

  /** Short lower-case name, as written in outcomes and records. */
  public String label() {
    return label;
  }

  /** The format a file name's extension claims, or null when the extension says nothing. */
  public static DocumentFormat ofExtension(String file) {
    String name = file == null ? "" : file.substring(file.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return null;
    }
    String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
    for (DocumentFormat f : values()) {
      if (f.extensions.contains(ext)) {
        return f;
      }
    }
    return null;
  }
}
