package io.selfeval.analyse;

import io.selfeval.model.Records;
import io.selfeval.spark.SmallInputs;
import io.selfeval.warehouse.TableVersions;
import io.selfeval.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The analyse stage as the pipeline calls it: its settings in, its counts out. */
public final class AnalyseStage {

  /**
   * What decides the analysis besides the loaded tables.
   *
   * @param rulePack a rule pack id or file
   * @param config the flag thresholds file, or null for the built-in ones
   * @param version selfeval's version, part of what the analysis is computed from
   * @param full recompute every table whole, even when the changes since the last analysis
   *     can be told (else only what they touch: {@link ChangeScope})
   */
  public record Settings(String warehouse, String rulePack, Path config, String version,
      boolean full) {

    /** Settings of an analysis scoped to the changes when they can be told. */
    public Settings(String warehouse, String rulePack, Path config, String version) {
      this(warehouse, rulePack, config, version, false);
    }
  }

  /** What the analysis wrote. */
  public record Result(long indicatorRows, long forms, long flags, String rulePack,
      String warehouse) {

    /** Lines for the terminal. */
    public String describe() {
      return String.format("analyse: %d indicator rows, %d forms scored under %s; "
          + "%d flags%n  tables: %s/delta/int_indicator_deviations, int_form_execution, "
          + "int_flags", indicatorRows, forms, rulePack, flags, warehouse);
    }
  }

  private AnalyseStage() {}

  /**
   * What the analysis is computed from: the versions of the loaded tables, the rule pack, the
   * flag thresholds (the built-in ones, or the SHA-256 of the config file) and selfeval's
   * version. The analysis stamps it on its tables' commits and the marts keep it, so a run can
   * tell when nothing has changed.
   */
  public static String source(SparkSession spark, Settings settings) {
    return TableVersions.of(spark, new Warehouse(settings.warehouse())) + " "
        + settingsLabel(settings, RulePack.load(settings.rulePack()));
  }

  /** Analyses the loaded tables, stamping {@code source} on every table it writes. */
  public static Result run(SparkSession spark, Settings settings, String source) {
    RulePack pack = RulePack.load(settings.rulePack());
    Warehouse warehouse = new Warehouse(settings.warehouse());
    SmallInputs.tune(spark, "analyse", warehouse.forms(spark));
    long[] counts = new AnalyseJob(spark, warehouse).run(pack,
        FlagThresholds.load(settings.config()), source,
        settings.full() ? null : settingsLabel(settings, pack));
    return new Result(counts[0], counts[1], counts[2], pack.label(), settings.warehouse());
  }

  /** Analyses the loaded tables, stamped with what they are computed from now. */
  public static Result run(SparkSession spark, Settings settings) {
    return run(spark, settings, source(spark, settings));
  }

  private static String settingsLabel(Settings settings, RulePack pack) {
    String config = "built-in";
    if (settings.config() != null) {
      try {
        config = Records.sha256Hex(Files.readAllBytes(settings.config())).substring(0, 16);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read --config " + settings.config(), e);
      }
    }
    return "rule_pack=" + pack.label() + " config=" + config + " selfeval="
        + settings.version();
  }
}
