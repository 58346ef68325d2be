package io.selfeval.cli;

import io.selfeval.analyse.AnalyseJob;
import io.selfeval.analyse.FlagThresholds;
import io.selfeval.analyse.RulePack;
import io.selfeval.model.Records;
import io.selfeval.warehouse.TableVersions;
import io.selfeval.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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

  @Spec
  CommandSpec spec;

  @Override
  void checkOptions() {
    super.checkOptions();
    OptionChecks.rulePack(rules.rulePack);
  }

  @Override
  String stageName() {
    return "analyse";
  }

  /** Indicator rows, forms and flags, once it ran. */
  long[] counts;

  /** The rule pack, loaded once: {@code run} asks for its label before the analysis. */
  private RulePack pack;

  /**
   * What, besides the loaded tables, decides the analysis: the rule pack, the flag thresholds
   * (the built-in ones, or the SHA-256 of the --config file) and selfeval's version.
   */
  String settings() {
    String config = "built-in";
    if (common.config() != null) {
      try {
        config = Records.sha256Hex(Files.readAllBytes(common.config())).substring(0, 16);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read --config " + common.config(), e);
      }
    }
    return "rule_pack=" + pack().label() + " config=" + config
        + " selfeval=" + new SelfevalCli.Version().getVersion()[0];
  }

  /**
   * What the analysis is computed from: the versions of the loaded tables and the
   * {@link #settings()}. The analysis stamps it on its tables' commits and the marts keep it,
   * so {@code run} can tell when nothing has changed.
   */
  String source(SparkSession spark, Warehouse warehouse) {
    return TableVersions.of(spark, warehouse) + " " + settings();
  }

  private RulePack pack() {
    if (pack == null) {
      pack = RulePack.load(rules.rulePack);
    }
    return pack;
  }

  @Override
  int run(SparkSession spark) {
    FlagThresholds thresholds = FlagThresholds.load(common.config());
    Warehouse warehouse = new Warehouse(common.warehouse());
    counts = new AnalyseJob(spark, warehouse).run(pack(), thresholds,
        source(spark, warehouse));
    spec.commandLine().getOut().printf("analyse: %d indicator rows, %d forms scored under %s; "
        + "%d flags%n  tables: %s/delta/int_indicator_deviations, int_form_execution, "
        + "int_flags%n", counts[0], counts[1], pack().label(), counts[2], common.warehouse());
    return ExitCodes.OK;
  }
}
