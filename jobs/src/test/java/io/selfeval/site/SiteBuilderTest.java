package io.selfeval.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.Records;
import io.selfeval.site.SiteRows.BudgetLine;
import io.selfeval.site.SiteRows.Flag;
import io.selfeval.site.SiteRows.Form;
import io.selfeval.site.SiteRows.Indicator;
import io.selfeval.site.SiteRows.UnitLink;
import io.selfeval.site.SiteRows.UnitYear;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages rendered from inline rows, without Spark. */
class SiteBuilderTest {

  private static final String XSS = "<script>alert(1)</script>";
  private static final String DOC = String.join("\n",
      "某某局2023年度项目支出绩效自评表", "项目名称：办案费", "填表人：张三 电话：13912345678",
      "| 年度指标值 | 实际完成值 |", "| 结案率 | ≥95% | 96% | 10 | 10 |",
      "| 总分 | 100 | 96 | 优 |", "备注：无", "");

  @TempDir
  Path input;

  private static BigDecimal dec(String v) {
    return v == null ? null : new BigDecimal(v);
  }

  private static Form form(String id, String unitId, String unit, int year, String project,
      String risk, String sha, int flags) {
    return new Form(id, unitId, unit, year, "project", project, dec("10"), dec("12"),
        dec("12"), dec("1"), dec("1"), dec("10"), dec("10"), dec("10"), dec("96"), "优", "优",
        dec("87"), dec("85.5"), dec("97"), dec("95.5"), dec("0.5"), flags, 0, 0, flags,
        dec(risk), "a/doc.txt", sha, 1, 7, 5, 6);
  }

  private Map<String, String> build(SiteData data) {
    Map<String, String> pages = new LinkedHashMap<>();
    new SiteBuilder(new SitePages(), new SourceLines(input.toString(), new Configuration()),
        new Rules(null)).build(data, pages::put);
    return pages;
  }

  private SiteData sample() throws Exception {
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

  @Test
  void unitNameWithScriptTagShowsAsText() throws Exception {
    Map<String, String> pages = build(sample());
    for (String page : List.of("index.html", "risk/1.html", "unit/u1.html", "form/f1.html",
        "rule/PARTS_NOT_TOTAL.html", "year/2023.html")) {
      String html = pages.get(page);
      assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
      assertFalse(html.contains(XSS), page);
    }
  }

  @Test
  void theOverviewCountsAndTheRankingFollowTheRows() throws Exception {
    Map<String, String> pages = build(sample());
    String index = pages.get("index.html");
    assertTrue(index.contains("<span class=\"big\" id=\"stat-forms\">3</span>"));
    assertTrue(index.contains("<span class=\"big\" id=\"stat-flags\">2</span>"));
    assertTrue(index.contains("<span class=\"big\" id=\"stat-units\">2</span>"));
    String risk = pages.get("risk/1.html");
    // risk 11 (巡查经费) before 6 (办案费) before 0.5 (the unit form)
    assertTrue(risk.indexOf("巡查经费") < risk.indexOf("办案费"));
    assertTrue(risk.indexOf("办案费") < risk.indexOf("form/f3.html"));
    assertTrue(pages.containsKey("year/2022.html"));
    assertTrue(pages.containsKey("rule/DIGIT_ANOMALY.html"));
  }

  @Test
  void flagShowsItsLineHighlightedAndPersonalDataMasked() throws Exception {
    String form = build(sample()).get("form/f1.html");
    assertTrue(form.contains("<tr class=\"hit\"><td class=\"ln\">6</td>"
        + "<td class=\"tx\">| 总分 | 100 | 96 | 优 |</td></tr>"), form);
    assertTrue(form.contains("<td class=\"ln\">3</td>"));
    assertFalse(form.contains("13912345678"));
    assertFalse(form.contains("张三"));
    assertTrue(form.contains("填表人：*** 电话：***"));
    assertTrue(form.contains("10 + 87 = 97, printed 96"));
  }

  @Test
  void changedDocumentShowsNoLinesAndSaysWhy() throws Exception {
    SiteData data = sample();
    Files.writeString(input.resolve("a/doc.txt"), "changed\n");
    String form = build(data).get("form/f1.html");
    assertTrue(form.contains("has changed since it was loaded"));
    assertFalse(form.contains("class=\"hit\""));
  }

  @Test
  void everyLinkReachesPageAndLongListsArePaged() throws Exception {
    SiteData small = sample();
    List<Form> many = new ArrayList<>(small.forms());
    for (int i = 0; i < SiteBuilder.PAGE_SIZE; i++) {
      many.add(form("m" + i, "u2", "某某中心", 2023, "项目" + i, "1", null, 0));
    }
    Map<String, String> pages = build(new SiteData("r1", many, small.budgetLines(),
        small.indicators(), small.flags(), small.unitYears(), small.unitLinks()));
    assertTrue(pages.containsKey("risk/2.html"));
    assertFalse(pages.containsKey("risk/3.html"));
    Pattern href = Pattern.compile("href=\"([^\"#]+)");
    int links = 0;
    for (Map.Entry<String, String> page : pages.entrySet()) {
      Path dir = Path.of(page.getKey()).getParent();
      Matcher m = href.matcher(page.getValue());
      while (m.find()) {
        String target = (dir == null ? Path.of(m.group(1)) : dir.resolve(m.group(1)))
            .normalize().toString();
        if (!target.startsWith("assets/")) {
          assertTrue(pages.containsKey(target), page.getKey() + " links to " + target);
          links++;
        }
      }
    }
    assertTrue(links > 2000, "links checked: " + links);
    // u0, the unit's earlier name, has no forms here: named, not linked
    assertFalse(pages.get("unit/u1.html").contains("u0.html"));
    assertTrue(pages.get("unit/u1.html").contains("旧名称局"));
  }

  @Test
  void ruleThresholdsComeFromTheConfiguration() {
    Rules.Rule rule = new Rules(null).rule("SCORE_EXCESS");
    assertEquals("medium", rule.severity());
    assertEquals(List.of(new Rules.Threshold("score_excess_min_points", "0.5")),
        rule.thresholds());
  }
}
