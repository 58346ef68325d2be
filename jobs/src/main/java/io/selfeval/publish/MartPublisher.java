package io.selfeval.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where mart versions live and how one becomes the current one. Each version is written whole
 * under {@code <marts>/.versions/<mart>/<run_id>/} and checked before anything changes for
 * readers; then the mart is switched:
 * <ul>
 *   <li>on a local file system, {@code <marts>/<mart>} is a symbolic link to the current version,
 *       replaced by an atomic rename of a new link: a reader that opens the mart sees the old
 *       version or the new one, whole;</li>
 *   <li>on other Hadoop file systems (HDFS, object stores) {@code <marts>/<mart>} is a folder:
 *       the current one is renamed away and the new version renamed in. On HDFS each rename is
 *       atomic; between the two a reader finds no mart (an error, never a mix). On object
 *       stores renames copy: publish there only when no one reads, or read the version folders
 *       through {@code <marts>/<mart>/_RUN_ID}.</li>
 * </ul>
 * Every version holds a {@code _RUN_ID} file naming its run. Old versions are removed once two
 * newer ones exist, so a reader that opened the previous version just before a switch can finish.
 */
final class MartPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(MartPublisher.class);
  static final String VERSIONS = ".versions";
  static final String RUN_ID_FILE = "_RUN_ID";
  static final String SOURCE_FILE = "_SOURCE";
  /** The Delta versions of the tables a version was built from. */
  static final String TABLES_FILE = "_TABLES";
  /** The folder name prefix of a fiscal-year partition. */
  static final String PARTITION_PREFIX = "fiscal_year=";

  private final String root;
  private final FileSystem fs;
  private final boolean links;

  MartPublisher(String martsRoot, Configuration conf) {
    this.root = martsRoot.replaceAll("/+$", "");
    try {
      this.fs = new org.apache.hadoop.fs.Path(root).getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.links = "file".equals(fs.getScheme());
  }

  /** The folder a new version of {@code mart} is written to. */
  String versionPath(String mart, String runId) {
    return root + "/" + VERSIONS + "/" + mart + "/" + runId;
  }

  /** Where readers find the mart. */
  String martPath(String mart) {
    return root + "/" + mart;
  }

  /**
   * Marks a written version with its run id (readers may use it to know what they read) and
   * with what it was built from ({@code source}: table versions and analysis settings).
   */
  void stamp(String mart, String runId, String source) throws IOException {
    write(versionPath(mart, runId) + "/" + RUN_ID_FILE, runId);
    write(versionPath(mart, runId) + "/" + SOURCE_FILE, source);
  }

  /** Records beside a written version the Delta versions of the tables it was built from. */
  void stampTables(String mart, String runId, String tables) throws IOException {
    write(versionPath(mart, runId) + "/" + TABLES_FILE, tables);
  }

  /** The table versions the version readers see now was built from, or null when unknown. */
  String tables(String mart) throws IOException {
    return readMarker(martPath(mart) + "/" + TABLES_FILE);
  }

  /**
   * Whether a version can be made from the current one by writing only some fiscal years: on a
   * local file system (the other partitions are hard links, which HDFS and object stores do not
   * have) and when the current version is partitioned by year (a mart with no rows is one
   * file).
   */
  boolean canWriteYears(String mart) throws IOException {
    if (!links || current(mart) == null) {
      return false;
    }
    Path live = local(martPath(mart)).toRealPath();
    try (java.util.stream.Stream<Path> files = Files.list(live)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith(PARTITION_PREFIX))
          || !hasData(live);
    }
  }

  private static boolean hasData(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
    }
  }

  /**
   * Hard-links into the version of {@code runId} every fiscal-year partition of the current
   * version that is not in {@code rewritten} (partition folder values, e.g. {@code 2024} or
   * {@code __HIVE_DEFAULT_PARTITION__}); returns how many partitions were linked. The files
   * stay the current version's, unchanged, so a reader of either sees whole files; deleting the
   * old version later leaves the links.
   */
  int linkYears(String mart, String runId, java.util.Set<String> rewritten) throws IOException {
    Path live = local(martPath(mart)).toRealPath();
    Path target = local(versionPath(mart, runId));
    Files.createDirectories(target);
    int linked = 0;
    try (java.util.stream.Stream<Path> parts = Files.list(live)) {
      for (Path part : parts.toList()) {
        String name = part.getFileName().toString();
        if (!Files.isDirectory(part) || !name.startsWith(PARTITION_PREFIX)
            || rewritten.contains(name.substring(PARTITION_PREFIX.length()))) {
          continue;
        }
        Path into = Files.createDirectories(target.resolve(name));
        try (java.util.stream.Stream<Path> files = Files.list(part)) {
          for (Path f : files.toList()) {
            Files.createLink(into.resolve(f.getFileName()), f);
          }
        }
        linked++;
      }
    }
    return linked;
  }

  /** The run id of the version readers see now, or null when the mart was never published. */
  String current(String mart) throws IOException {
    return readMarker(martPath(mart) + "/" + RUN_ID_FILE);
  }

  /** What the version readers see now was built from, or null when unknown. */
  String source(String mart) throws IOException {
    return readMarker(martPath(mart) + "/" + SOURCE_FILE);
  }

  private void write(String file, String text) throws IOException {
    try (FSDataOutputStream out = fs.create(hpath(file), true)) {
      out.write((text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private String readMarker(String file) throws IOException {
    org.apache.hadoop.fs.Path marker = hpath(file);
    if (!fs.exists(marker)) {
      return null;
    }
    try (FSDataInputStream in = fs.open(marker)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
    }
  }

  /** Makes the version of {@code runId} the one readers see. */
  void switchTo(String mart, String runId) throws IOException {
    if (links) {
      Path link = local(martPath(mart));
      if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
        throw new IOException(link + " is a folder, not the link publish keeps there; move it "
            + "away (the marts are rebuilt from the Delta tables by the next publish)");
      }
      Path tmp = link.resolveSibling("." + mart + ".link-" + runId);
      Files.deleteIfExists(tmp);
      Files.createSymbolicLink(tmp, Paths.get(VERSIONS, mart, runId));
      Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } else {
      String previous = current(mart);
      org.apache.hadoop.fs.Path live = hpath(martPath(mart));
      if (previous != null && fs.exists(live)
          && !fs.rename(live, hpath(versionPath(mart, previous)))) {
        throw new IOException("cannot move " + live + " aside");
      }
      if (!fs.rename(hpath(versionPath(mart, runId)), live)) {
        throw new IOException("cannot move version " + runId + " of " + mart + " into place");
      }
    }
    LOG.info("publish: {} now shows run {}", mart, runId);
  }

  /**
   * Removes versions of {@code mart} other than the current one and the one before it
   * (including leftovers of publishes that died half-way), oldest first.
   */
  List<String> clean(String mart, String current, String previous) throws IOException {
    org.apache.hadoop.fs.Path dir = hpath(root + "/" + VERSIONS + "/" + mart);
    List<String> removed = new ArrayList<>();
    if (!fs.exists(dir)) {
      return removed;
    }
    for (FileStatus s : fs.listStatus(dir)) {
      String name = s.getPath().getName();
      if (!name.equals(current) && !name.equals(previous)) {
        fs.delete(s.getPath(), true);
        removed.add(name);
      }
    }
    return removed;
  }

  /** Deletes a version that was written but will not be published. */
  void discard(String mart, String runId) throws IOException {
    fs.delete(hpath(versionPath(mart, runId)), true);
  }

  private static org.apache.hadoop.fs.Path hpath(String p) {
    return new org.apache.hadoop.fs.Path(p);
  }

  private static Path local(String p) {
    return p.startsWith("file:") ? Paths.get(URI.create(p)) : Paths.get(p);
  }
}
