package io.selfeval.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One JSON Lines file made of the part files Spark wrote into a folder: {@code extract --out
 * FILE.jsonl} gives the file a user asked for, not a folder of that name.
 */
public final class JsonLinesFile {

  private JsonLinesFile() {}

  /**
   * Writes the {@code part-*} files of {@code folder}, in name order (Spark's order of the
   * partitions), into {@code file}, replacing it, then deletes {@code folder}.
   */
  public static void concatenate(Configuration conf, String folder, String file) {
    Path parts = new Path(folder);
    Path target = new Path(file);
    // a FileSystem of its own (not the shared cached one), writing no .crc file beside the
    // user's file on a local disk
    try (FileSystem fs = FileSystem.newInstance(target.toUri(), conf)) {
      fs.setWriteChecksum(false);
      FileStatus[] files = parts.getFileSystem(conf).listStatus(parts,
          p -> p.getName().startsWith("part-"));
      Arrays.sort(files, Comparator.comparing(s -> s.getPath().getName()));
      try (OutputStream out = fs.create(target, true)) {
        for (FileStatus part : files) {
          try (InputStream in = part.getPath().getFileSystem(conf).open(part.getPath())) {
            in.transferTo(out);
          }
        }
      }
      parts.getFileSystem(conf).delete(parts, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + " from " + folder + ": "
          + e.getMessage(), e);
    }
  }
}
