package io.selfeval.cli;

import io.selfeval.site.SiteJob;
import io.selfeval.warehouse.Warehouse;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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

  @Spec
  CommandSpec spec;

  /** What the site printed, for {@code run}'s summary. */
  SiteJob.Built built;

  @Override
  String stageName() {
    return "site";
  }

  @Override
  int run(SparkSession spark) {
    built = new SiteJob(spark, new Warehouse(common.warehouse()), input.input,
        common.config()).run(runId());
    spec.commandLine().getOut().println(String.format(Locale.ROOT,
        "site: %d pages, %.1f MB in %.1f s, run %s%n  open: %s", built.pages(),
        built.bytes() / 1e6, built.seconds(), built.runId(), built.index()));
    return ExitCodes.OK;
  }
}
