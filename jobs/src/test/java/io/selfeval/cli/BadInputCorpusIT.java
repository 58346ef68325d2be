package io.selfeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.CapturedLog;
import io.selfeval.model.FormRecord;
import io.selfeval.model.Records;
import io.selfeval.model.Schemas;
import io.selfeval.model.Warning;
import io.selfeval.pipeline.ExitCodes;
import io.selfeval.spark.SharedSpark;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus ({@code bad-inputs/} in the test resources, each case and its expected
 * outcome in {@code bad-inputs/EXPECTED.tsv}) plus the cases made here at run time (a 50 MiB
 * file, unreadable files and folders, links that loop, a pipe, a socket, names git cannot
 * hold), through one {@code selfeval run}. Every input must be accounted for exactly once, as
 * expected, in the outcomes, the rejects table and the ledger, and nothing may stop the run.
 */
class BadInputCorpusIT {

  private static final String EXPECTED = "/bad-inputs/EXPECTED.tsv";
  private static final List<String> SECRETS = List.of("王建国", "张伟", "0731-22334455",
      "13987654321", "430102198805061234", "wangjg@example.com", "李华", "13800138000",
      // personal-data-disguised.txt, as they would read if they leaked
      "阿卜杜热合曼", "买买提·艾力", "赵 六", "孙 七", "周八", "139 0013 9001", "84567892",
      "430102 19880506 123X", "４３０１０２１９８８０５０６５６７８", "6222 0212 3456 7894", "zhao.liu",
      "qian(at)", "8456-7893");

  /** One line of EXPECTED.tsv. */
  record Case(String file, String exercises, String outcome, String expect, String forms,
      String rows, String load, String asRoot) {

    String outcomeHere() {
      return readsEverything && !asRoot.equals("-") ? asRoot : outcome;
    }
  }

  private static List<Case> cases;
  private static Path input;
  private static Path warehouse;
  private static boolean readsEverything;
  private static RuntimeCases made;
  private static int exitCode;
  private static String output;
  private static String log;
  private static long runMillis;
  private static Map<String, List<Row>> outcomesByFile;
  private static Map<String, List<String>> warningsByFile;

  @BeforeAll
  static void runOnce() throws Exception {
    cases = readExpected();
    Path base = Files.createTempDirectory(Path.of("target"), "bad-inputs-run-");
    input = Files.createDirectories(base.resolve("in"));
    warehouse = base.resolve("wh").toAbsolutePath();
    Path corpus = Path.of(BadInputCorpusIT.class.getResource(EXPECTED).toURI()).getParent();
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (!name.equals("EXPECTED.tsv") && !name.equals(".gitattributes")) {
          Path to = input.resolve(corpus.relativize(f).toString());
          Files.createDirectories(to.getParent());
          Files.copy(f, to);
        }
      }
    }
    made = RuntimeCases.makeIn(input);
    readsEverything = made.readsEverything();
    Runnable stopWatchingFifo = made.watchFifo();
    StringWriter out = new StringWriter();
    RunCommand run = InTestRun.parse(out, input, warehouse);
    StringWriter logged = new StringWriter();
    long started = System.nanoTime();
    try {
      exitCode = CapturedLog.during(logged, () -> {
        try {
          return run.call();
        } catch (Exception e) {
          throw new IllegalStateException("selfeval run over the bad inputs failed", e);
        }
      });
    } finally {
      stopWatchingFifo.run();
      runMillis = (System.nanoTime() - started) / 1_000_000;
      output = out.toString();
      log = logged.toString();
    }
    readOutcomesAndWarnings();
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (made != null) {
      made.close(); // the rest stays under target/ for inspection
    }
  }

  @Test
  void runCompletesAndEveryInputHasExactlyTheExpectedOutcome() {
    // completes; the rejections are new to this warehouse, which exit 4 tells a scheduler
    assertEquals(ExitCodes.SOME_REJECTED, exitCode, output);
    List<String> problems = new ArrayList<>();
    Set<String> expectedFiles = new TreeSet<>();
    for (Case c : cases) {
      if (!made.made(c.file()) || c.outcomeHere().equals("absent")) {
        if (outcomesByFile.containsKey(c.file())) {
          problems.add(c.file() + ": expected no outcome, got " + outcomesByFile.get(c.file()));
        }
        continue;
      }
      expectedFiles.add(c.file());
      List<Row> rows = outcomesByFile.getOrDefault(c.file(), List.of());
      if (rows.size() != 1) {
        problems.add(c.file() + ": " + rows.size() + " outcomes, expected exactly one");
        continue;
      }
      problems.addAll(compare(c, rows.get(0)));
    }
    for (String file : outcomesByFile.keySet()) {
      if (!expectedFiles.contains(file)) {
        problems.add(file + ": an outcome for a name that is not in the corpus");
      }
    }
    assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems)
        + "\n(readsEverything=" + readsEverything + ", not made: " + made.notMade() + ")");
    System.out.printf("bad-input corpus: %d cases (%d made at run time%s), run in %.1f s%n",
        expectedFiles.size(), cases.stream().filter(c -> c.file().startsWith("gen-")).count(),
        readsEverything ? ", as root" : "", runMillis / 1000.0);
  }

  private static List<String> compare(Case c, Row outcome) {
    List<String> problems = new ArrayList<>();
    String status = outcome.getAs("status");
    String expected = c.outcomeHere();
    String what = c.file() + " (" + c.exercises() + "): ";
    if (!expected.equals(status)) {
      problems.add(what + "status " + status + ", expected " + expected + "; reason "
          + outcome.getAs("reason") + ", warnings " + warningsByFile.get(c.file()));
      return problems;
    }
    boolean rootOverride = readsEverything && !c.asRoot().equals("-");
    if (status.equals("rejected") && !rootOverride) {
      String reason = outcome.getAs("reason");
      if (reason == null || !reason.contains(c.expect())) {
        problems.add(what + "reason '" + reason + "' lacks '" + c.expect() + "'");
      }
    }
    List<String> codes = warningsByFile.getOrDefault(c.file(), List.of());
    if (status.equals("parsed") && !codes.isEmpty()) {
      problems.add(what + "parsed, yet warned " + codes);
    }
    if (status.equals("parsed_with_warnings") && !c.expect().equals("-")) {
      for (String code : c.expect().split(",")) {
        if (!codes.contains(code)) {
          problems.add(what + "warnings " + codes + " lack " + code);
        }
      }
    }
    if (!rootOverride && !c.forms().equals("-")
        && Integer.parseInt(c.forms()) != outcome.<Integer>getAs("forms")) {
      problems.add(what + outcome.getAs("forms") + " forms, expected " + c.forms());
    }
    if (!rootOverride && !c.rows().equals("-")
        && Integer.parseInt(c.rows()) != outcome.<Integer>getAs("indicator_rows")) {
      problems.add(what + outcome.getAs("indicator_rows") + " indicator rows, expected "
          + c.rows());
    }
    return problems;
  }

  @Test
  void everyRejectedNameHasItsOwnRowInRejects() {
    SparkSession spark = SharedSpark.get();
    Map<String, List<String>> rejects = new TreeMap<>();
    for (Row r : spark.read().format("delta").load(warehouse + "/delta/rejects")
        .where("stage = 'extract'").collectAsList()) {
      rejects.computeIfAbsent(r.getAs("source_file"), k -> new ArrayList<>())
          .add(r.getAs("reason"));
    }
    Map<String, List<String>> expected = new TreeMap<>();
    for (Map.Entry<String, List<Row>> e : outcomesByFile.entrySet()) {
      for (Row r : e.getValue()) {
        if ("rejected".equals(r.getAs("status"))) {
          expected.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(r.getAs("reason"));
        }
      }
    }
    assertEquals(expected, rejects);
    assertTrue(spark.read().format("delta").load(warehouse + "/delta/rejects")
        .where("stage = 'load'").isEmpty(), "no record of the corpus violates the schema");
  }

  @Test
  void ledgerAccountsForEveryDocumentOfBothStages() {
    List<Row> ledger = SharedSpark.get().read().format("delta").load(warehouse + "/delta/runs")
        .orderBy("started_at", "ended_at").collectAsList();
    assertEquals(List.of("extract", "load", "analyse", "publish", "site"),
        ledger.stream().map(r -> r.<String>getAs("stage")).toList());
    Row extract = ledger.get(0);
    Row load = ledger.get(1);
    assertEquals("extract", extract.getAs("stage"));
    assertEquals("load", load.getAs("stage"));
    long documents = outcomesByFile.values().stream().mapToLong(List::size).sum();
    long parsed = count("parsed") + count("parsed_with_warnings");
    final long rejected = count("rejected");
    assertEquals(documents, (long) extract.getAs("documents_in"));
    assertEquals(parsed, (long) extract.getAs("documents_done"));
    assertEquals(count("parsed_with_warnings"), (long) extract.getAs("documents_with_warnings"));
    assertEquals(rejected, (long) extract.getAs("documents_rejected"));
    assertEquals(0L, (long) extract.getAs("documents_skipped"));
    assertEquals(documents, parsed + rejected);
    assertEquals("ok_with_rejects", extract.getAs("outcome"));

    long skipped = cases.stream().filter(c -> present(c) && c.load().equals("skipped")).count();
    long loaded = cases.stream().filter(c -> present(c) && c.outcomeHere().startsWith("parsed")
        && !c.load().equals("skipped")).count();
    assertEquals(parsed, (long) load.getAs("documents_in"), "load is given every parsed name");
    assertEquals(loaded, (long) load.getAs("documents_done"));
    assertEquals(skipped, (long) load.getAs("documents_skipped"));
    assertEquals(0L, (long) load.getAs("documents_rejected"));
    assertEquals((long) load.getAs("documents_in"), (long) load.<Long>getAs("documents_done")
        + load.<Long>getAs("documents_skipped") + load.<Long>getAs("documents_rejected"));
    System.out.printf("bad-input run: extract %.1f s, load %.1f s, whole run %.1f s%n",
        seconds(extract), seconds(load), runMillis / 1000.0);
  }

  @Test
  void formsHoldEveryParsedDocumentAndTheSameContentOnce() {
    assertTrue(SharedSpark.get().read().format("delta").load(warehouse + "/delta/superseded_forms")
        .count() > 0, "seed 004's unit form arrives from two documents: one is superseded");
    Map<String, Long> formsByFile = new TreeMap<>();
    Set<String> shas = new HashSet<>();
    // a form of one unit, year, kind and project from two documents is kept once: the other
    // (here seed 004's, which truncated-mid-table-cell-lines.txt repeats) is superseded, and
    // counts as loaded (issue 20 §4)
    for (String table : new String[] {"forms", "superseded_forms"}) {
      for (Row r : SharedSpark.get().read().format("delta").load(warehouse + "/delta/" + table)
          .select("source_file", "document_sha256").collectAsList()) {
        formsByFile.merge(r.getString(0), 1L, Long::sum);
        shas.add(r.getString(1));
      }
    }
    Map<String, Long> expected = new TreeMap<>();
    for (Case c : cases) {
      if (present(c) && c.outcomeHere().startsWith("parsed")) {
        Row outcome = outcomesByFile.get(c.file()).get(0);
        if (c.load().equals("skipped")) {
          assertTrue(shas.contains((String) outcome.getAs("sha256")), c.file()
              + ": its content is loaded under another name");
        } else {
          expected.put(c.file(), (long) outcome.<Integer>getAs("forms"));
        }
      }
    }
    assertEquals(expected, formsByFile);
    // the same bytes under two names: two outcomes with one sha256, one loaded name
    String a = outcomesByFile.get("same-content-a.txt").get(0).getAs("sha256");
    assertEquals(a, outcomesByFile.get("same-content-b (copy).txt").get(0).getAs("sha256"));
  }

  @Test
  void personalDataReachesNoOutputTableMartOrLog() throws IOException {
    SparkSession spark = SharedSpark.get();
    StringBuilder everything = new StringBuilder(log).append(output);
    try (Stream<Path> files = Files.walk(warehouse.resolve("staging"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        everything.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
    }
    try (Stream<Path> tables = Files.list(warehouse.resolve("delta"))) {
      for (Path t : tables.toList()) {
        everything.append(String.join("\n", spark.read().format("delta").load(t.toString())
            .toJSON().collectAsList()));
      }
    }
    try (Stream<Path> marts = Files.list(warehouse.resolve("marts"))) {
      for (Path m : marts.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
        everything.append(String.join("\n", spark.read().parquet(m.toString()).toJSON()
            .collectAsList()));
      }
    }
    for (String secret : SECRETS) {
      assertFalse(everything.toString().contains(secret), secret + " leaked");
    }
  }

  private static boolean present(Case c) {
    return made.made(c.file()) && !c.outcomeHere().equals("absent");
  }

  private static long count(String status) {
    return outcomesByFile.values().stream().flatMap(List::stream)
        .filter(r -> status.equals(r.getAs("status"))).count();
  }

  private static double seconds(Row ledgerRow) {
    return (((java.sql.Timestamp) ledgerRow.getAs("ended_at")).getTime()
        - ((java.sql.Timestamp) ledgerRow.getAs("started_at")).getTime()) / 1000.0;
  }

  private static List<Case> readExpected() throws IOException {
    List<Case> out = new ArrayList<>();
    try (var in = BadInputCorpusIT.class.getResourceAsStream(EXPECTED)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        assertEquals(8, f.length, "EXPECTED.tsv line: " + line);
        out.add(new Case(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]));
      }
    }
    return out;
  }

  private static void readOutcomesAndWarnings() {
    SparkSession spark = SharedSpark.get();
    outcomesByFile = new TreeMap<>();
    for (Row r : spark.read().schema(Schemas.ddl("tables/document_outcomes.ddl"))
        .json(warehouse + "/staging/document_outcomes").collectAsList()) {
      outcomesByFile.computeIfAbsent(r.getAs("file"), k -> new ArrayList<>()).add(r);
    }
    warningsByFile = new HashMap<>();
    for (String json : spark.read().text(warehouse + "/staging/records")
        .as(Encoders.STRING()).collectAsList()) {
      FormRecord r = Records.fromJson(json);
      List<String> codes = warningsByFile.computeIfAbsent(r.source().file(),
          k -> new ArrayList<>());
      r.warnings().stream().map(Warning::code).forEach(codes::add);
    }
  }
}
