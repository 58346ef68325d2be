package io.selfeval.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.site.SiteRows.Form;
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

  @TempDir
  Path input;

  private Map<String, String> build(SiteData data) {
    Map<String, String> pages = new LinkedHashMap<>();
    new SiteBuilder(new SitePages(), new SourceLines(input.toString(), new Configuration()),
        new Rules(null)).build(data, pages::put);
    return pages;
  }

  private SiteData sample() throws Exception {
    return SiteFixtures.sample(input);
  }

  @Test
  void unitNameWithScriptTagShowsAsText() throws Exception {
    Map<String, String> pages = build(sample());
    for (String page : List.of("index.html", "risk/1.html", "unit/u1.html", "form/f1.html",
        "rule/PARTS_NOT_TOTAL.html", "year/2023.html")) {
      String html = pages.get(page);
      assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
      assertFalse(html.contains(SiteFixtures.XSS), page);
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
  void formWhoseUnitWasNotReadHasItsPageAndNoUnitLink() throws Exception {
    SiteData small = sample();
    List<Form> forms = new ArrayList<>(small.forms());
    forms.add(SiteFixtures.form("f9", null, null, 2023, "无名项目", "2", null, 0));
    Map<String, String> pages = build(new SiteData("r1", forms, small.budgetLines(),
        small.indicators(), small.flags(), small.unitYears(), small.unitLinks()));
    String page = pages.get("form/f9.html");
    assertTrue(page.contains("无名项目"), page);
    assertFalse(page.contains("unit/null"), page);
  }

  @Test
  void everyLinkReachesPageAndLongListsArePaged() throws Exception {
    SiteData small = sample();
    List<Form> many = new ArrayList<>(small.forms());
    for (int i = 0; i < SiteBuilder.PAGE_SIZE; i++) {
      many.add(SiteFixtures.form("m" + i, "u2", "某某中心", 2023, "项目" + i, "1", null, 0));
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
