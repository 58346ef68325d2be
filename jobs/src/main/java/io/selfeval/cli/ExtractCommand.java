package io.selfeval.cli;

import io.selfeval.extract.ExtractJob;
import io.selfeval.extract.ExtractSummary;
import io.selfeval.extract.JsonLinesFile;
import io.selfeval.load.Duplicates;
import io.selfeval.warehouse.DocumentCatalogue;
import io.selfeval.warehouse.StageCounts;
import io.selfeval.warehouse.Tables;
import io.selfeval.warehouse.Warehouse;
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
            + "warehouse's forms table is not extracted again; its outcome says unchanged and "
            + "it writes no records. A file with the path, size and modification time the "
            + "documents table recorded is not even read: its recorded hash is used. --all "
            + "extracts every document.",
        "The records go to <warehouse>/staging/records (a folder of part files, as Spark "
            + "writes them), or to the one JSON Lines file --out names; the outcomes to "
            + "<warehouse>/staging/document_outcomes (a folder) or --outcomes. load reads "
            + "either a folder or a single .jsonl file."})
final class ExtractCommand extends StageCommand {

  @Mixin
  InputOption input = new InputOption();

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the records into this one JSON Lines file (replaced) instead of the "
          + "folder <warehouse>/staging/records.")
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
    Warehouse warehouse = new Warehouse(common.warehouse());
    // --out FILE: Spark writes a folder beside it, made into the one file, then removed
    String records = out == null ? warehouse.stagingRecords() : out + ".parts-" + runId();
    DocumentCatalogue catalogue = new DocumentCatalogue(spark, warehouse);
    ExtractJob job = new ExtractJob(spark);
    summary = job.run(input.input, records, outcomesPath(),
        all ? null : loaded(spark, warehouse), all ? null : catalogue.known());
    if (job.seen() != null) {
      catalogue.record(job.seen(), runId());
    }
    if (out != null) {
      JsonLinesFile.concatenate(spark.sparkContext().hadoopConfiguration(), records, out);
      summary = summary.withRecordsPath(out);
    }
    spec.commandLine().getOut().println(summary.describe());
    return ExitCodes.OK;
  }

  /**
   * SHA-256 of the documents loaded: in {@code forms}, or superseded by a duplicate still there;
   * null before the first load.
   */
  private static Dataset<Row> loaded(SparkSession spark, Warehouse warehouse) {
    if (!warehouse.has(spark, Tables.FORMS)) {
      return null;
    }
    return Duplicates.loaded(warehouse.read(spark, Tables.FORMS),
        warehouse.has(spark, Tables.SUPERSEDED_FORMS)
            ? warehouse.read(spark, Tables.SUPERSEDED_FORMS) : null);
  }

  String outcomesPath() {
    return outcomes != null ? outcomes : new Warehouse(common.warehouse()).stagingOutcomes();
  }

  @Spec
  CommandSpec spec;

  @Override
  StageCounts counts() {
    return summary.counts();
  }
}
