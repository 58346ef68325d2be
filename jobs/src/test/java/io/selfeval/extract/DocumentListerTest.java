package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing a local input folder: every name becomes one entry, found by the bad-input corpus
 * (Hadoop's local listing dropped broken links, took a pipe for a file and followed a link to
 * a parent folder 64 levels deep).
 */
class DocumentListerTest {

  @TempDir
  Path in;

  private Map<String, DocumentLister.Entry> list() throws Exception {
    Map<String, DocumentLister.Entry> out = new TreeMap<>();
    for (DocumentLister.Entry e : DocumentLister.list(new Configuration(), in.toString())) {
      assertNull(out.put(e.relativePath(), e), "listed twice: " + e.relativePath());
    }
    return out;
  }

  @Test
  void linksThatLeadNowhereAndLoopsAreEntriesNotSilence() throws Exception {
    Files.writeString(in.resolve("ok.txt"), "x");
    Files.createSymbolicLink(in.resolve("a.txt"), Path.of("b.txt"));
    Files.createSymbolicLink(in.resolve("b.txt"), Path.of("a.txt"));
    Files.createSymbolicLink(in.resolve("dangling.txt"), Path.of("missing.txt"));
    Files.createSymbolicLink(in.resolve("good-link.txt"), Path.of("ok.txt"));
    Files.createDirectories(in.resolve("sub"));
    Files.writeString(in.resolve("sub/inner.txt"), "y");
    Files.createSymbolicLink(in.resolve("sub/up"), Path.of(".."));

    Map<String, DocumentLister.Entry> entries = list();

    assertEquals(List.of("a.txt", "b.txt", "dangling.txt", "good-link.txt", "ok.txt",
        "sub/inner.txt", "sub/up"), List.copyOf(entries.keySet()));
    for (String link : List.of("a.txt", "b.txt", "dangling.txt")) {
      assertTrue(entries.get(link).error().startsWith("symbolic link that leads nowhere"),
          entries.get(link).error());
    }
    assertTrue(entries.get("sub/up").error().contains("link loop"), entries.get("sub/up")
        .error());
    assertNull(entries.get("good-link.txt").error());
    assertEquals(1, entries.get("good-link.txt").sizeBytes());
    assertNull(entries.get("sub/inner.txt").error());
  }

  @Test
  void pipesAreNotOpenedAndOddNamesKeepTheirNames() throws Exception {
    Files.writeString(in.resolve("colon:in:name.txt"), "x");
    Files.writeString(in.resolve("back\\slash #1 100%.txt"), "x");
    Process mkfifo = new ProcessBuilder("mkfifo", in.resolve("pipe.txt").toString()).start();
    final boolean pipe = mkfifo.waitFor() == 0;

    Map<String, DocumentLister.Entry> entries = list();

    assertNull(entries.get("colon:in:name.txt").error());
    assertTrue(entries.get("colon:in:name.txt").uri().endsWith("/colon:in:name.txt"));
    assertNull(entries.get("back\\slash #1 100%.txt").error());
    if (pipe) {
      assertTrue(entries.get("pipe.txt").error().startsWith("not a regular file"),
          entries.get("pipe.txt").error());
    }
  }

  @Test
  void folderThatCannotBeListedIsOneEntry() throws Exception {
    Path locked = Files.createDirectories(in.resolve("locked"));
    Files.writeString(locked.resolve("inside.txt"), "x");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      Map<String, DocumentLister.Entry> entries = list();
      if (Files.isReadable(locked)) { // root lists any folder
        assertNull(entries.get("locked/inside.txt").error());
      } else {
        assertEquals("folder not readable: permission denied", entries.get("locked").error());
        assertEquals(1, entries.size());
      }
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
