package io.selfeval.site;

import io.selfeval.extract.Documents;
import io.selfeval.extract.RejectedDocumentException;
import io.selfeval.model.Records;
import io.selfeval.site.SiteRows.Excerpt;
import io.selfeval.site.SiteRows.SourceLine;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The lines of the input documents, for the excerpts beside each flag. The warehouse keeps no
 * document text (records keep values and line numbers only), so the lines are read again from
 * the document under the input root (an archive's entry from inside its archive), in whatever
 * format it is, decoded and masked exactly as extract did ({@link Documents#lines}): the line
 * numbers are the records'. A document that is gone, or whose content no longer has the SHA-256
 * the forms recorded, shows no lines.
 */
public final class SourceLines {

  /** Lines shown before and after a cited line. */
  static final int CONTEXT = 3;
  private static final int CACHED_DOCUMENTS = 16;

  private final String inputRoot;
  private final Configuration conf;
  private final Map<String, Object> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
      return size() > CACHED_DOCUMENTS;
    }
  };

  /** Lines from documents under {@code inputRoot}; null when no input is known. */
  public SourceLines(String inputRoot, Configuration conf) {
    this.inputRoot = inputRoot == null ? null : inputRoot.replaceAll("/+$", "");
    this.conf = conf;
  }

  /** The lines around {@code line} (1-based) of the document, the cited one marked. */
  public Excerpt around(String file, String sha256, Integer line) {
    if (file == null || line == null) {
      return new Excerpt(List.of(), "no line cited");
    }
    Object doc = document(file, sha256);
    if (doc instanceof String why) {
      return new Excerpt(List.of(), why);
    }
    String[] lines = (String[]) doc;
    if (line < 1 || line > lines.length) {
      return new Excerpt(List.of(), "line " + line + " is not in " + file);
    }
    List<SourceLine> out = new ArrayList<>();
    for (int n = Math.max(1, line - CONTEXT); n <= Math.min(lines.length, line + CONTEXT); n++) {
      out.add(new SourceLine(n, lines[n - 1], n == line));
    }
    return new Excerpt(out, null);
  }

  /** The masked lines of a document, or a sentence saying why there are none. */
  private Object document(String file, String sha256) {
    return cache.computeIfAbsent(file + "#" + sha256, k -> read(file, sha256));
  }

  private Object read(String file, String sha256) {
    if (inputRoot == null) {
      return "the input folder is not known: run site with --input";
    }
    // an archive's entry is named archive.zip!/path/in/zip.docx: the archive is the file read
    int bang = file.indexOf(Documents.ENTRY_SEPARATOR);
    String stored = bang < 0 ? file : file.substring(0, bang);
    byte[] bytes;
    try {
      // a relative path of its own, so a ':' in a report's name is not read as a URI scheme
      Path path = new Path(new Path(inputRoot), new Path(null, null, stored));
      if (!Documents.exists(conf, path)) {
        return stored + " is not under " + inputRoot + ": the warehouse keeps no document text";
      }
      try (InputStream in = Documents.open(conf, path)) {
        bytes = in.readAllBytes();
      }
    } catch (IOException | RuntimeException e) {
      // one unreadable document costs its excerpts, never the site
      return "cannot read " + stored + ": " + e.getMessage();
    }
    if (bang >= 0) {
      bytes = Documents.entry(bytes, file.substring(bang + Documents.ENTRY_SEPARATOR.length()));
      if (bytes == null) {
        return file + " is no longer in its archive";
      }
    }
    if (sha256 != null && !sha256.equals(Records.sha256Hex(bytes))) {
      return file + " has changed since it was loaded: its lines are not the flagged ones";
    }
    try {
      // read as extract read it (any format), so the line numbers are the records'
      return Documents.lines(bytes, file);
    } catch (RejectedDocumentException e) {
      return "cannot decode " + file + ": " + e.getMessage();
    }
  }
}
