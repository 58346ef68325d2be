package io.selfeval.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.Records;
import io.selfeval.site.SiteRows.Excerpt;
import io.selfeval.site.SiteRows.SourceLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report lines beside a flag, read again from the input folder. */
class SourceLinesTest {

  @TempDir
  Path input;

  @Test
  void colonInTheReportsNameIsPartOfTheName() throws Exception {
    byte[] bytes = "第一行\n总分\t100\t96\n第三行\n".getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(input.resolve("sub"));
    Files.write(input.resolve("sub/2023:自评表.txt"), bytes);
    Excerpt e = new SourceLines(input.toString(), new Configuration())
        .around("sub/2023:自评表.txt", Records.sha256Hex(bytes), 2);
    assertNull(e.missing(), e.missing());
    assertEquals(3, e.lines().size());
    assertTrue(e.lines().get(1).text().startsWith("总分"), e.lines().toString());
  }

  @Test
  void documentThatCannotBeReadCostsItsExcerptNotTheSite() {
    Excerpt e = new SourceLines(input.toString(), new Configuration())
        .around("no such:file.txt", "00", 2);
    assertTrue(e.lines().isEmpty());
    assertTrue(e.missing().contains("no such:file.txt"), e.missing());
  }

  @Test
  void wordDocumentIsReadAsExtractReadsIt() throws Exception {
    byte[] bytes;
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String p : new String[] {"一、基本情况", "二、执行情况", "三、总分96分"}) {
        doc.createParagraph().createRun().setText(p);
      }
      doc.write(out);
      bytes = out.toByteArray();
    }
    Files.write(input.resolve("自评报告.docx"), bytes);
    Excerpt e = new SourceLines(input.toString(), new Configuration())
        .around("自评报告.docx", Records.sha256Hex(bytes), 2);
    assertNull(e.missing(), e.missing());
    assertEquals("二、执行情况", e.lines().stream().filter(SourceLine::marked).findFirst()
        .orElseThrow().text());
  }

  @Test
  void archiveEntryIsReadFromInsideItsArchive() throws Exception {
    byte[] entry = "甲\n乙：联系电话13812345678\n丙\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
      out.putNextEntry(new ZipEntry("2023/表.txt"));
      out.write(entry);
      out.closeEntry();
    }
    Files.write(input.resolve("下载.zip"), zip.toByteArray());
    SourceLines lines = new SourceLines(input.toString(), new Configuration());
    Excerpt e = lines.around("下载.zip!/2023/表.txt", Records.sha256Hex(entry), 2);
    assertNull(e.missing(), e.missing());
    assertEquals(3, e.lines().size());
    String cited = e.lines().get(1).text();
    assertTrue(cited.startsWith("乙") && !cited.contains("13812345678"), cited);
    assertTrue(lines.around("下载.zip!/2023/无.txt", "00", 1).missing()
        .contains("no longer in its archive"));
  }
}
