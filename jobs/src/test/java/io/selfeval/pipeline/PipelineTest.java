package io.selfeval.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.analyse.AnalyseStage;
import io.selfeval.extract.ExtractSummary;
import io.selfeval.extract.UnchangedInput;
import io.selfeval.load.LoadSummary;
import io.selfeval.publish.PublishJob;
import io.selfeval.publish.PublishStage;
import io.selfeval.site.SiteJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chain of {@code run} on fake stages and a fake ledger, no Spark: the order of the stages,
 * the row each leaves, the skipped rows, the failed row, the listener's calls, the exit code and
 * the summary line.
 */
class PipelineTest {

  private static final String RUN_ID = "20261202T090000Z-abcdef";

  /** Every call the fakes hear, in order: stages, ledger rows and listener calls. */
  private final List<String> heard = new ArrayList<>();

  private final Pipeline.Ledger ledger = (result, began, ended) -> heard.add("row "
      + result.stage() + " " + result.outcome() + " " + result.message());

  private final StageListener listener = new StageListener() {
    @Override
    public void begin(String stage) {
      heard.add("begin " + stage);
    }

    @Override
    public void end(StageResult result) {
      heard.add("end " + result.stage() + " " + result.outcome());
    }
  };

  /** Three documents: 2 parsed, 1 unchanged; 2 loaded; 4 forms and 5 flags analysed. */
  private class FakeStages implements Stages {
    boolean upToDate;
    long newRejects;
    RuntimeException loadFails;
    UnchangedInput.Unchanged unchanged;

    @Override
    public UnchangedInput.Unchanged unchanged() {
      if (unchanged != null) {
        heard.add("unchanged");
      }
      return unchanged;
    }

    @Override
    public ExtractSummary extract() {
      heard.add("extract");
      return new ExtractSummary(3, 2, 0, 1, 0, 2, 10, 4, 0, "records", "outcomes");
    }

    @Override
    public LoadSummary load() {
      heard.add("load");
      if (loadFails != null) {
        throw loadFails;
      }
      return new LoadSummary(2, 2, 0, 0, 2, 2, 10, 0, "wh");
    }

    @Override
    public String source() {
      heard.add("source");
      return "forms@3";
    }

    @Override
    public boolean upToDate(String source) {
      heard.add("upToDate " + source);
      return upToDate;
    }

    @Override
    public AnalyseStage.Result analyse(String source) {
      heard.add("analyse " + source);
      return new AnalyseStage.Result(10, 4, 5, "national", "wh");
    }

    @Override
    public PublishStage.Result publish(String source) {
      heard.add("publish " + source);
      return new PublishStage.Result(List.of(new PublishJob.Published("form_scorecard", 4,
          "wh/marts/form_scorecard", RUN_ID)), "wh", RUN_ID);
    }

    @Override
    public SiteJob.Built site() {
      heard.add("site");
      return new SiteJob.Built(7, 1000, Path.of("/wh/site/current/index.html"), RUN_ID, 1.0);
    }

    @Override
    public long newRejects() {
      return newRejects;
    }
  }

  private Pipeline pipeline(String warehouse, boolean force) {
    return new Pipeline(PipelineSettings.builder(warehouse, RUN_ID).input("in").force(force)
        .build(), listener, PipelineHooks.NONE);
  }

  @Test
  void runChainsTheStagesInOrderEachWithItsRow() throws Exception {
    Pipeline.Outcome outcome = pipeline("/wh", false).chain(new FakeStages(), ledger);
    assertEquals(List.of(
        "begin extract", "extract",
        "row extract ok extract: 3 documents (2 parsed, 0 parsed with warnings, 1 unchanged, "
            + "0 rejected); 2 forms, 10 indicator rows, 4 facts, 0 warnings",
        "end extract ok",
        "begin load", "load",
        "row load ok load: 2 documents (2 loaded, 0 skipped as already loaded, 0 rejected); "
            + "2 of 2 records loaded, 10 indicator rows; 0 extract rejects recorded; "
            + "0 documents retired",
        "end load ok",
        "source", "upToDate forms@3",
        "begin analyse", "analyse forms@3", "row analyse ok analyse done", "end analyse ok",
        "begin publish", "publish forms@3", "row publish ok publish done", "end publish ok",
        "begin site", "site", "row site ok site done", "end site ok"), heard);
    assertEquals(ExitCodes.OK, outcome.exitCode());
    assertTrue(outcome.summary().matches("run " + RUN_ID + ": done in [0-9.]+ s; 3 documents: "
        + "2 loaded, 1 unchanged, 0 rejected \\(0 new\\); 4 forms, 5 flags; marts published; "
        + "site /wh/site/current/index.html \\(exit 0\\)"), outcome.summary());
  }

  @Test
  void nothingNewSkipsAnalysePublishAndSiteWithTheirRows() throws Exception {
    FakeStages stages = new FakeStages();
    stages.upToDate = true;
    Pipeline.Outcome outcome = pipeline("/wh", false).chain(stages, ledger);
    String why = "nothing changed since the marts were published: forms@3";
    assertEquals(List.of(
        "begin analyse", "row analyse skipped_nothing_new " + why,
        "end analyse skipped_nothing_new",
        "begin publish", "row publish skipped_nothing_new " + why,
        "end publish skipped_nothing_new",
        "begin site", "row site skipped_nothing_new " + why, "end site skipped_nothing_new"),
        heard.subList(heard.indexOf("upToDate forms@3") + 1, heard.size()));
    assertEquals(ExitCodes.NOTHING_NEW, outcome.exitCode());
    assertTrue(outcome.summary().endsWith("3 documents: 2 loaded, 1 unchanged, 0 rejected "
        + "(0 new); analyse, publish and site skipped, marts up to date (exit 3)"),
        outcome.summary());
  }

  @Test
  void unchangedInputWithCurrentMartsRunsNoStageAndWritesNoRow() throws Exception {
    FakeStages stages = new FakeStages();
    stages.unchanged = new UnchangedInput.Unchanged(3, 1);
    stages.upToDate = true;
    Pipeline.Outcome outcome = pipeline("/wh", false).chain(stages, ledger);
    List<String> expected = new ArrayList<>(List.of("unchanged", "source", "upToDate forms@3"));
    for (String stage : List.of("extract", "load", "analyse", "publish", "site")) {
      expected.addAll(List.of("begin " + stage, "end " + stage + " skipped_nothing_new"));
    }
    assertEquals(expected, heard);
    assertEquals(ExitCodes.NOTHING_NEW, outcome.exitCode());
    assertTrue(outcome.summary().matches("run " + RUN_ID + ": nothing new in [0-9.]+ s; "
        + "3 documents: 0 loaded, 2 unchanged, 1 rejected \\(0 new\\); analyse, publish and "
        + "site skipped, marts up to date \\(exit 3\\)"), outcome.summary());
  }

  @Test
  void unchangedInputWithStaleMartsRunsTheChain() throws Exception {
    FakeStages stages = new FakeStages();
    stages.unchanged = new UnchangedInput.Unchanged(3, 0);
    Pipeline.Outcome outcome = pipeline("/wh", false).chain(stages, ledger);
    assertEquals(List.of("unchanged", "source", "upToDate forms@3", "begin extract", "extract"),
        heard.subList(0, 5));
    assertTrue(heard.contains("publish forms@3"), heard.toString());
    assertEquals(ExitCodes.OK, outcome.exitCode());
  }

  @Test
  void forceRunsTheChainOnAnUnchangedInput() throws Exception {
    FakeStages stages = new FakeStages();
    stages.unchanged = new UnchangedInput.Unchanged(3, 0);
    stages.upToDate = true;
    assertEquals(ExitCodes.OK, pipeline("/wh", true).chain(stages, ledger).exitCode());
    assertEquals("begin extract", heard.get(0));
  }

  @Test
  void forceRunsTheStagesEvenWhenTheMartsAreUpToDate() throws Exception {
    FakeStages stages = new FakeStages();
    stages.upToDate = true;
    assertEquals(ExitCodes.OK, pipeline("/wh", true).chain(stages, ledger).exitCode());
    assertTrue(heard.contains("publish forms@3"), heard.toString());
  }

  @Test
  void remoteWarehouseGetsNoSiteButItsRow() throws Exception {
    Pipeline.Outcome outcome = pipeline("hdfs://nn/wh", false).chain(new FakeStages(), ledger);
    assertEquals(List.of("begin site", "row site skipped_not_local the site is written only to "
        + "a local warehouse: run site with a local copy", "end site skipped_not_local"),
        heard.subList(heard.size() - 3, heard.size()));
    assertTrue(outcome.summary().endsWith("marts published; site not built (exit 0)"),
        outcome.summary());
  }

  @Test
  void newRejectsGiveExitFourEvenWhenNothingElseIsNew() throws Exception {
    FakeStages stages = new FakeStages();
    stages.upToDate = true;
    stages.newRejects = 1;
    Pipeline.Outcome outcome = pipeline("/wh", false).chain(stages, ledger);
    assertEquals(ExitCodes.SOME_REJECTED, outcome.exitCode());
    assertTrue(outcome.summary().contains("(1 new)"), outcome.summary());
  }

  @Test
  void failedStageLeavesItsRowAndStopsTheChain() {
    FakeStages stages = new FakeStages();
    stages.loadFails = new IllegalStateException("disk full");
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> pipeline("/wh", false).chain(stages, ledger));
    assertSame(stages.loadFails, thrown);
    assertEquals(List.of("begin load", "load", "row load failed disk full", "end load failed"),
        heard.subList(heard.indexOf("begin load"), heard.size()));
  }

  @Test
  void failingLedgerKeepsTheStagesErrorFirst() {
    FakeStages stages = new FakeStages();
    stages.loadFails = new IllegalStateException("disk full");
    Pipeline.Ledger down = (result, began, ended) -> {
      if (result.outcome().equals(StageResult.FAILED)) {
        throw new IllegalStateException("ledger down");
      }
    };
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> pipeline("/wh", false).chain(stages, down));
    assertEquals("disk full", thrown.getMessage());
    assertEquals("the runs ledger could not record this failure: ledger down",
        thrown.getSuppressed()[0].getMessage());
  }
}
