package io.selfeval.cli;

import io.selfeval.pipeline.ExitCodes;
import io.selfeval.pipeline.Pipeline;
import picocli.CommandLine.Command;

/** {@code selfeval publish}: the parquet marts. */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {
        "Writes the parquet marts for BI tools under <warehouse>/marts/<name>/, partitioned "
            + "by fiscal_year: form_scorecard, indicator_deviations, inflation_flags, "
            + "unit_year_profiles (schemas: schemas/marts/).",
        "Each mart is written as a new version and checked (declared schema, unique non-null "
            + "keys, row counts against the Delta tables, flag counts) before readers see it; "
            + "a failed check stops the publish and leaves the previous marts in place."})
final class PublishCommand extends StageCommand {

  @Override
  int run(Pipeline pipeline) throws Exception {
    pipeline.publish();
    return ExitCodes.OK;
  }
}
