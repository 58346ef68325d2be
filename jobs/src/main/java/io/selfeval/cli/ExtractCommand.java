package io.selfeval.cli;

import io.selfeval.pipeline.ExitCodes;
import io.selfeval.pipeline.Pipeline;
import io.selfeval.pipeline.PipelineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
  PipelineSettings.Builder withOptions(PipelineSettings.Builder settings) {
    return settings.input(input.input).out(out).outcomes(outcomes).all(all);
  }

  @Override
  int run(Pipeline pipeline) throws Exception {
    pipeline.extract();
    return ExitCodes.OK;
  }
}
