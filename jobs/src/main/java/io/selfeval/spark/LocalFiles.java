package io.selfeval.spark;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}) without a process per file. Without Hadoop's
 * native library (not shipped with Spark), {@link RawLocalFileSystem} sets each new file's and
 * folder's permissions by running {@code chmod}, and Delta's commits (through
 * {@code FileContext}) ask whether a path is a symbolic link by running {@code readlink}: on
 * the five seeds about 600 processes forked from a JVM of gigabytes. Here both go through
 * {@code java.nio.file} instead; everything else is Hadoop's own (the checksum files too).
 * {@link SparkSessions} sets {@code fs.file.impl} to {@link LocalFiles} and
 * {@code fs.AbstractFileSystem.file.impl} to {@link Context}.
 */
public final class LocalFiles extends LocalFileSystem {

  public LocalFiles() {
    super(new NoForks());
  }

  /** The {@code FileContext} side ({@code fs.AbstractFileSystem.file.impl}), with checksums. */
  public static final class Context extends ChecksumFs {

    public Context(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(new RawContext(uri, conf));
    }
  }

  /** As Hadoop's {@code RawLocalFs}, over {@link NoForks}. */
  static final class RawContext extends DelegateToFileSystem {

    RawContext(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(uri, new NoForks(), conf, "file", false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }

    @Override
    public boolean isValidName(String src) {
      return true;
    }
  }

  /** {@link RawLocalFileSystem} with permissions and link checks through java.nio. */
  static final class NoForks extends RawLocalFileSystem {

    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (permission.getStickyBit()) {
        super.setPermission(p, permission);
        return;
      }
      Files.setPosixFilePermissions(pathToFile(p).toPath(),
          PosixFilePermissions.fromString(permission.toString()));
    }

    @Override
    public FileStatus getFileLinkStatus(Path f) throws IOException {
      // a path that is no link has the status of the file itself (what Hadoop answers after
      // readlink printed nothing); links keep Hadoop's own answer
      if (Files.isSymbolicLink(pathToFile(f).toPath())) {
        return super.getFileLinkStatus(f);
      }
      return getFileStatus(f);
    }
  }
}
