package io.selfeval.cli;

import io.selfeval.extract.ExtractJob;
import io.selfeval.extract.ExtractSummary;
import io.selfeval.load.RunLedger;
import io.selfeval.load.Warehouse;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code selfeval extract}: raw reports to normalised records (JSON Lines). */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = {
        "Reads every file under --input (recursively, in parallel) and writes one normalised "
            + "record per form as JSON Lines, plus one outcome per document (parsed, parsed "
            + "with warnings, or rejected with a reason).",
        "Incremental: a document whose content (SHA-256 of its bytes) is already in the "
            + "warehouse's forms table is hashed, not extracted again; its outcome says "
            + "unchanged and it writes no records. --all extracts every document.",
        "Outputs are folders of part files, as Spark writes them; load reads either a folder "
            + "or a single .jsonl file."})
final class ExtractCommand extends StageCommand {

  @Mixin
  InputOption input = new InputOption();

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where the records go (default: <warehouse>/staging/records).")
  String out;

  @Option(names = "--outcomes", paramLabel = "DIR",
      description = "Where the per-document outcomes go "
          + "(default: <warehouse>/staging/document_outcomes).")
  String outcomes;

  @Option(names = "--all",
      description = "Extract every document, also those already loaded with the same content.")
  boolean all;

  @Override
  void checkOptions() {
    super.checkOptions();
    OptionChecks.input(input.input);
  }

  @Override
  String stageName() {
    return "extract";
  }

  /** What the stage did, once it ran. */
  ExtractSummary summary;

  @Override
  int run(SparkSession spark) {
    Instant started = Instant.now();
    Warehouse warehouse = new Warehouse(common.warehouse());
    summary = new ExtractJob(spark).run(input.input, recordsPath(), outcomesPath(),
        all ? null : loaded(spark, warehouse));
    new RunLedger(spark, warehouse).extract(runId(), started, Instant.now(), summary);
    spec.commandLine().getOut().println(summary.describe());
    return ExitCodes.OK;
  }

  /** SHA-256 of the documents in {@code forms}; null before the first load. */
  private static Dataset<Row> loaded(SparkSession spark, Warehouse warehouse) {
    if (!warehouse.has(spark, "forms")) {
      return null;
    }
    return warehouse.read(spark, "forms").select("document_sha256");
  }

  String recordsPath() {
    return out != null ? out : common.warehouse() + "/staging/records";
  }

  String outcomesPath() {
    return outcomes != null ? outcomes : common.warehouse() + "/staging/document_outcomes";
  }

  @Spec
  CommandSpec spec;
}
