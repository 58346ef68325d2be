package io.selfeval.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.cli.SeedWarehouse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The site of the seed run ({@code selfeval run} ends with site) opened from disk in a real
 * browser: Debian's headless chromium driven through its chromedriver, no network. Skipped, with
 * the reason, when chromium or chromedriver is not installed (.ci/run installs them).
 */
class SiteBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target/site-screenshots");

  private static WebDriver browser;
  private static Path site;

  @BeforeAll
  static void openBrowser() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "SiteBrowserIT skipped: no " + CHROMIUM + " or " + DRIVER
            + " (apt-get install -y chromium chromium-driver fonts-noto-cjk)");
    site = SeedWarehouse.get().resolve("site/current").toRealPath();
    Path profile = Files.createTempDirectory("site-chromium-");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--no-first-run", "--disable-component-update",
            "--disable-sync", "--window-size=1400,1800", "--user-data-dir=" + profile);
    browser = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).build(), options);
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static void open(Path page) {
    browser.get(page.toUri().toString());
  }

  private static void screenshot(String name) throws IOException {
    Files.write(SHOTS.resolve(name),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void overviewCountsTheSeedsAndRanksBanAnFeiFirst() throws IOException {
    open(site.resolve("index.html"));
    assertEquals("9", browser.findElement(By.id("stat-forms")).getText());
    assertEquals("24", browser.findElement(By.id("stat-flags")).getText());
    screenshot("overview.png");

    open(site.resolve("risk/1.html"));
    List<WebElement> rows = browser.findElements(By.cssSelector("#risk-table tbody tr"));
    assertEquals(9, rows.size());
    List<WebElement> first = rows.get(0).findElements(By.tagName("td"));
    assertEquals("办案费", first.get(1).getText());
    assertEquals("6", first.get(9).getAttribute("data-v"));
    // the page's own script filters and sorts the table
    browser.findElement(By.id("filter")).sendKeys("协管员");
    assertEquals(1, browser.findElements(By.cssSelector("#risk-table tbody tr")).stream()
        .filter(WebElement::isDisplayed).count());
  }

  @Test
  void banAnFeiPageHighlightsThePrintedTotalAndShowsSixFlags() throws IOException {
    open(site.resolve("risk/1.html"));
    browser.findElement(By.linkText("办案费")).click();
    assertEquals(6, browser.findElements(By.cssSelector("section.flag")).size());
    assertEquals("96", browser.findElement(By.id("reported-total")).getText());
    // the excerpt at 总分: the line holding 总分 shown, the printed 96 marked
    WebElement excerpt = browser.findElement(By.cssSelector("table.source"));
    assertTrue(excerpt.getText().contains("总分"), excerpt.getText());
    WebElement hit = excerpt.findElement(By.cssSelector("tr.hit"));
    assertEquals("96", hit.findElement(By.cssSelector("td.tx")).getText().strip());
    assertEquals("rgba(255, 224, 138, 1)",
        hit.findElement(By.cssSelector("td.tx")).getCssValue("background-color"));
    screenshot("form-banan.png");
  }

  @Test
  void yearChartsAreDrawnByTheBundledEcharts() throws IOException {
    open(site.resolve("year/2024.html"));
    Object loaded = ((JavascriptExecutor) browser).executeScript(
        "return typeof echarts !== 'undefined' && document.querySelectorAll("
            + "'#chart-totals svg, #chart-rates svg').length");
    assertEquals(2L, loaded);
    screenshot("year-2024.png");
  }

  @Test
  void everyLinkFromTheIndexReachesPage() {
    Deque<Path> todo = new ArrayDeque<>(List.of(site.resolve("index.html")));
    Set<Path> seen = new HashSet<>(todo);
    Map<Path, Path> missing = new LinkedHashMap<>();
    while (!todo.isEmpty()) {
      Path page = todo.pop();
      open(page);
      @SuppressWarnings("unchecked")
      List<String> hrefs = (List<String>) ((JavascriptExecutor) browser).executeScript(
          "return Array.from(document.links).map(a => a.href)");
      for (String href : hrefs) {
        assertTrue(href.startsWith("file:"), page + " links outside the site: " + href);
        Path target = Path.of(URI.create(href.replaceAll("#.*$", "")));
        if (!Files.exists(target)) {
          missing.put(target, page);
        } else if (seen.add(target)) {
          todo.push(target);
        }
      }
    }
    assertEquals(Map.of(), missing);
    // 1 index + 3 years + 1 risk page + 9 forms + 5 units + 1 unit list + 10 rules
    assertEquals(30, seen.size());
  }

  @Test
  void scriptInUnitNameShowsAsTextAndRunsNothing(@TempDir Path dir) throws IOException {
    SiteWriter writer = new SiteWriter(dir.resolve("wh").toString(), "r1");
    new SiteBuilder(new SitePages(), new SourceLines(dir.toString(), new Configuration()),
        new Rules(null)).build(SiteFixtures.sample(dir), writer::page);
    writer.assets();
    writer.switchToThis();
    open(writer.currentIndex());
    assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    assertTrue(browser.findElement(By.id("top-forms")).getText().contains(SiteFixtures.XSS));
    open(writer.currentIndex().resolveSibling("unit/u1.html"));
    assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    assertEquals(SiteFixtures.XSS, browser.findElement(By.tagName("h1")).getText());
    assertFalse(browser.getPageSource().contains("<script>alert(1)"));
  }
}
