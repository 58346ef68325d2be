package io.selfeval.cli;

import io.selfeval.load.LoadJob;
import io.selfeval.load.LoadSummary;
import io.selfeval.warehouse.StageCounts;
import io.selfeval.warehouse.Warehouse;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code selfeval load}: normalised records into the Delta tables. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {
        "Validates normalised records against schemas/record.schema.json and merges them into "
            + "the Delta tables under <warehouse>/delta: forms, budget_lines, indicators, facts, "
            + "units, rejects and the runs ledger.",
        "Documents already loaded (same sha256) are skipped; a new version of a file replaces "
            + "the old one's rows; a document with an invalid record goes to rejects whole."})
final class LoadCommand extends StageCommand {

  @Option(names = "--records", paramLabel = "FILE_OR_DIR",
      description = "Records to load: a .jsonl file or a folder of them "
          + "(default: <warehouse>/staging/records).")
  String records;

  @Option(names = "--outcomes", paramLabel = "DIR",
      description = "Extraction outcomes whose rejected documents go to rejects "
          + "(default: <warehouse>/staging/document_outcomes when it exists).")
  String outcomes;

  @Spec
  CommandSpec spec;

  /** What the stage did, once it ran. */
  LoadSummary summary;

  @Override
  String stageName() {
    return "load";
  }

  @Override
  int run(SparkSession spark) {
    Warehouse warehouse = new Warehouse(common.warehouse());
    summary = new LoadJob(spark, warehouse).run(
        records != null ? records : warehouse.stagingRecords(),
        outcomes != null ? outcomes : warehouse.stagingOutcomes(), runId());
    spec.commandLine().getOut().println(summary.describe());
    return ExitCodes.OK;
  }

  @Override
  StageCounts counts() {
    return summary.counts();
  }
}
