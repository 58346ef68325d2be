package io.selfeval.extract.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.extract.ReportExtractor;
import io.selfeval.extract.ReportExtractor.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** A .zip of reports is read entry by entry, each with its own outcome, and bounded. */
class ArchivesTest {

  @Test
  void everyEntryIsDocumentOfItsOwn() throws Exception {
    byte[] zip = zip(List.of(
        entry("2023/自评.docx", SampleWriters.docx()),
        entry("2023/说明.txt", "这是一封与预算无关的通知。\n".getBytes(StandardCharsets.UTF_8)),
        entry("2023/", new byte[0])));
    List<ReportExtractor.Result> results = ReportExtractor.extractAll(zip, "in/reports.zip");
    assertEquals(2, results.size(), results.toString());
    ReportExtractor.Result docx = results.get(0);
    assertEquals("in/reports.zip!/2023/自评.docx", docx.file());
    FormatReadersTest.assertSampleValues(FormatReadersTest.only(docx));
    assertEquals("in/reports.zip!/2023/说明.txt", results.get(1).file());
    assertEquals(Status.REJECTED, results.get(1).status());
  }

  @Test
  void entryNamedOutOfTheArchiveIsNotReadNorNamed() throws Exception {
    byte[] zip = zip(List.of(
        entry("../../etc/cron.d/evil.txt", "2023年度 x".getBytes(StandardCharsets.UTF_8)),
        entry("ok/自评.xlsx", SampleWriters.xlsx())));
    List<ReportExtractor.Result> results = ReportExtractor.extractAll(zip, "a.zip");
    assertEquals(2, results.size(), results.toString());
    ReportExtractor.Result evil = results.get(0);
    assertEquals(Status.REJECTED, evil.status());
    assertFalse(evil.file().contains(".."), evil.file());
    assertFalse(evil.file().contains("evil"), evil.file());
    assertTrue(evil.reason().contains("climbs out"), evil.reason());
    FormatReadersTest.assertSampleValues(FormatReadersTest.only(results.get(1)));
  }

  @Test
  void zipBombStopsAtTheBoundWithReason() throws Exception {
    // 200 MiB of zeros deflate to about 200 KiB: past the per-entry bound of 128 MiB
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] block = new byte[1024 * 1024];
      for (int i = 0; i < 200; i++) {
        out.write(block);
      }
      out.closeEntry();
      out.putNextEntry(new ZipEntry("after.txt"));
      out.write("2023年度".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    byte[] zip = bytes.toByteArray();
    assertTrue(zip.length < 1024 * 1024, "the bomb is small: " + zip.length);
    List<ReportExtractor.Result> results = ReportExtractor.extractAll(zip, "bomb.zip");
    assertEquals(2, results.size(), results.toString());
    assertEquals("bomb.zip!/zeros.txt", results.get(0).file());
    assertEquals(Status.REJECTED, results.get(0).status());
    assertTrue(results.get(0).reason().contains("zip bomb"), results.get(0).reason());
    // the archive itself says reading stopped; the entry after the bomb is not read
    assertEquals("bomb.zip", results.get(1).file());
    assertTrue(results.get(1).reason().contains("reading stopped"), results.get(1).reason());
  }

  @Test
  void archiveInsideArchiveIsNotOpened() throws Exception {
    byte[] inner = zip(List.of(entry("x.txt", "2023年度".getBytes(StandardCharsets.UTF_8))));
    List<ReportExtractor.Result> results =
        ReportExtractor.extractAll(zip(List.of(entry("inner.zip", inner))), "outer.zip");
    assertEquals(1, results.size());
    assertEquals("outer.zip!/inner.zip", results.get(0).file());
    assertTrue(results.get(0).reason().contains("archive inside an archive"));
  }

  @Test
  void singleDocumentIsOneResultAndZipIsNotReadAsOne() throws Exception {
    List<ReportExtractor.Result> one = ReportExtractor.extractAll(SampleWriters.docx(), "a.docx");
    assertEquals(1, one.size());
    assertNull(one.get(0).reason());
    byte[] zip = zip(List.of(entry("x.txt", "2023年度".getBytes(StandardCharsets.UTF_8))));
    ReportExtractor.Result asOne = ReportExtractor.extract(zip, "a.zip");
    assertEquals(Status.REJECTED, asOne.status());
    assertTrue(asOne.reason().startsWith("zip archive"), asOne.reason());
  }

  @Test
  void namesWithoutTheUtf8FlagAreReadAsUtf8OrGbk() {
    // what ZipInputStream hands over for unflagged names read byte for byte
    String utf8 = new String("自评/报告.docx".getBytes(StandardCharsets.UTF_8),
        StandardCharsets.ISO_8859_1);
    String gbk = new String("自评/报告.docx".getBytes(java.nio.charset.Charset.forName("GBK")),
        StandardCharsets.ISO_8859_1);
    assertEquals("自评/报告.docx", ZipReader.name(utf8));
    assertEquals("自评/报告.docx", ZipReader.name(gbk));
    assertEquals("自评/报告.docx", ZipReader.name("自评/报告.docx"));
  }

  private record Entry(String name, byte[] bytes) {}

  private static Entry entry(String name, byte[] bytes) {
    return new Entry(name, bytes);
  }

  private static byte[] zip(List<Entry> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Entry e : entries) {
        out.putNextEntry(new ZipEntry(e.name()));
        out.write(e.bytes());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
