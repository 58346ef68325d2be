package io.selfeval.extract.format;

import io.selfeval.extract.RejectedDocumentException;
import io.selfeval.extract.TextDecoder;
import io.selfeval.model.Warning;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a document of any supported format into {@link DocumentText}: the format is detected
 * from the content, and each format's reader writes the lines the text reader reads. Archives
 * hold several documents and are read by {@link ZipReader} instead.
 */
public final class Formats {

  private Formats() {}

  /** The document's lines, or why it cannot be read. */
  public static DocumentText read(byte[] bytes, String file) throws RejectedDocumentException {
    if (bytes.length == 0) {
      throw new RejectedDocumentException("empty file (0 bytes)");
    }
    Detector.Detection d = Detector.detect(bytes, file);
    DocumentText text = switch (d.format()) {
      case TEXT -> text(bytes);
      case DOCX -> DocxReader.read(bytes);
      case DOC -> DocReader.read(bytes);
      case XLSX, XLS -> SheetReader.read(bytes, d.format());
      case PDF -> PdfReader.read(bytes);
      case HTML -> HtmlReader.read(bytes);
      case ZIP -> throw new RejectedDocumentException(
          "zip archive: its entries are read as documents of their own");
    };
    if (d.warning() == null) {
      return text;
    }
    List<Warning> warnings = new ArrayList<>();
    warnings.add(d.warning());
    warnings.addAll(text.warnings());
    return new DocumentText(text.text(), text.locations(), text.format(), text.encoding(),
        List.copyOf(warnings));
  }

  /** True when the bytes are a zip archive of documents (not an Office file). */
  public static boolean isArchive(byte[] bytes) {
    try {
      return Detector.byContent(bytes) == DocumentFormat.ZIP;
    } catch (RejectedDocumentException e) {
      return false;
    }
  }

  private static DocumentText text(byte[] bytes) throws RejectedDocumentException {
    TextDecoder.Decoded d = TextDecoder.decode(bytes);
    return new DocumentText(d.text(), null, DocumentFormat.TEXT.label(), d.encoding(),
        d.warnings());
  }
}
