package io.selfeval.cli;

import static org.apache.spark.sql.functions.col;

import io.selfeval.pipeline.Pipeline;
import io.selfeval.publish.PublishJob;
import io.selfeval.site.SiteWriter;
import io.selfeval.warehouse.Tables;
import io.selfeval.warehouse.Warehouse;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code selfeval run}: every stage in order, in one SparkSession. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {
        "Runs extract, load, analyse, publish and site in order on --input, in one Spark "
            + "session, and ends with a one-line summary. Stops at the first stage that fails, "
            + "after the stages before it have finished; the runs table records every stage.",
        "Incremental: documents already loaded (same content) are not extracted or loaded "
            + "again (a file with the path, size and modification time recorded in the "
            + "documents table is not even read), and when nothing "
            + "the marts are built from has changed since they were published (same tables, "
            + "rule pack, thresholds and selfeval version), analyse, publish and site are "
            + "skipped and the exit code is 3.",
        "The tables and marts show exactly the documents in --input: a deleted document, or "
            + "one replaced by a rejected version, is retired (Delta history keeps it); a "
            + "renamed one gets its new source_file. --keep-missing keeps deleted ones.",
        "One run at a time per warehouse: a second one is refused (exit 5) while the first "
            + "holds <warehouse>/_selfeval.lock; a lock left by a killed run is cleared."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:done: new or changed documents analysed and published",
        "1:failed (the message says why; the runs table says which stage)",
        "2:invalid command line",
        "3:nothing new: every document already loaded, marts up to date",
        "4:done, but documents were rejected that no earlier run had rejected "
            + "(see the rejects table)",
        "5:another run holds the warehouse lock"})
final class RunCommand extends StageCommand {

  @Mixin
  InputOption input = new InputOption();

  @Mixin
  RulePackOption rules = new RulePackOption();

  @Option(names = "--force",
      description = "Analyse and publish even when nothing has changed since the marts were "
          + "published.")
  boolean force;

  @Option(names = "--keep-missing",
      description = "Keep the rows of documents no longer in --input (for inputs archived away "
          + "once loaded). By default the tables and marts show exactly the documents in it.")
  boolean keepMissing;

  @Spec
  CommandSpec spec;

  @Override
  void checkOptions() {
    super.checkOptions();
    OptionChecks.input(input.input);
    OptionChecks.rulePack(rules.rulePack);
  }

  @Override
  String stageName() {
    return "run";
  }

  /** The stages it chains write their own ledger rows. */
  @Override
  boolean recorded() {
    return false;
  }

  @Override
  int run(SparkSession spark) throws Exception {
    final long started = System.nanoTime();
    final Warehouse warehouse = new Warehouse(common.warehouse());
    ExtractCommand extract = new ExtractCommand();
    extract.input = input;
    LoadCommand load = new LoadCommand();
    load.keepMissing = keepMissing;
    AnalyseCommand analyse = new AnalyseCommand();
    analyse.rules = rules;
    PublishCommand publish = new PublishCommand();
    SiteCommand site = new SiteCommand();
    site.input = input;
    for (StageCommand stage : new StageCommand[] {extract, load, analyse, publish, site}) {
      stage.common = common;
      stage.runId = runId();
    }
    extract.spec = spec;
    load.spec = spec;
    analyse.spec = spec;
    publish.spec = spec;
    site.spec = spec;
    final Pipeline pipeline = new Pipeline(spark, warehouse, runId());
    boolean skipped;
    try (Progress progress = new Progress(spark, System.err, Progress.detect(), 5)) {
      step(progress, pipeline, spark, extract);
      step(progress, pipeline, spark, load);
      final String source = analyse.source(spark, warehouse);
      skipped = !force && new PublishJob(spark, warehouse).upToDate(source);
      if (skipped) {
        for (String stage : new String[] {"analyse", "publish", "site"}) {
          progress.begin(stage);
          progress.end("skipped: nothing new");
          pipeline.skipped(stage, "nothing changed since the marts were published: " + source);
        }
      } else {
        step(progress, pipeline, spark, analyse);
        publish.source = source;
        step(progress, pipeline, spark, publish);
        if (SiteWriter.isLocal(common.warehouse())) {
          step(progress, pipeline, spark, site);
        } else {
          // a site is files for a browser to open from disk: not on HDFS or an object store
          progress.begin("site");
          progress.end("skipped: the warehouse is not a local folder");
          pipeline.skipped("site", "skipped_not_local",
              "the site is written only to a local warehouse: run site with a local copy");
        }
      }
    }
    final long newRejects = rejectedFirstBy(spark, warehouse, runId());
    int code = newRejects > 0 ? ExitCodes.SOME_REJECTED
        : skipped ? ExitCodes.NOTHING_NEW : ExitCodes.OK;
    spec.commandLine().getOut().println(summary(extract, load, analyse, site, skipped, newRejects,
        (System.nanoTime() - started) / 1e9, code));
    return code;
  }

  /** Runs one stage, with its ledger row, between progress lines. */
  private static void step(Progress progress, Pipeline pipeline, SparkSession spark,
      StageCommand stage) throws Exception {
    progress.begin(stage.stageName());
    try {
      stage.runIn(pipeline, spark);
    } catch (Exception | Error e) {
      progress.end("failed");
      throw e;
    }
    progress.end("done");
  }

  /** Documents this run rejected that no earlier run had (rejects.first_run_id). */
  private static long rejectedFirstBy(SparkSession spark, Warehouse warehouse, String runId) {
    if (!warehouse.has(spark, Tables.REJECTS)) {
      return 0;
    }
    return warehouse.read(spark, Tables.REJECTS)
        .where(col("first_run_id").equalTo(runId)).select("source_file").distinct().count();
  }

  private String summary(ExtractCommand extract, LoadCommand load, AnalyseCommand analyse,
      SiteCommand site, boolean skipped, long newRejects, double seconds, int code) {
    long rejected = extract.summary.rejected() + load.summary.rejected();
    StringBuilder sb = new StringBuilder("run ").append(runId()).append(": ")
        .append(skipped ? "nothing new" : "done").append(" in ")
        .append(String.format(Locale.ROOT, "%.1f", seconds)).append(" s; ")
        .append(extract.summary.documents()).append(" documents: ")
        .append(load.summary.loaded()).append(" loaded, ")
        .append(extract.summary.unchanged() + load.summary.skipped()).append(" unchanged, ")
        .append(rejected).append(" rejected (").append(newRejects).append(" new)");
    if (skipped) {
      sb.append("; analyse, publish and site skipped, marts up to date");
    } else {
      sb.append("; ").append(analyse.counts[1]).append(" forms, ")
          .append(analyse.counts[2]).append(" flags; marts published; site ")
          .append(site.built == null ? "not built" : site.built.index().toString());
    }
    return sb.append(" (exit ").append(code).append(')').toString();
  }
}
