package io.selfeval.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.Records;
import io.selfeval.site.SiteRows.Excerpt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
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
}
