package io.selfeval.extract;

import io.selfeval.model.Warning;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What decoded text must not be, checked before anything is parsed: a web page saved as .txt,
 * mojibake (UTF-8 that went through Windows-1252 and back), or text whose characters were
 * already replaced by U+FFFD when it was saved. A document with a few replacement characters is
 * read with a warning. Every check is linear in the text, for large files.
 */
final class TextChecks {

  private static final char REPLACEMENT = '\uFFFD'; // U+FFFD, the replacement character
  /** Stands for a byte a converter lost: a UTF-8 continuation byte, so the character survives. */
  private static final int LOST_BYTE = 0x81;
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  /** The characters Windows-1252 gives bytes 0x80-0x9F, indexed by byte - 0x80 (0 if none). */
  private static final char[] CP1252_HIGH = new char[32];

  static {
    for (int i = 0; i < 32; i++) {
      char c = new String(new byte[] {(byte) (0x80 + i)}, WINDOWS_1252).charAt(0);
      CP1252_HIGH[i] = c == REPLACEMENT ? 0 : c;
    }
  }

  private TextChecks() {}

  /** Throws when the text cannot be a report; adds a warning for a repairable doubt. */
  static void check(String text, List<Warning> warnings) throws RejectedDocumentException {
    if (looksLikeHtml(text)) {
      throw new RejectedDocumentException("HTML markup (a web page saved as text), not a "
          + "plain-text report: save the page as plain text first");
    }
    if (isLatinMojibake(text)) {
      throw new RejectedDocumentException("mojibake: UTF-8 text that was read as "
          + "Windows-1252/Latin-1 and saved again as UTF-8 (save the original as UTF-8)");
    }
    replacementCharacters(text, warnings);
  }

  /** Starts with a doctype or an html element, or is markup holding a table. */
  static boolean looksLikeHtml(String text) {
    int start = 0;
    while (start < text.length() && Texts.isBlankChar(text.charAt(start))) {
      start++;
    }
    String head = text.substring(start, Math.min(text.length(), start + 4096))
        .toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html")
        || (head.startsWith("<") && head.contains("<html"))
        || (head.startsWith("<") && head.contains("<table") && head.contains("<td"));
  }

  /**
   * UTF-8 bytes shown as Windows-1252 or Latin-1 characters and saved again: every character is
   * one a single byte gives, and those bytes are UTF-8 for Chinese text. A converter that knew
   * no character for a byte (Windows-1252 has five holes) wrote U+FFFD: such a byte is lost, so
   * the bytes are read leniently and the lost characters left out of the count.
   */
  static boolean isLatinMojibake(String text) {
    boolean high = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 && c != REPLACEMENT && byteOf(c) < 0) {
        return false;
      }
      high |= c >= 0x80;
    }
    if (!high) {
      return false;
    }
    byte[] bytes = new byte[text.length()];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes[i] = (byte) (c == REPLACEMENT ? LOST_BYTE : byteOf(c));
    }
    String original = new String(bytes, StandardCharsets.UTF_8);
    int ideographs = 0;
    int nonAscii = 0;
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      if (c >= 0x80 && c != REPLACEMENT) {
        nonAscii++;
        ideographs += c >= 0x4E00 && c <= 0x9FFF ? 1 : 0;
      }
    }
    return ideographs > 0 && ideographs * 10 >= nonAscii * 8;
  }

  /** The byte Windows-1252 (or, for its holes, Latin-1) shows as {@code c}; -1 if none. */
  private static int byteOf(char c) {
    if (c <= 0xFF) {
      return c; // Latin-1 shows bytes 0x80-0x9F as C1 controls, Windows-1252 its holes too
    }
    for (int i = 0; i < CP1252_HIGH.length; i++) {
      if (CP1252_HIGH[i] == c) {
        return 0x80 + i;
      }
    }
    return -1;
  }

  /**
   * U+FFFD stands where a converter met bytes it could not read: the characters are gone. Text
   * made mostly of them is refused; a few get a warning on the first one's line.
   */
  private static void replacementCharacters(String text, List<Warning> warnings)
      throws RejectedDocumentException {
    int first = text.indexOf(REPLACEMENT);
    if (first < 0) {
      return;
    }
    int replaced = 0;
    int nonAscii = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      nonAscii += c >= 0x80 ? 1 : 0;
      replaced += c == REPLACEMENT ? 1 : 0;
    }
    if (replaced * 5 >= nonAscii) {
      throw new RejectedDocumentException("the text is full of U+FFFD replacement characters ("
          + replaced + " of " + nonAscii + " non-ASCII characters): it was decoded with a wrong "
          + "encoding before it was saved, and its characters are lost");
    }
    warnings.add(new Warning("REPLACEMENT_CHARACTERS", replaced + " characters were already "
        + "lost to U+FFFD (the replacement character) when the file was saved; text near them "
        + "may be incomplete", TextDecoder.lineCount(text.substring(0, first + 1))));
  }
}
