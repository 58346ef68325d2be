package io.selfeval.cli;

import io.selfeval.pipeline.ExitCodes;
import io.selfeval.pipeline.Pipeline;
import io.selfeval.pipeline.PipelineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
            + "(default: the built-in flags.json).",
        "Only what changed is recomputed: the forms added, changed or retired since the last "
            + "analysis (told from the tables' Delta versions it stamped), the links, target "
            + "changes and profiles they touch, and the rules over all unit-years; the tables "
            + "end as a full recomputation leaves them. --full, or a change that cannot be told "
            + "(other rule pack, thresholds or version, no earlier analysis), recomputes every "
            + "table whole."})
final class AnalyseCommand extends StageCommand {

  @Mixin
  RulePackOption rules = new RulePackOption();

  @Option(names = "--full",
      description = "Recompute every table whole instead of only what changed.")
  boolean full;

  @Override
  void checkOptions() {
    super.checkOptions();
    OptionChecks.rulePack(rules.rulePack);
  }

  @Override
  PipelineSettings.Builder withOptions(PipelineSettings.Builder settings) {
    return settings.rulePack(rules.rulePack).full(full);
  }

  @Override
  int run(Pipeline pipeline) throws Exception {
    pipeline.analyse();
    return ExitCodes.OK;
  }
}
