package io.selfeval.cli;

import io.selfeval.load.RunLedger;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code selfeval run}: every stage in order, in one SparkSession. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {
        "Runs extract, load, analyse and publish in order on --input, in one Spark session. "
            + "Stops at the first stage that fails, after the stages before it have "
            + "finished."})
final class RunCommand extends StageCommand {

  @Mixin
  InputOption input = new InputOption();

  @Mixin
  RulePackOption rules = new RulePackOption();

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
    analyse.rules = rules;
    analyse.run(spark);
    PublishCommand publish = new PublishCommand();
    publish.common = common;
    publish.spec = spec;
    publish.runId = runId;
    return publish.run(spark);
  }
}
