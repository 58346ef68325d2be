package io.selfeval.extract.format;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a .zip archive entry by entry, one entry's bytes in memory at a time, and hands each to
 * a consumer. Bounded against zip bombs: at most {@link #MAX_ENTRIES} entries, an entry expands
 * to at most {@link #MAX_ENTRY_BYTES}, all entries together to at most {@link #MAX_RATIO} times
 * the archive's size (and never more than {@link #MAX_TOTAL_BYTES}). Nothing is written to disk;
 * an entry whose name climbs out of the archive ({@code ..}, an absolute path) is not read and
 * its name is not repeated.
 */
public final class ZipReader {

  /**
   * Entry names are first read byte for byte (names flagged UTF-8 are read as UTF-8 whatever this
   * says), then {@link #name} decodes an unflagged one: UTF-8 when it is valid UTF-8 (Linux and
   * macOS tools), else GB18030 (Chinese Windows tools write GBK names).
   */
  static final Charset NAME_CHARSET = StandardCharsets.ISO_8859_1;
  public static final int MAX_ENTRIES = 10_000;
  public static final long MAX_ENTRY_BYTES = 128L * 1024 * 1024;
  public static final long MAX_TOTAL_BYTES = 1024L * 1024 * 1024;
  /** Bound of expanded size over archive size; below {@link #SMALL_TOTAL} it is not applied. */
  public static final int MAX_RATIO = 100;
  static final long SMALL_TOTAL = 16L * 1024 * 1024;

  /** Receives each entry: its path inside the archive and its bytes, or why it was not read. */
  public interface EntryConsumer {
    void accept(String path, byte[] bytes, String rejection);
  }

  private ZipReader() {}

  /**
   * Reads every entry of {@code zip}. Folders and macOS metadata ({@code __MACOSX/}) are skipped.
   *
   * @return null when every entry was read, else why reading stopped (a bound was hit, the
   *     container is corrupt); the entries before that point were already given to the consumer
   */
  public static String read(byte[] zip, EntryConsumer consumer) {
    long totalBound = Math.min(MAX_TOTAL_BYTES,
        Math.max(SMALL_TOTAL, (long) MAX_RATIO * zip.length));
    long total = 0;
    int count = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), NAME_CHARSET)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.isDirectory() || e.getName().startsWith("__MACOSX/")) {
          continue;
        }
        if (++count > MAX_ENTRIES) {
          return "more than " + MAX_ENTRIES + " entries: the rest was not read";
        }
        String name = name(e.getName());
        if (!isSafe(name)) {
          consumer.accept("entry " + count + " (unsafe name)", null,
              "entry name climbs out of the archive (.. or an absolute path): not read");
          continue;
        }
        long bound = Math.min(MAX_ENTRY_BYTES, totalBound - total);
        byte[] bytes = readBounded(in, bound);
        if (bytes == null) {
          String why = bound < MAX_ENTRY_BYTES
              ? "the archive expands beyond " + totalBound + " bytes (a zip bomb?)"
              : "entry expands beyond " + MAX_ENTRY_BYTES + " bytes (a zip bomb?)";
          consumer.accept(name, null, why);
          return why + ": reading stopped at entry " + count;
        }
        total += bytes.length;
        consumer.accept(name, bytes, null);
      }
    } catch (IOException | IllegalArgumentException e) {
      return "corrupt or encrypted zip archive: " + e.getMessage();
    }
    return count == 0 ? "empty zip archive" : null;
  }

  /** The entry's bytes, or null when it holds more than {@code bound}. */
  private static byte[] readBounded(ZipInputStream in, long bound) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long read = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      read += n;
      if (read > bound) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** An entry's name as read with {@link #NAME_CHARSET}, decoded. */
  static String name(String read) {
    if (read.chars().anyMatch(c -> c > 0xFF)) {
      return read; // flagged UTF-8: already decoded
    }
    byte[] bytes = read.getBytes(StandardCharsets.ISO_8859_1);
    for (Charset cs : new Charset[] {StandardCharsets.UTF_8, Charset.forName("GB18030")}) {
      try {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        // try the next
      }
    }
    return read;
  }

  /** A relative name none of whose parts is "..". */
  static boolean isSafe(String name) {
    String n = name.replace('\\', '/');
    if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0) {
      return false;
    }
    for (String part : n.split("/")) {
      if (part.equals("..")) {
        return false;
      }
    }
    return true;
  }
}
