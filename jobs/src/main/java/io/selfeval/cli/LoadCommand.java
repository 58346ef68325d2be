package io.selfeval.cli;

import io.selfeval.pipeline.ExitCodes;
import io.selfeval.pipeline.Pipeline;
import io.selfeval.pipeline.PipelineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code selfeval load}: normalised records into the Delta tables. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {
        "Validates normalised records against schemas/record.schema.json and merges them into "
            + "the Delta tables under <warehouse>/delta: forms, budget_lines, indicators, facts, "
            + "units, rejects and the runs ledger.",
        "Documents already loaded (same sha256) are skipped; a new version of a file replaces "
            + "the old one's rows; a document with an invalid record goes to rejects whole.",
        "The tables follow the input the outcomes list (one per document extract found): "
            + "the rows of a document no longer in it (deleted, or replaced by a new or a "
            + "rejected version) are retired, and a renamed document gets its new name as "
            + "source_file. --keep-missing keeps the rows of documents no longer listed."})
final class LoadCommand extends StageCommand {

  @Option(names = "--records", paramLabel = "FILE_OR_DIR",
      description = "Records to load: a .jsonl file or a folder of them "
          + "(default: <warehouse>/staging/records).")
  String records;

  @Option(names = "--outcomes", paramLabel = "DIR",
      description = "Extraction outcomes whose rejected documents go to rejects "
          + "(default: <warehouse>/staging/document_outcomes when it exists).")
  String outcomes;

  @Option(names = "--keep-missing",
      description = "Keep the rows of documents no longer in the input (for inputs archived "
          + "away once loaded); a file replaced by other bytes is still replaced.")
  boolean keepMissing;

  @Override
  PipelineSettings.Builder withOptions(PipelineSettings.Builder settings) {
    return settings.records(records).outcomes(outcomes).keepMissing(keepMissing);
  }

  @Override
  int run(Pipeline pipeline) throws Exception {
    pipeline.load();
    return ExitCodes.OK;
  }
}
