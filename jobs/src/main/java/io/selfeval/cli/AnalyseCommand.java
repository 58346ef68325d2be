package io.selfeval.cli;

import io.selfeval.pipeline.ExitCodes;
import io.selfeval.pipeline.Pipeline;
import io.selfeval.pipeline.PipelineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code selfeval analyse}: metrics over the loaded tables. */
@Command(name = "analyse", mixinStandardHelpOptions = true,
    description = {
        "Parses every indicator's target and actual, scores it under a rule pack and writes "
            + "int_indicator_deviations (direction, status, deviation, exact hit, expected "
            + "score, excess) and int_form_execution (execution rates, recomputed budget score, "
            + "recomputed and fair totals, inflation points, weight sums).",
        "Links renamed units and reworded indicators across years (int_links), compares each "
            + "target with the year before's (int_target_changes), flags what looks too good "
            + "(int_flags: rule, severity, evidence, source line) and profiles every unit-year, "
            + "clustered by k-means (int_unit_year_profiles), with thresholds from --config "
            + "(default: the built-in flags.json). Every table is recomputed whole."})
final class AnalyseCommand extends StageCommand {

  @Mixin
  RulePackOption rules = new RulePackOption();

  @Override
  void checkOptions() {
    super.checkOptions();
    OptionChecks.rulePack(rules.rulePack);
  }

  @Override
  PipelineSettings.Builder withOptions(PipelineSettings.Builder settings) {
    return settings.rulePack(rules.rulePack);
  }

  @Override
  int run(Pipeline pipeline) throws Exception {
    pipeline.analyse();
    return ExitCodes.OK;
  }
}
