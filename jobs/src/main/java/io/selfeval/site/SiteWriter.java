package io.selfeval.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Writes one version of the site under {@code <warehouse>/site/<run_id>/} and makes it the one
 * auditors open: {@code <warehouse>/site/current} is a symbolic link replaced by one atomic
 * rename (as publish switches the marts), so a browser opening {@code current/index.html} sees
 * a whole version, the previous one or the new one. Versions other than the current one and
 * the one before it are then removed. The site is files opened from a disk: the warehouse must
 * be on the local file system.
 */
public final class SiteWriter {

  static final String CURRENT = "current";
  private static final String WEBJAR = "META-INF/resources/webjars/echarts/";

  private final Path root;
  private final Path version;
  private long pages;
  private long bytes;

  /** Whether {@code warehouse} is a local folder, where a site can be written. */
  public static boolean isLocal(String warehouse) {
    return !warehouse.contains(":") || warehouse.startsWith("file:");
  }

  /** A writer of the version {@code runId} of the site of {@code warehouse}. */
  public SiteWriter(String warehouse, String runId) {
    if (!isLocal(warehouse)) {
      throw new IllegalArgumentException("the site is written to a local folder, for a browser "
          + "to open from disk; " + warehouse + " is not local");
    }
    Path wh = warehouse.startsWith("file:") ? Paths.get(URI.create(warehouse))
        : Paths.get(warehouse);
    this.root = wh.resolve("site").toAbsolutePath();
    this.version = root.resolve(runId);
  }

  /** Writes one page, {@code path} relative to the version's folder. */
  public void page(String path, String html) {
    byte[] b = html.getBytes(StandardCharsets.UTF_8);
    write(path, b);
    pages++;
  }

  /** Copies the style, the script and Apache ECharts (with its licence) into assets/. */
  public void assets() {
    write("assets/site.css", resource("site/assets/site.css"));
    write("assets/site.js", resource("site/assets/site.js"));
    String echarts = WEBJAR + echartsVersion() + "/";
    write("assets/echarts.min.js", resource(echarts + "dist/echarts.min.js"));
    write("assets/ECHARTS-LICENSE.txt", resource(echarts + "LICENSE"));
  }

  /** Makes this version the current one; returns the versions removed. */
  public List<String> switchToThis() {
    try {
      Path link = root.resolve(CURRENT);
      if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
        throw new IOException(link + " is not the link site keeps there; move it away");
      }
      String previous = Files.isSymbolicLink(link)
          ? Files.readSymbolicLink(link).getFileName().toString() : null;
      Path tmp = root.resolve("." + CURRENT + ".link-" + version.getFileName());
      Files.deleteIfExists(tmp);
      Files.createSymbolicLink(tmp, version.getFileName());
      Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      List<String> removed = new ArrayList<>();
      try (Stream<Path> versions = Files.list(root)) {
        for (Path p : versions.toList()) {
          String name = p.getFileName().toString();
          if (!name.startsWith(".") && !name.equals(CURRENT) && !name.equals(previous)
              && !p.equals(version) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            delete(p);
            removed.add(name);
          }
        }
      }
      return removed;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder of this version. */
  public Path version() {
    return version;
  }

  /** Where auditors open the site. */
  public Path currentIndex() {
    return root.resolve(CURRENT).resolve("index.html");
  }

  public long pages() {
    return pages;
  }

  /** Bytes written so far, pages and assets. */
  public long bytes() {
    return bytes;
  }

  private void write(String path, byte[] content) {
    try {
      Path file = version.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      bytes += content.length;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String echartsVersion() {
    Properties p = new Properties();
    try (InputStream in = SiteWriter.class.getClassLoader().getResourceAsStream(
        "META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("Apache ECharts (org.webjars.npm:echarts) is not on the "
            + "class path");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  private static byte[] resource(String name) {
    try (InputStream in = SiteWriter.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("not on the class path: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
