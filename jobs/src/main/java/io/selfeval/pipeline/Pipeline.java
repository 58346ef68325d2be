package io.selfeval.pipeline;

import io.selfeval.analyse.AnalyseStage;
import io.selfeval.extract.ExtractSummary;
import io.selfeval.extract.UnchangedInput;
import io.selfeval.load.LoadSummary;
import io.selfeval.site.SiteJob;
import io.selfeval.site.SiteStage;
import io.selfeval.spark.SparkSessions;
import io.selfeval.warehouse.RunLedger;
import io.selfeval.warehouse.RunLock;
import io.selfeval.warehouse.StageCounts;
import io.selfeval.warehouse.Warehouse;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.SparkSession;

/**
 * The stages of one run id against one warehouse. A run ({@link #run()}) or a stage run alone
 * ({@link #extract()} …) holds the warehouse lock ({@link RunLock}) while it works, in one
 * SparkSession (made here and stopped at the end; a session that was already there, when
 * selfeval is embedded or tested, is used and left running). Every stage leaves its row in the
 * {@code runs} ledger however it was started: ok or ok_with_rejects with its counts,
 * skipped_nothing_new, skipped_not_local, or failed with its message.
 */
public final class Pipeline {

  /** How a run ended: its exit code ({@link ExitCodes}) and its one-line summary. */
  public record Outcome(int exitCode, String summary) {}

  /** Work in a SparkSession. */
  @FunctionalInterface
  public interface SessionWork<T> {
    T run(SparkSession spark) throws Exception;
  }

  /** Where the pipeline writes its ledger rows. */
  @FunctionalInterface
  interface Ledger {
    void write(StageResult result, Instant began, Instant ended);
  }

  private static final String[] CHAIN = {"extract", "load", "analyse", "publish", "site"};

  private final PipelineSettings settings;
  private final StageListener listener;
  private final PipelineHooks hooks;

  public Pipeline(PipelineSettings settings, StageListener listener, PipelineHooks hooks) {
    this.settings = settings;
    this.listener = listener;
    this.hooks = hooks;
  }

  /** The same pipeline, telling {@code other} of its stages instead. */
  public Pipeline withListener(StageListener other) {
    return new Pipeline(settings, other, hooks);
  }

  /** The number of stages {@link #run()} chains: for progress counts. */
  public static int chainLength() {
    return CHAIN.length;
  }

  /**
   * Extract, load, the up-to-date check, analyse, publish and site, in one session under the
   * lock; stops at the first stage that fails, after its failed row, and throws its error.
   */
  public Outcome run() throws Exception {
    return locked(() -> inSession("selfeval run", settings.master(), spark ->
        chain(new SparkStages(spark, settings, hooks), ledger(spark))));
  }

  /** The extract stage alone, with its ledger row. */
  public StageResult extract() throws Exception {
    return alone("extract", stages -> {
      ExtractSummary s = stages.extract();
      return StageResult.done("extract", s.counts(), s.describe());
    });
  }

  /** The load stage alone, with its ledger row. */
  public StageResult load() throws Exception {
    return alone("load", stages -> {
      LoadSummary s = stages.load();
      return StageResult.done("load", s.counts(), s.describe());
    });
  }

  /** The analyse stage alone, with its ledger row. */
  public StageResult analyse() throws Exception {
    return alone("analyse", stages -> done("analyse", stages.analyse(null).describe()));
  }

  /**
   * The publish stage alone, with its ledger row; the marts are stamped with what the analysis
   * stamped on its tables, so the next run can tell they are current.
   */
  public StageResult publish() throws Exception {
    return alone("publish", stages -> done("publish", stages.publish(null).describe()));
  }

  /** The site stage alone, with its ledger row. */
  public StageResult site() throws Exception {
    return alone("site", stages -> done("site", SiteStage.describe(stages.site())));
  }

  /**
   * Runs {@code work} in this JVM's session: made here and stopped at the end, unless one was
   * there already.
   */
  public static <T> T inSession(String appName, String master, SessionWork<T> work)
      throws Exception {
    boolean embedded = SparkSession.getDefaultSession().isDefined();
    SparkSession spark = SparkSessions.create(appName, master, Map.of());
    try {
      return work.run(spark);
    } finally {
      if (!embedded) {
        spark.stop();
      }
    }
  }

  /**
   * The chain of {@code run}, on these stages and ledger. When the catalogue shows the input
   * unchanged and the marts are current, nothing runs and nothing is written, not even a ledger
   * row: the summary line (and the log) is all a run with nothing new leaves.
   */
  Outcome chain(Stages stages, Ledger ledger) throws Exception {
    final long started = System.nanoTime();
    if (mayBeUnchanged()) {
      UnchangedInput.Unchanged same = stages.unchanged();
      if (same != null && stages.upToDate(stages.source())) {
        for (String stage : CHAIN) {
          listener.begin(stage);
          listener.end(StageResult.skipped(stage, StageResult.SKIPPED_NOTHING_NEW,
              "the input is as the documents catalogue recorded it, the marts are current"));
        }
        return new Outcome(ExitCodes.NOTHING_NEW, unchangedSummary(same,
            (System.nanoTime() - started) / 1e9));
      }
    }
    ExtractSummary extract = step(ledger, "extract", stages::extract,
        s -> StageResult.done("extract", s.counts(), s.describe()));
    LoadSummary load = step(ledger, "load", stages::load,
        s -> StageResult.done("load", s.counts(), s.describe()));
    final String source = stages.source();
    boolean skipped = !settings.force() && stages.upToDate(source);
    AnalyseStage.Result analysed = null;
    SiteJob.Built site = null;
    if (skipped) {
      for (String stage : new String[] {"analyse", "publish", "site"}) {
        skip(ledger, StageResult.skipped(stage, StageResult.SKIPPED_NOTHING_NEW,
            "nothing changed since the marts were published: " + source));
      }
    } else {
      analysed = step(ledger, "analyse", () -> stages.analyse(source),
          a -> done("analyse", a.describe()));
      step(ledger, "publish", () -> stages.publish(source), p -> done("publish", p.describe()));
      if (SiteStage.isLocal(settings.warehouse())) {
        site = step(ledger, "site", stages::site, b -> done("site", SiteStage.describe(b)));
      } else {
        // a site is files for a browser to open from disk: not on HDFS or an object store
        skip(ledger, StageResult.skipped("site", StageResult.SKIPPED_NOT_LOCAL,
            "the site is written only to a local warehouse: run site with a local copy"));
      }
    }
    final long newRejects = stages.newRejects();
    int code = newRejects > 0 ? ExitCodes.SOME_REJECTED
        : skipped ? ExitCodes.NOTHING_NEW : ExitCodes.OK;
    return new Outcome(code, summary(extract, load, analysed, site, skipped, newRejects,
        (System.nanoTime() - started) / 1e9, code));
  }

  /** One stage alone: lock, session, its ledger row. */
  StageResult alone(String name, StageWork work) throws Exception {
    return locked(() -> inSession("selfeval " + name, settings.master(), spark -> {
      Stages stages = new SparkStages(spark, settings, hooks);
      return step(ledger(spark), name, () -> work.run(stages), result -> result);
    }));
  }

  /** A stage run alone, given the stages. */
  @FunctionalInterface
  interface StageWork {
    StageResult run(Stages stages) throws Exception;
  }

  /**
   * Runs one stage between the listener's begin and end, and writes its ledger row; a failure
   * is recorded (failed, with its message) and thrown again.
   */
  <T> T step(Ledger ledger, String name, Callable<T> work, Function<T, StageResult> result)
      throws Exception {
    listener.begin(name);
    final Instant began = Instant.now();
    T done;
    try {
      done = work.call();
    } catch (Exception | Error e) {
      StageResult failed = StageResult.failed(name,
          Failures.describe(e, settings.warehouse()));
      try {
        ledger.write(failed, began, Instant.now());
      } catch (RuntimeException ledgerDown) {
        e.addSuppressed(new Failures.LedgerNotWritten(ledgerDown));
      }
      listener.end(failed);
      throw e;
    }
    StageResult ran = result.apply(done);
    ledger.write(ran, began, Instant.now());
    listener.end(ran);
    return done;
  }

  /** Writes the row of a stage not run, between the listener's begin and end. */
  private void skip(Ledger ledger, StageResult skipped) {
    listener.begin(skipped.stage());
    Instant now = Instant.now();
    ledger.write(skipped, now, now);
    listener.end(skipped);
  }

  private static StageResult done(String stage, String printed) {
    return StageResult.done(stage, StageCounts.none(stage + " done"), printed);
  }

  private Ledger ledger(SparkSession spark) {
    RunLedger runs = new RunLedger(spark, new Warehouse(settings.warehouse()));
    return (result, began, ended) -> {
      if (result.ran()) {
        runs.counted(settings.runId(), result.stage(), began, ended, result.counts());
      } else {
        runs.stage(settings.runId(), result.stage(), began, ended, result.outcome(),
            result.message());
      }
    };
  }

  /**
   * Runs {@code work} holding the warehouse lock. The lock comes first, so a refused run starts
   * no Spark at all; its file system is set up as Spark will (spark.hadoop.* settings from
   * spark-submit included).
   */
  private <T> T locked(Callable<T> work) throws Exception {
    SparkConf conf = SparkSessions.withLocalFiles(new SparkConf());
    try (RunLock lock = RunLock.acquire(settings.warehouse(), settings.runId(),
        SparkHadoopUtil.get().newConfiguration(conf), RunLock.DEFAULT_STALE_AFTER)) {
      return work.call();
    }
  }

  /** Whether the run may skip every stage: not forced, and reading the input as run does. */
  private boolean mayBeUnchanged() {
    return !settings.force() && !settings.all() && settings.out() == null
        && settings.records() == null && settings.outcomes() == null;
  }

  private String unchangedSummary(UnchangedInput.Unchanged same, double seconds) {
    return "run " + settings.runId() + ": nothing new in "
        + String.format(Locale.ROOT, "%.1f", seconds) + " s; " + same.documents()
        + " documents: 0 loaded, " + (same.documents() - same.rejected()) + " unchanged, "
        + same.rejected() + " rejected (0 new); analyse, publish and site skipped, marts up to "
        + "date (exit " + ExitCodes.NOTHING_NEW + ")";
  }

  private String summary(ExtractSummary extract, LoadSummary load, AnalyseStage.Result analysed,
      SiteJob.Built site, boolean skipped, long newRejects, double seconds, int code) {
    long rejected = extract.rejected() + load.rejected();
    StringBuilder sb = new StringBuilder("run ").append(settings.runId()).append(": ")
        .append(skipped ? "nothing new" : "done").append(" in ")
        .append(String.format(Locale.ROOT, "%.1f", seconds)).append(" s; ")
        .append(extract.documents()).append(" documents: ")
        .append(load.loaded()).append(" loaded, ")
        .append(extract.unchanged() + load.skipped()).append(" unchanged, ")
        .append(rejected).append(" rejected (").append(newRejects).append(" new)");
    if (skipped) {
      sb.append("; analyse, publish and site skipped, marts up to date");
    } else {
      sb.append("; ").append(analysed.forms()).append(" forms, ")
          .append(analysed.flags()).append(" flags; marts published; site ")
          .append(site == null ? "not built" : site.index().toString());
    }
    return sb.append(" (exit ").append(code).append(')').toString();
  }
}
