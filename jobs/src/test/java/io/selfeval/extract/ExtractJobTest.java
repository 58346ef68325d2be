package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.CapturedLog;
import io.selfeval.model.FormRecord;
import io.selfeval.model.Records;
import io.selfeval.model.Schemas;
import io.selfeval.spark.SharedSpark;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractJobTest {

  @TempDir
  Path tmp;

  @Test
  void extractsEveryDocumentAccountsForEachAndLeaksNoPersonalData() throws IOException {
    Path input = Files.createDirectories(tmp.resolve("in"));
    Files.write(input.resolve("001_b0594b0c6d3b86f7.txt"), Seeds.bytes(Seeds.NAMES.get(1)));
    Files.write(input.resolve("004 岳阳 三大队.txt"), Seeds.bytes(Seeds.NAMES.get(4)));
    Path nested = Files.createDirectories(input.resolve("2021/株洲"));
    Files.write(nested.resolve("001-gbk.txt"),
        Seeds.text(Seeds.NAMES.get(1)).getBytes(Charset.forName("GBK")));
    Files.write(input.resolve("empty.txt"), new byte[0]);
    Files.write(input.resolve("scan.txt"), new byte[] {0x25, 0x50, 0x44, 0x46, 0, 0, 1, 2});
    Files.writeString(input.resolve("signer.txt"), "2023年度预算单位整体支出绩效自评报告\n"
        + "编制单位：某某执法大队\n填表人：王小明 联系电话：13912345678 身份证430102199001011234\n"
        + "2023年度预算资金100.5万元。\n", StandardCharsets.UTF_8);
    // an archive: each entry its own outcome; an entry named out of the archive is not read
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(
        input.resolve("reports.zip")), StandardCharsets.UTF_8)) {
      zip.putNextEntry(new ZipEntry("2021/001.txt"));
      zip.write(Seeds.bytes(Seeds.NAMES.get(1)));
      zip.putNextEntry(new ZipEntry("../evil.txt"));
      zip.write(Seeds.bytes(Seeds.NAMES.get(1)));
    }
    String records = tmp.resolve("out/records").toString();
    String outcomes = tmp.resolve("out/outcomes").toString();

    SparkSession spark = SharedSpark.get();
    StringWriter log = new StringWriter();
    ExtractSummary summary = CapturedLog.during(log,
        () -> new ExtractJob(spark).run(input.toString(), records, outcomes));

    assertEquals(8, summary.documents());
    assertEquals(3, summary.rejected());
    assertEquals(5, summary.parsed() + summary.parsedWithWarnings());
    assertEquals(1 + 1 + 1 + 1 + 1, summary.forms());
    assertEquals(9 + 17 + 9 + 9, summary.indicatorRows());

    Map<String, Row> byFile = new HashMap<>();
    for (Row r : spark.read().schema(outcomeSchema())
        .json(outcomes).collectAsList()) {
      byFile.put(r.getAs("file"), r);
    }
    assertEquals(8, byFile.size(), byFile.keySet().toString());
    assertEquals("rejected", byFile.get("empty.txt").getAs("status"));
    assertEquals("empty file (0 bytes)", byFile.get("empty.txt").getAs("reason"));
    // the PDF magic bytes make it a PDF, a broken one
    assertTrue(((String) byFile.get("scan.txt").getAs("reason")).startsWith("corrupt PDF"));
    assertEquals(9, (int) byFile.get("reports.zip!/2021/001.txt").getAs("indicator_rows"));
    assertEquals("rejected", byFile.get("reports.zip!/entry 2 (unsafe name)").getAs("status"));
    assertEquals("GB18030", byFile.get("2021/株洲/001-gbk.txt").getAs("encoding"));
    assertEquals(17, (int) byFile.get("004 岳阳 三大队.txt").getAs("indicator_rows"));

    List<String> lines = spark.read().text(records).as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(5, lines.size());
    for (String json : lines) {
      FormRecord r = Records.fromJson(json);
      assertTrue(byFile.containsKey(r.source().file()), r.source().file());
    }

    StringBuilder everything = new StringBuilder(log.toString());
    try (Stream<Path> files = Files.walk(tmp.resolve("out"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        everything.append(Files.readString(f, StandardCharsets.ISO_8859_1));
        everything.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
    }
    assertTrue(log.toString().contains("7 documents"), log.toString());
    for (String secret : List.of("王小明", "13912345678", "430102199001011234", "李华",
        "13800138000")) {
      assertFalse(everything.toString().contains(secret), secret + " leaked");
    }
  }

  @Test
  void readsReportWhoseNameHoldsColons() throws IOException {
    // found by the bad-input corpus: Hadoop's checksummed local file system builds the name of
    // a .crc sidecar from the report's name, and a ':' in it failed the read
    Path input = Files.createDirectories(tmp.resolve("colon-in"));
    Files.write(input.resolve("2021:株洲 支队.txt"), Seeds.bytes(Seeds.NAMES.get(1)));
    String outcomes = tmp.resolve("colon-out/outcomes").toString();
    ExtractSummary summary = new ExtractJob(SharedSpark.get()).run(input.toString(),
        tmp.resolve("colon-out/records").toString(), outcomes);
    Row outcome = SharedSpark.get().read().schema(outcomeSchema()).json(outcomes).first();
    assertEquals("2021:株洲 支队.txt", outcome.getAs("file"));
    assertEquals("parsed", outcome.getAs("status"), (String) outcome.getAs("reason"));
    assertEquals(1, summary.forms());
  }

  @Test
  void documentsAlreadyLoadedAreHashedNotExtracted() throws IOException {
    Path input = Files.createDirectories(tmp.resolve("inc-in"));
    Files.write(input.resolve("old.txt"), Seeds.bytes(Seeds.NAMES.get(1)));
    Files.write(input.resolve("old copy.txt"), Seeds.bytes(Seeds.NAMES.get(1)));
    Files.write(input.resolve("new.txt"), Seeds.bytes(Seeds.NAMES.get(4)));
    Files.write(input.resolve("empty.txt"), new byte[0]);
    SparkSession spark = SharedSpark.get();
    String known = Records.sha256Hex(Seeds.bytes(Seeds.NAMES.get(1)));
    org.apache.spark.sql.Dataset<Row> loaded = spark.createDataset(List.of(known, known,
        Records.sha256Hex("never seen".getBytes(StandardCharsets.UTF_8))),
        org.apache.spark.sql.Encoders.STRING()).toDF("document_sha256");
    String records = tmp.resolve("inc-out/records").toString();
    String outcomes = tmp.resolve("inc-out/outcomes").toString();

    ExtractSummary summary = new ExtractJob(spark).run(input.toString(), records, outcomes,
        loaded);

    assertEquals(4, summary.documents());
    assertEquals(2, summary.unchanged());
    assertEquals(1, summary.parsed() + summary.parsedWithWarnings());
    assertEquals(1, summary.rejected());
    assertEquals(1, summary.forms());
    Map<String, Row> byFile = new HashMap<>();
    for (Row r : spark.read().schema(outcomeSchema()).json(outcomes).collectAsList()) {
      byFile.put(r.getAs("file"), r);
    }
    for (String name : List.of("old.txt", "old copy.txt")) {
      Row r = byFile.get(name);
      assertEquals("unchanged", r.getAs("status"), name);
      assertEquals(known, r.getAs("sha256"), name);
      assertEquals(0, (int) r.getAs("forms"), name);
      assertEquals((long) Seeds.bytes(Seeds.NAMES.get(1)).length, (long) r.getAs("size_bytes"));
    }
    assertEquals(17, (int) byFile.get("new.txt").getAs("indicator_rows"));
    assertEquals("empty file (0 bytes)", byFile.get("empty.txt").getAs("reason"));
    List<String> lines = spark.read().text(records).as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(1, lines.size());
    assertEquals("new.txt", Records.fromJson(lines.get(0)).source().file());
  }

  private static org.apache.spark.sql.types.StructType outcomeSchema() {
    return Schemas.ddl("tables/document_outcomes.ddl");
  }

}
