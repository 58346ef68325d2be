package io.selfeval.extract;

import io.selfeval.extract.format.Formats;
import io.selfeval.extract.format.ZipReader;
import io.selfeval.model.PiiMasker;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A document as extract sees it, for the stages that go back to it (the site's excerpts): how it
 * is opened, and the lines its records cite, numbered exactly as extract numbered them.
 */
public final class Documents {

  /** Between an archive's name and an entry's path in a document name. */
  public static final String ENTRY_SEPARATOR = "!/";

  private Documents() {}

  /**
   * Opens a document for reading. Reports come with no .crc sidecar to verify, and Hadoop's
   * checksummed local file system builds the sidecar's name so that a ':' in the report's name
   * fails the read: the raw file system under it is used instead.
   */
  public static InputStream open(Configuration conf, Path path) throws IOException {
    return fileSystem(conf, path).open(path);
  }

  /** Whether the document exists, on the same file system {@link #open} reads. */
  public static boolean exists(Configuration conf, Path path) throws IOException {
    return fileSystem(conf, path).exists(path);
  }

  /** The file system of {@code path}, under its checksums when it has them. */
  private static FileSystem fileSystem(Configuration conf, Path path) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
  }

  /**
   * The masked lines of a document in any supported format, as extract numbered them: the lines
   * a record's line numbers point into.
   */
  public static String[] lines(byte[] bytes, String file) throws RejectedDocumentException {
    return ReportExtractor.splitLines(PiiMasker.mask(Formats.read(bytes, file).text()));
  }

  /**
   * The bytes of {@code entry} inside the archive {@code zip}, or null when the archive has no
   * such entry (or stopped before it).
   */
  public static byte[] entry(byte[] zip, String entry) {
    byte[][] found = new byte[1][];
    ZipReader.read(zip, (path, bytes, rejection) -> {
      if (found[0] == null && rejection == null && path.equals(entry)) {
        found[0] = bytes;
      }
    });
    return found[0];
  }
}
