package io.selfeval.extract;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists the documents under an input root on any Hadoop-compatible file system. Runs on the
 * driver and reads names only. Every name under the root becomes an entry: one that cannot be
 * read as a document (a folder that cannot be listed, a link that leads nowhere, a pipe) becomes
 * a rejected entry instead of stopping the run or vanishing.
 *
 * <p>On the local file system the walk uses {@code java.nio} rather than Hadoop's listing, which
 * drops names it cannot stat (broken and looping links) without a word, takes a named pipe for a
 * file (reading it blocks) and follows a link back to a parent folder until the depth limit, so
 * every document under it would be read again at every level. Folders are recognised by their
 * real path: a link to a folder already read is reported once as a link loop.
 */
public final class DocumentLister {

  /**
   * One document to read, or one that could not even be listed ({@code error} set), with its
   * modification time in epoch milliseconds (-1 when not known).
   */
  public record Entry(String uri, String relativePath, long sizeBytes, String error,
      long modifiedMillis) {

    /** An entry whose modification time is not known. */
    public Entry(String uri, String relativePath, long sizeBytes, String error) {
      this(uri, relativePath, sizeBytes, error, -1);
    }
  }

  private static final int MAX_DEPTH = 64;

  private DocumentLister() {}

  /** Every document under {@code input} (itself when it is a file), sorted by relative path. */
  public static List<Entry> list(Configuration conf, String input) throws IOException {
    Path root = new Path(input);
    FileSystem fs = root.getFileSystem(conf);
    FileStatus rootStatus = fs.getFileStatus(root);
    Path qualifiedRoot = rootStatus.getPath();
    List<Entry> out = new ArrayList<>();
    if (rootStatus.isFile()) {
      out.add(new Entry(qualifiedRoot.toString(), qualifiedRoot.getName(), rootStatus.getLen(),
          null, rootStatus.getModificationTime()));
      return out;
    }
    if ("file".equals(qualifiedRoot.toUri().getScheme())) {
      java.nio.file.Path dir = Paths.get(qualifiedRoot.toUri());
      Set<java.nio.file.Path> seen = new HashSet<>();
      seen.add(dir.toRealPath());
      walkLocal(dir, qualifiedRoot, "", 0, seen, out);
    } else {
      walk(fs, qualifiedRoot, qualifiedRoot.toUri().getPath(), 0, new HashSet<>(), out);
    }
    out.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
    return out;
  }

  private static void walkLocal(java.nio.file.Path dir, Path hadoopDir, String rel, int depth,
      Set<java.nio.file.Path> seen, List<Entry> out) {
    List<java.nio.file.Path> children = new ArrayList<>();
    try (DirectoryStream<java.nio.file.Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    } catch (IOException | RuntimeException e) {
      out.add(new Entry(hadoopDir.toString(), rel, 0, "folder not readable: " + describe(e)));
      return;
    }
    for (java.nio.file.Path child : children) {
      String name = child.getFileName().toString();
      // the three-argument Path keeps a ':' in a name from reading as a URI scheme
      Path hadoopChild = new Path(hadoopDir, new Path(null, null, name));
      String childRel = rel.isEmpty() ? name : rel + "/" + name;
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(child, BasicFileAttributes.class);
      } catch (IOException | RuntimeException e) {
        out.add(new Entry(hadoopChild.toString(), childRel, 0,
            Files.isSymbolicLink(child)
                ? "symbolic link that leads nowhere (a link loop or a missing target): "
                    + describe(e)
                : "not readable: " + describe(e)));
        continue;
      }
      if (attrs.isDirectory()) {
        String why = depth + 1 > MAX_DEPTH ? "nested deeper than " + MAX_DEPTH + " levels"
            : !seen.add(realPath(child)) ? "a link back to a folder already read (a link loop)"
            : null;
        if (why != null) {
          out.add(new Entry(hadoopChild.toString(), childRel, 0, "folder not read: " + why));
        } else {
          walkLocal(child, hadoopChild, childRel, depth + 1, seen, out);
        }
      } else if (attrs.isRegularFile()) {
        out.add(new Entry(hadoopChild.toString(), childRel, attrs.size(), null,
            attrs.lastModifiedTime().toMillis()));
      } else {
        out.add(new Entry(hadoopChild.toString(), childRel, 0,
            "not a regular file (a named pipe, socket or device): not read"));
      }
    }
  }

  private static java.nio.file.Path realPath(java.nio.file.Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /** An I/O failure in words: java.nio's messages are often just the path. */
  private static String describe(Exception e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static void walk(FileSystem fs, Path dir, String rootPath, int depth, Set<String> seen,
      List<Entry> out) {
    String rel = relative(rootPath, dir);
    if (depth > MAX_DEPTH || !seen.add(dir.toUri().getPath())) {
      out.add(new Entry(dir.toString(), rel, 0, "folder not read: nested deeper than "
          + MAX_DEPTH + " levels or seen before (a link loop?)"));
      return;
    }
    FileStatus[] children;
    try {
      children = fs.listStatus(dir);
    } catch (IOException | RuntimeException e) {
      out.add(new Entry(dir.toString(), rel, 0, "folder not readable: " + e.getMessage()));
      return;
    }
    for (FileStatus child : children) {
      if (child.isDirectory()) {
        walk(fs, child.getPath(), rootPath, depth + 1, seen, out);
      } else {
        out.add(new Entry(child.getPath().toString(), relative(rootPath, child.getPath()),
            child.getLen(), null, child.getModificationTime()));
      }
    }
  }

  private static String relative(String rootPath, Path p) {
    String path = p.toUri().getPath();
    if (path.startsWith(rootPath)) {
      path = path.substring(rootPath.length());
    }
    return path.startsWith("/") ? path.substring(1) : path;
  }
}
