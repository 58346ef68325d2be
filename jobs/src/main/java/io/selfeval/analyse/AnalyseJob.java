package io.selfeval.analyse;

import io.selfeval.load.Warehouse;
import io.selfeval.model.Schemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyse stage: indicator deviations, form execution and score-inflation flags under a
 * rule pack, written as {@code int_indicator_deviations}, {@code int_form_execution} and
 * {@code int_flags}. Each table is
 * recomputed whole and replaced in one commit, so a rerun on the same tables gives the same rows.
 */
public final class AnalyseJob {

  private static final Logger LOG = LoggerFactory.getLogger(AnalyseJob.class);

  private final SparkSession spark;
  private final Warehouse warehouse;

  public AnalyseJob(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /** Returns {indicator rows, forms, flags} written. */
  public long[] run(RulePack pack, FlagThresholds thresholds) {
    long started = System.nanoTime();
    Dataset<Row> indicators = spark.read().format("delta").load(warehouse.table("indicators"));
    Dataset<Row> forms = spark.read().format("delta").load(warehouse.table("forms"));
    Dataset<Row> deviations = Metrics.indicatorDeviations(indicators, pack)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      write(deviations, "int_indicator_deviations");
      Dataset<Row> execution = Metrics.formExecution(forms, deviations, pack);
      write(execution, "int_form_execution");
      // pattern rules judge unit-year profiles; the profiles' flag counts then include them
      Dataset<Row> noFlags = spark.createDataFrame(java.util.List.of(),
          Schemas.ddl("tables/int_flags.ddl"));
      Dataset<Row> prelim = Profiles.unitYearProfiles(read("int_form_execution"), deviations,
          noFlags, read("units"), thresholds, pack.label());
      write(Flags.flags(forms, read("int_form_execution"), deviations, read("facts"), prelim,
          thresholds, pack.label()), "int_flags");
      write(Profiles.unitYearProfiles(read("int_form_execution"), deviations,
          read("int_flags"), read("units"), thresholds, pack.label()),
          "int_unit_year_profiles");
      long[] counts = {deviations.count(), execution.count(), read("int_flags").count()};
      LOG.info("analyse: {} indicator rows, {} forms, {} flags under rule pack {} in {} s",
          counts[0], counts[1], counts[2], pack.label(),
          String.format("%.1f", (System.nanoTime() - started) / 1e9));
      return counts;
    } finally {
      deviations.unpersist();
    }
  }

  private Dataset<Row> read(String table) {
    return spark.read().format("delta").load(warehouse.table(table));
  }

  private void write(Dataset<Row> rows, String table) {
    rows.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true")
        .save(warehouse.table(table));
  }
}
