package io.selfeval.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes report bytes, detecting the encoding instead of assuming it: a byte-order mark
 * (UTF-8, UTF-16LE/BE) wins; otherwise strict UTF-8, then strict GB18030 (which covers GBK).
 * Bytes that are neither, or that look binary, are rejected with a reason.
 */
public final class TextDecoder {

  /** Decoded text and the name of the encoding it was read with. */
  public record Decoded(String text, String encoding) {}

  private static final Charset GB18030 = Charset.forName("GB18030");

  private TextDecoder() {}

  public static Decoded decode(byte[] bytes) throws RejectedDocumentException {
    if (bytes.length == 0) {
      throw new RejectedDocumentException("empty file (0 bytes)");
    }
    Decoded decoded = decodeByBomOrGuess(bytes);
    if (decoded.text().isBlank()) {
      throw new RejectedDocumentException("empty file (whitespace only)");
    }
    if (looksBinary(decoded.text())) {
      throw new RejectedDocumentException("binary content (control characters), not a text report");
    }
    return decoded;
  }

  private static Decoded decodeByBomOrGuess(byte[] b) throws RejectedDocumentException {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return new Decoded(strict(b, 3, StandardCharsets.UTF_8, "UTF-8 after its BOM"),
          "UTF-8 (BOM)");
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return new Decoded(strict(b, 2, StandardCharsets.UTF_16LE, "UTF-16LE after its BOM"),
          "UTF-16LE");
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return new Decoded(strict(b, 2, StandardCharsets.UTF_16BE, "UTF-16BE after its BOM"),
          "UTF-16BE");
    }
    for (byte x : b) {
      if (x == 0) {
        throw new RejectedDocumentException(
            "binary content (NUL bytes) and no UTF-16 byte-order mark");
      }
    }
    try {
      return new Decoded(decodeStrict(b, 0, StandardCharsets.UTF_8), "UTF-8");
    } catch (CharacterCodingException notUtf8) {
      String text;
      try {
        text = decodeStrict(b, 0, GB18030);
      } catch (CharacterCodingException notGb) {
        throw new RejectedDocumentException("not valid UTF-8, GB18030/GBK or BOM-marked UTF-16");
      }
      if (!mostlyChinese(text)) {
        throw new RejectedDocumentException(
            "not valid UTF-8, and as GB18030 it does not read as Chinese text");
      }
      return new Decoded(text, "GB18030");
    }
  }

  private static String strict(byte[] b, int offset, Charset cs, String what)
      throws RejectedDocumentException {
    try {
      return decodeStrict(b, offset, cs);
    } catch (CharacterCodingException e) {
      throw new RejectedDocumentException("invalid " + what);
    }
  }

  private static String decodeStrict(byte[] b, int offset, Charset cs)
      throws CharacterCodingException {
    CharsetDecoder decoder = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars = decoder.decode(ByteBuffer.wrap(b, offset, b.length - offset));
    return chars.toString();
  }

  /** Of the non-ASCII characters, most must be CJK ideographs or CJK/full-width punctuation. */
  private static boolean mostlyChinese(String text) {
    int nonAscii = 0;
    int cjk = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        continue;
      }
      nonAscii++;
      if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F)
          || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2010 && c <= 0x2027)) {
        cjk++;
      }
    }
    return nonAscii == 0 || cjk * 10 >= nonAscii * 8;
  }

  /** More than 1 % control characters other than tab, newline, carriage return and form feed. */
  private static boolean looksBinary(String text) {
    int control = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        control++;
      }
    }
    return control * 100 > text.length();
  }
}
