package io.selfeval.analyse;

import static org.apache.spark.sql.functions.col;

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
 * The analyse stage: indicator deviations, form execution, links across renames and rewordings,
 * year-over-year target changes, score-inflation flags and unit-year profiles with their
 * clusters, under a rule pack: {@code int_indicator_deviations}, {@code int_form_execution},
 * {@code int_links}, {@code int_target_changes}, {@code int_flags} and
 * {@code int_unit_year_profiles}. Each table is recomputed whole and replaced in one commit, so
 * a rerun on the same tables gives the same rows.
 */
public final class AnalyseJob {

  private static final Logger LOG = LoggerFactory.getLogger(AnalyseJob.class);
  /** Seed of the randomised steps (k-means, MinHash): the same tables give the same output. */
  private static final long SEED = 20211L;

  private final SparkSession spark;
  private final Warehouse warehouse;

  public AnalyseJob(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /** Returns {indicator rows, forms, flags} written. */
  public long[] run(RulePack pack, FlagThresholds thresholds) {
    long started = System.nanoTime();
    Dataset<Row> indicators = read("indicators");
    Dataset<Row> forms = read("forms");
    Dataset<Row> deviations = Metrics.indicatorDeviations(indicators, pack)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      write(deviations, "int_indicator_deviations");
      Dataset<Row> execution = Metrics.formExecution(forms, deviations, pack);
      write(execution, "int_form_execution");
      Dataset<Row> keyed = deviations.join(forms.select(col("form_id").as("k_form_id"),
          TargetChanges.formKey().as("form_key")), col("form_id").equalTo(col("k_form_id")))
          .drop("k_form_id");
      double distance = thresholds.linkMaxDistance().doubleValue();
      write(Links.units(read("units"), distance, SEED)
          .unionByName(Links.indicators(keyed, distance, SEED)), "int_links");
      write(TargetChanges.changes(keyed, read("int_links")), "int_target_changes");
      // pattern rules judge unit-year profiles; the profiles' flag counts then include them
      Dataset<Row> noFlags = spark.createDataFrame(java.util.List.of(),
          Schemas.ddl("tables/int_flags.ddl"));
      Dataset<Row> prelim = Profiles.unitYearProfiles(read("int_form_execution"), deviations,
          noFlags, read("units"), read("int_target_changes"), thresholds, pack.label());
      write(Flags.flags(forms, read("int_form_execution"), deviations, read("facts"), prelim,
          thresholds, pack.label()), "int_flags");
      Dataset<Row> profiles = Profiles.unitYearProfiles(read("int_form_execution"), deviations,
          read("int_flags"), read("units"), read("int_target_changes"), thresholds,
          pack.label());
      write(Schemas.conform(Clusters.assign(profiles, thresholds.clusterFeatures(),
          thresholds.clusterMinRows(), thresholds.clusterMinK(), thresholds.clusterMaxK(), SEED),
          "int_unit_year_profiles"), "int_unit_year_profiles");
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
