package io.selfeval.extract;

import io.selfeval.model.Warning;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes report bytes, detecting the encoding instead of assuming it: a byte-order mark
 * (UTF-8, UTF-16LE/BE) wins; otherwise strict UTF-8, then strict GB18030 (which covers GBK), then
 * line by line for a file that mixes the two. Bytes that are none of these, or that look binary,
 * are rejected with a reason; see {@link TextChecks} for what is refused after decoding.
 *
 * <p>Damage a reader can live with is repaired and reported as a warning instead: NUL bytes
 * padding the end (a file cut off and zero-filled), a last character cut in half, lines of
 * GB18030 among UTF-8 ones.
 */
public final class TextDecoder {

  /** Decoded text, the encoding it was read with, and what was repaired or doubtful. */
  public record Decoded(String text, String encoding, List<Warning> warnings) {

    /** Text read without a repair. */
    public Decoded(String text, String encoding) {
      this(text, encoding, List.of());
    }
  }

  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final Charset GB2312 = Charset.forName("GB2312");
  /** Ideographs looked at to tell Chinese from another encoding read as GB18030. */
  private static final int COMMON_SAMPLE = 100_000;

  private TextDecoder() {}

  /** Decodes a document's bytes or says why it cannot be read as a text report. */
  public static Decoded decode(byte[] bytes) throws RejectedDocumentException {
    if (bytes.length == 0) {
      throw new RejectedDocumentException("empty file (0 bytes)");
    }
    List<Warning> warnings = new ArrayList<>();
    Decoded decoded = decodeByBomOrGuess(bytes, warnings);
    final String text = decoded.text();
    if (text.isBlank()) {
      throw new RejectedDocumentException("empty file (whitespace only)");
    }
    if (looksBinary(text)) {
      throw new RejectedDocumentException("binary content (control characters), not a text report");
    }
    TextChecks.check(text, warnings);
    return new Decoded(text, decoded.encoding(), List.copyOf(warnings));
  }

  /**
   * Decodes bytes of a markup document (an HTML page that declares no charset) the same way,
   * without the checks that refuse markup as a text report.
   */
  public static Decoded decodeMarkup(byte[] bytes) throws RejectedDocumentException {
    List<Warning> warnings = new ArrayList<>();
    Decoded decoded = decodeByBomOrGuess(bytes, warnings);
    return new Decoded(decoded.text(), decoded.encoding(), List.copyOf(warnings));
  }

  private static Decoded decodeByBomOrGuess(byte[] b, List<Warning> warnings)
      throws RejectedDocumentException {
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
    int end = b.length;
    while (end > 0 && b[end - 1] == 0) {
      end--;
    }
    if (end == 0) {
      throw new RejectedDocumentException("binary content (NUL bytes only: a file zero-filled "
          + "by a crash?)");
    }
    for (int i = 0; i < end; i++) {
      if (b[i] == 0) {
        throw new RejectedDocumentException(
            "binary content (NUL bytes) and no UTF-16 byte-order mark");
      }
    }
    Decoded decoded = guess(b, end, warnings);
    if (end < b.length) {
      warnings.add(new Warning("ZERO_FILLED_TAIL", (b.length - end) + " NUL bytes at the end "
          + "were ignored: the file was cut off and zero-filled (a crash?)",
          lineCount(decoded.text())));
    }
    return decoded;
  }

  /** UTF-8, UTF-8 cut inside its last character, GB18030, or lines of both. */
  private static Decoded guess(byte[] b, int end, List<Warning> warnings)
      throws RejectedDocumentException {
    String utf8 = tryDecode(b, 0, end, StandardCharsets.UTF_8);
    if (utf8 != null) {
      return new Decoded(utf8, "UTF-8");
    }
    int cut = incompleteUtf8Tail(b, end);
    String head = cut < 0 ? null : tryDecode(b, 0, cut, StandardCharsets.UTF_8);
    if (head != null && !head.isEmpty()) {
      warnings.add(new Warning("TRUNCATED_CHARACTER", "the file ends inside a character: its "
          + "last " + (end - cut) + " bytes, an incomplete UTF-8 sequence, were ignored (the "
          + "file was cut off)", lineCount(head)));
      return new Decoded(head, "UTF-8");
    }
    String gb = tryDecode(b, 0, end, GB18030);
    if (gb != null && readsAsChinese(gb)) {
      return new Decoded(gb, "GB18030");
    }
    Decoded mixed = mixedLines(b, end, warnings);
    if (mixed != null) {
      return mixed;
    }
    if (gb == null) {
      throw new RejectedDocumentException("not valid UTF-8, GB18030/GBK or BOM-marked UTF-16");
    }
    throw new RejectedDocumentException(
        "not valid UTF-8, and as GB18030 it does not read as Chinese text");
  }

  /**
   * Where an incomplete UTF-8 sequence at the very end starts (a lead byte followed by fewer
   * continuation bytes than it announces), or -1.
   */
  private static int incompleteUtf8Tail(byte[] b, int end) {
    for (int i = end - 1; i >= Math.max(0, end - 3); i--) {
      int x = b[i] & 0xff;
      if (x < 0x80) {
        return -1;
      }
      if (x >= 0xC0) {
        int length = x >= 0xF0 ? 4 : x >= 0xE0 ? 3 : 2;
        return end - i < length ? i : -1;
      }
    }
    return -1;
  }

  /**
   * A file whose lines are each valid UTF-8 or GB18030, with some of each (a GBK export pasted
   * into a UTF-8 report): every line read in its own encoding, with a warning naming the GB18030
   * lines. Null when the file is not such a mix.
   */
  private static Decoded mixedLines(byte[] b, int end, List<Warning> warnings) {
    StringBuilder text = new StringBuilder(end);
    StringBuilder gbText = new StringBuilder();
    List<int[]> gbRanges = new ArrayList<>();
    int utf8Lines = 0;
    int line = 1;
    for (int start = 0; start < end; line++) {
      int stop = start;
      while (stop < end && b[stop] != '\n') {
        stop++;
      }
      stop = Math.min(end, stop + 1);
      String s = tryDecode(b, start, stop, StandardCharsets.UTF_8);
      if (s != null) {
        utf8Lines += isAscii(b, start, stop) ? 0 : 1;
      } else {
        s = tryDecode(b, start, stop, GB18030);
        if (s == null) {
          return null;
        }
        gbText.append(s);
        int[] last = gbRanges.isEmpty() ? null : gbRanges.get(gbRanges.size() - 1);
        if (last != null && last[1] == line - 1) {
          last[1] = line;
        } else {
          gbRanges.add(new int[] {line, line});
        }
      }
      text.append(s);
      start = stop;
    }
    if (utf8Lines == 0 || gbRanges.isEmpty() || !readsAsChinese(gbText.toString())) {
      return null;
    }
    StringBuilder ranges = new StringBuilder();
    for (int[] r : gbRanges) {
      ranges.append(ranges.length() == 0 ? "" : ", ").append(r[0])
          .append(r[1] > r[0] ? "-" + r[1] : "");
    }
    warnings.add(new Warning("MIXED_ENCODING", "lines in GB18030/GBK among UTF-8 ones, each "
        + "read in its own encoding; GB18030 lines: " + ranges, gbRanges.get(0)[0]));
    return new Decoded(text.toString(), "UTF-8 and GB18030 (mixed)");
  }

  private static boolean isAscii(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** The number of the text's last line, counting line breaks as the extractor splits lines. */
  static int lineCount(String text) {
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        lines++;
      }
    }
    boolean endsWithBreak = text.endsWith("\n") || text.endsWith("\r");
    return endsWithBreak && lines > 1 ? lines - 1 : lines;
  }

  private static String strict(byte[] b, int offset, Charset cs, String what)
      throws RejectedDocumentException {
    String text = tryDecode(b, offset, b.length, cs);
    if (text == null) {
      throw new RejectedDocumentException("invalid " + what);
    }
    return text;
  }

  /** The bytes from..to decoded strictly, or null when they are not valid in {@code cs}. */
  private static String tryDecode(byte[] b, int from, int to, Charset cs) {
    CharsetDecoder decoder = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(b, from, to - from));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Text decoded as GB18030 that is Chinese, not bytes of another encoding read as GB18030: most
   * non-ASCII characters are CJK, and most ideographs are common ones (GB2312). UTF-8 read as
   * GB18030 also gives ideographs, but two thirds of them rare ones.
   */
  private static boolean readsAsChinese(String text) {
    if (!mostlyChinese(text)) {
      return false;
    }
    CharsetEncoder common = GB2312.newEncoder();
    int ideographs = 0;
    int rare = 0;
    for (int i = 0; i < text.length() && ideographs < COMMON_SAMPLE; i++) {
      char c = text.charAt(i);
      if (c >= 0x4E00 && c <= 0x9FFF) {
        ideographs++;
        rare += common.canEncode(c) ? 0 : 1;
      }
    }
    return rare * 10 <= ideographs * 2;
  }

  /** Of the non-ASCII characters, most must be CJK ideographs or CJK/full-width punctuation. */
  static boolean mostlyChinese(String text) {
    int nonAscii = 0;
    int cjk = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        continue;
      }
      nonAscii++;
      if (isCjk(c)) {
        cjk++;
      }
    }
    return nonAscii == 0 || cjk * 10 >= nonAscii * 8;
  }

  static boolean isCjk(char c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F)
        || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2010 && c <= 0x2027);
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
