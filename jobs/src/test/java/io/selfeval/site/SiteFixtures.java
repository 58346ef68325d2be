package io.selfeval.site;

import io.selfeval.model.Records;
import io.selfeval.site.SiteRows.BudgetLine;
import io.selfeval.site.SiteRows.Flag;
import io.selfeval.site.SiteRows.Form;
import io.selfeval.site.SiteRows.Indicator;
import io.selfeval.site.SiteRows.UnitLink;
import io.selfeval.site.SiteRows.UnitYear;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small site's rows written inline: two units (one named {@code <script>alert(1)</script>}),
 * three forms, a form flag citing the 总分 line of a document with personal data in it, and a
 * flag on a whole year.
 */
final class SiteFixtures {

  static final String XSS = "<script>alert(1)</script>";
  static final String DOC = String.join("\n",
      "某某局2023年度项目支出绩效自评表", "项目名称：办案费", "填表人：张三 电话：13912345678",
      "| 年度指标值 | 实际完成值 |", "| 结案率 | ≥95% | 96% | 10 | 10 |",
      "| 总分 | 100 | 96 | 优 |", "备注：无", "");

  private SiteFixtures() {}

  static BigDecimal dec(String v) {
    return v == null ? null : new BigDecimal(v);
  }

  static Form form(String id, String unitId, String unit, int year, String project,
      String risk, String sha, int flags) {
    return new Form(id, unitId, unit, year, "project", project, dec("10"), dec("12"),
        dec("12"), dec("1"), dec("1"), dec("10"), dec("10"), dec("10"), dec("96"), "优", "优",
        dec("87"), dec("85.5"), dec("97"), dec("95.5"), dec("0.5"), flags, 0, 0, flags,
        dec(risk), "a/doc.txt", sha, 1, 7, 5, 6);
  }

  /** The rows, with the document written to {@code input}/a/doc.txt. */
  static SiteData sample(Path input) throws IOException {
    Files.createDirectories(input.resolve("a"));
    byte[] bytes = DOC.getBytes(StandardCharsets.UTF_8);
    Files.write(input.resolve("a/doc.txt"), bytes);
    String sha = Records.sha256Hex(bytes);
    List<Form> forms = List.of(
        form("f1", "u1", XSS, 2023, "办案费", "6", sha, 1),
        form("f2", "u2", "某某中心", 2023, "巡查经费", "11", sha, 0),
        form("f3", "u1", XSS, 2022, null, "0.5", sha, 0));
    List<Flag> flags = List.of(
        new Flag("g1", "PARTS_NOT_TOTAL", "high", "u1", XSS, 2023, "f1", "办案费", null,
            "10 + 87 = 97, printed 96", "a/doc.txt", 6),
        new Flag("g2", "DIGIT_ANOMALY", "low", null, null, 2023, null, null, null,
            "benford_first_digit mad 0.02", null, null));
    return new SiteData("r1", forms,
        List.of(new BudgetLine("f1", 0, "财政拨款", dec("10"), dec("12"), dec("12"), null, 4)),
        List.of(new Indicator("f1", 0, "产出指标", "质量指标", "结案率", "≥95%", "96%", null,
            "exceeded", dec("10"), dec("10"), dec("10"), dec("0"), "full_weight", 5)),
        flags,
        List.of(new UnitYear("u1", 2023, XSS, "department", 1, dec("1"), dec("96"), dec("95.5"),
            dec("0.5"), null, 1, 1)),
        List.of(new UnitLink("u0", "旧名称局", 2021, "u1", XSS, 2022, dec("0.4"))));
  }
}
