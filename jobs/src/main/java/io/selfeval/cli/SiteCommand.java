package io.selfeval.cli;

import io.selfeval.pipeline.ExitCodes;
import io.selfeval.pipeline.Pipeline;
import io.selfeval.pipeline.PipelineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code selfeval site}: the auditors' static site from the published marts. */
@Command(name = "site", mixinStandardHelpOptions = true,
    description = {
        "Writes a static site from the published marts under <warehouse>/site/<run_id>/ and "
            + "switches <warehouse>/site/current to it: open current/index.html in a browser, "
            + "from disk, with no server and no network.",
        "Pages: an overview per fiscal year, forms ranked by risk, a page per form (budget "
            + "as printed and recomputed, indicators, each flag with the report's lines around "
            + "it), per unit and per rule. The report lines are read again from the documents "
            + "under --input (the warehouse keeps no document text), masked as extract masks "
            + "them."})
final class SiteCommand extends StageCommand {

  @Mixin
  InputOption input = new InputOption();

  @Override
  PipelineSettings.Builder withOptions(PipelineSettings.Builder settings) {
    return settings.input(input.input);
  }

  @Override
  int run(Pipeline pipeline) throws Exception {
    pipeline.site();
    return ExitCodes.OK;
  }
}
