package io.selfeval.cli;

import io.selfeval.pipeline.Pipeline;
import io.selfeval.pipeline.PipelineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
            + "skipped and the exit code is 3. When something changed, analyse recomputes what "
            + "the added, changed and retired forms touch and publish rewrites the fiscal "
            + "years that changed (--full: everything).",
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

  @Option(names = "--full",
      description = "Recompute the analysis whole and republish every mart, instead of only "
          + "what the documents added, changed or retired since the last analysis touch.")
  boolean full;

  @Option(names = "--keep-missing",
      description = "Keep the rows of documents no longer in --input (for inputs archived away "
          + "once loaded). By default the tables and marts show exactly the documents in it.")
  boolean keepMissing;

  @Override
  void checkOptions() {
    super.checkOptions();
    OptionChecks.input(input.input);
    OptionChecks.rulePack(rules.rulePack);
  }

  @Override
  PipelineSettings.Builder withOptions(PipelineSettings.Builder settings) {
    return settings.input(input.input).rulePack(rules.rulePack).force(force)
        .keepMissing(keepMissing).full(full);
  }

  @Override
  int run(Pipeline pipeline) throws Exception {
    try (Progress progress = new Progress(System.err, Progress.detect(),
        Pipeline.chainLength())) {
      Pipeline.Outcome outcome = pipeline.withListener(listener().then(progress)).run();
      spec.commandLine().getOut().println(outcome.summary());
      return outcome.exitCode();
    }
  }
}
