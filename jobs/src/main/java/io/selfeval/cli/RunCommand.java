package io.selfeval.cli;

import io.selfeval.load.RunLedger;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code selfeval run}: every stage in order, in one SparkSession. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {
        "Runs extract, load, analyse and publish in order on --input. Stops at the first "
            + "stage that fails or is not implemented yet, after the stages before it "
            + "have finished."})
final class RunCommand extends StageCommand {

  @Option(names = "--input", paramLabel = "DIR", defaultValue = "data/reports",
      description = "Folder of raw reports (default: ${DEFAULT-VALUE}).")
  String input;

  @Option(names = "--rule-pack", paramLabel = "ID_OR_FILE", defaultValue = "national",
      description = "Scoring rules for analyse: national, hunan, or a pack .json "
          + "(default: ${DEFAULT-VALUE}).")
  String rulePack;

  @Spec
  CommandSpec spec;

  @Override
  String stageName() {
    return "run";
  }

  @Override
  int run(SparkSession spark) {
    final String runId = RunLedger.newRunId(Instant.now());
    ExtractCommand extract = new ExtractCommand();
    extract.common = common;
    extract.input = input;
    extract.spec = spec;
    extract.runId = runId;
    extract.run(spark);
    LoadCommand load = new LoadCommand();
    load.common = common;
    load.spec = spec;
    load.runId = runId;
    load.run(spark);
    AnalyseCommand analyse = new AnalyseCommand();
    analyse.common = common;
    analyse.spec = spec;
    analyse.rulePack = rulePack;
    analyse.run(spark);
    throw new StageNotImplementedException("publish");
  }
}
