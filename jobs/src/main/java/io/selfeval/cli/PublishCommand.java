package io.selfeval.cli;

import io.selfeval.pipeline.ExitCodes;
import io.selfeval.pipeline.Pipeline;
import io.selfeval.pipeline.PipelineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code selfeval publish}: the parquet marts. */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {
        "Writes the parquet marts for BI tools under <warehouse>/marts/<name>/, partitioned "
            + "by fiscal_year: form_scorecard, indicator_deviations, inflation_flags, "
            + "unit_year_profiles (schemas: schemas/marts/).",
        "Each mart is written as a new version and checked (declared schema, unique non-null "
            + "keys, row counts against the Delta tables, flag counts) before readers see it; "
            + "a failed check stops the publish and leaves the previous marts in place.",
        "Only the fiscal years whose rows changed since the current version are written; the "
            + "other years are hard links to its files (local warehouses). --full writes every "
            + "mart whole."})
final class PublishCommand extends StageCommand {

  @Option(names = "--full", description = "Write every mart whole, every fiscal year.")
  boolean full;

  @Override
  PipelineSettings.Builder withOptions(PipelineSettings.Builder settings) {
    return settings.full(full);
  }

  @Override
  int run(Pipeline pipeline) throws Exception {
    pipeline.publish();
    return ExitCodes.OK;
  }
}
