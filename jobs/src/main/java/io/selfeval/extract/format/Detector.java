package io.selfeval.extract.format;

import io.selfeval.extract.RejectedDocumentException;
import io.selfeval.model.Warning;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Tells a document's format from its content (magic bytes, then what the container holds), never
 * from its name: a name that claims another format is a warning. Content that is recognised but
 * not read (an image, a RAR archive, a PowerPoint file …) is rejected with what it is.
 */
public final class Detector {

  /** The format found and, when the file name claims another one, a warning saying so. */
  public record Detection(DocumentFormat format, Warning warning) {}

  private Detector() {}

  /** Detects {@code bytes}' format; {@code file} is only compared with it. */
  public static Detection detect(byte[] bytes, String file) throws RejectedDocumentException {
    DocumentFormat format = byContent(bytes);
    DocumentFormat claimed = DocumentFormat.ofExtension(file);
    Warning warning = null;
    if (claimed != null && claimed != format) {
      warning = new Warning("EXTENSION_MISMATCH", "the file name says " + claimed.label()
          + " but the content is " + format.label() + "; read as " + format.label(), null);
    }
    return new Detection(format, warning);
  }

  static DocumentFormat byContent(byte[] b) throws RejectedDocumentException {
    FileMagic magic = FileMagic.valueOf(b);
    switch (magic) {
      case OOXML:
        return zipKind(b);
      case OLE2:
        return ole2Kind(b);
      case PDF:
        return DocumentFormat.PDF;
      case PNG, JPEG, GIF, TIFF, BMP, WMF, EMF:
        throw new RejectedDocumentException("image file (" + magic + "), not a report: "
            + "scan it into a PDF");
      case RTF:
        throw new RejectedDocumentException("RTF document: not read; save it as .docx");
      default:
        break;
    }
    if (startsWith(b, 0, "PK\u0005\u0006")) {
      throw new RejectedDocumentException("empty zip archive");
    }
    if (indexOf(b, "%PDF-", 1024) >= 0) {
      return DocumentFormat.PDF;
    }
    String other = otherArchive(b);
    if (other != null) {
      throw new RejectedDocumentException(other);
    }
    return looksLikeHtml(b) ? DocumentFormat.HTML : DocumentFormat.TEXT;
  }

  /** Office Open XML packages are zips: their parts say which application wrote them. */
  private static DocumentFormat zipKind(byte[] b) throws RejectedDocumentException {
    boolean contentTypes = false;
    String kind = null;
    int seen = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(b),
        ZipReader.NAME_CHARSET)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null && seen++ < 10_000) {
        String name = e.getName();
        if (name.equals("[Content_Types].xml")) {
          contentTypes = true;
        } else if (name.equals("mimetype")) {
          String type = new String(in.readNBytes(100), StandardCharsets.US_ASCII);
          if (type.startsWith("application/vnd.oasis.opendocument")) {
            throw new RejectedDocumentException("OpenDocument file (" + type.substring(
                type.lastIndexOf('.') + 1) + "): not read; save it as .docx or .xlsx");
          }
        } else if (kind == null && name.startsWith("word/")) {
          kind = "word";
        } else if (kind == null && name.startsWith("xl/")) {
          kind = "xl";
        } else if (kind == null && name.startsWith("ppt/")) {
          kind = "ppt";
        }
        if (contentTypes && kind != null) {
          break;
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new RejectedDocumentException("corrupt zip container: " + e.getMessage());
    }
    if (contentTypes && "word".equals(kind)) {
      return DocumentFormat.DOCX;
    }
    if (contentTypes && "xl".equals(kind)) {
      return DocumentFormat.XLSX;
    }
    if (contentTypes && "ppt".equals(kind)) {
      throw new RejectedDocumentException("PowerPoint presentation (.pptx): not read");
    }
    return DocumentFormat.ZIP;
  }

  /** OLE2 compound files: Word 97-2003 and WPS, Excel 97-2003 and WPS, encrypted OOXML. */
  private static DocumentFormat ole2Kind(byte[] b) throws RejectedDocumentException {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(b))) {
      DirectoryNode root = fs.getRoot();
      if (root.hasEntry("EncryptedPackage") || root.hasEntry("EncryptionInfo")) {
        throw new RejectedDocumentException(
            "encrypted Office document (password-protected): not read");
      }
      if (root.hasEntry("WordDocument")) {
        return DocumentFormat.DOC;
      }
      if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book")) {
        return DocumentFormat.XLS;
      }
      if (root.hasEntry("PowerPoint Document")) {
        throw new RejectedDocumentException("PowerPoint presentation (.ppt): not read");
      }
      throw new RejectedDocumentException("OLE2 compound file that is neither a Word nor an "
          + "Excel document (entries: " + String.join(", ", root.getEntryNames()) + ")");
    } catch (IOException | RuntimeException e) {
      throw new RejectedDocumentException("corrupt OLE2 (Office 97-2003) container: "
          + e.getMessage());
    }
  }

  /** What an archive we do not read is, or null. */
  private static String otherArchive(byte[] b) {
    if (startsWith(b, 0, "Rar!")) {
      return "RAR archive: not read; only .zip archives are";
    }
    if (b.length > 4 && b[0] == '7' && b[1] == 'z' && (b[2] & 0xff) == 0xBC
        && (b[3] & 0xff) == 0xAF) {
      return "7-Zip archive: not read; only .zip archives are";
    }
    if (b.length > 2 && (b[0] & 0xff) == 0x1F && (b[1] & 0xff) == 0x8B) {
      return "gzip file: not read; only .zip archives are";
    }
    return null;
  }

  /** Leading markup: a doctype or an html/head/body/table/meta tag, after BOM and spaces. */
  static boolean looksLikeHtml(byte[] b) {
    int from = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB ? 3 : 0;
    int n = Math.min(b.length, 2048) - from;
    String head = new String(b, from, Math.max(0, n), StandardCharsets.ISO_8859_1)
        .stripLeading().toLowerCase(Locale.ROOT);
    if (head.startsWith("<?xml")) {
      head = head.substring(Math.max(0, head.indexOf("?>") + 2)).stripLeading();
    }
    while (head.startsWith("<!--") && head.contains("-->")) {
      head = head.substring(head.indexOf("-->") + 3).stripLeading();
    }
    return head.startsWith("<!doctype html") || head.startsWith("<html")
        || head.startsWith("<head") || head.startsWith("<body") || head.startsWith("<table")
        || head.startsWith("<meta");
  }

  private static boolean startsWith(byte[] b, int at, String ascii) {
    if (b.length < at + ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if ((b[at + i] & 0xff) != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] b, String ascii, int within) {
    for (int i = 0; i < Math.min(b.length, within); i++) {
      if (startsWith(b, i, ascii)) {
        return i;
      }
    }
    return -1;
  }
}
