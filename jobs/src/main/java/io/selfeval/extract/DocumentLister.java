package io.selfeval.extract;

import java.io.IOException;
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
 * driver and reads names only; a folder that cannot be listed becomes a rejected entry instead
 * of stopping the run.
 */
public final class DocumentLister {

  /** One document to read, or one that could not even be listed ({@code error} set). */
  public record Entry(String uri, String relativePath, long sizeBytes, String error) {}

  private static final int MAX_DEPTH = 64;

  private DocumentLister() {}

  public static List<Entry> list(Configuration conf, String input) throws IOException {
    Path root = new Path(input);
    FileSystem fs = root.getFileSystem(conf);
    FileStatus rootStatus = fs.getFileStatus(root);
    Path qualifiedRoot = rootStatus.getPath();
    List<Entry> out = new ArrayList<>();
    if (rootStatus.isFile()) {
      out.add(new Entry(qualifiedRoot.toString(), qualifiedRoot.getName(), rootStatus.getLen(),
          null));
      return out;
    }
    walk(fs, qualifiedRoot, qualifiedRoot.toUri().getPath(), 0, new HashSet<>(), out);
    out.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
    return out;
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
            child.getLen(), null));
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
