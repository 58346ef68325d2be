package io.selfeval.analyse;

import io.selfeval.load.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyse stage (metrics part): indicator deviations and form execution under a rule pack,
 * written as {@code int_indicator_deviations} and {@code int_form_execution}. Each table is
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

  /** Returns {indicator rows, forms} written. */
  public long[] run(RulePack pack) {
    long started = System.nanoTime();
    Dataset<Row> indicators = spark.read().format("delta").load(warehouse.table("indicators"));
    Dataset<Row> forms = spark.read().format("delta").load(warehouse.table("forms"));
    Dataset<Row> deviations = Metrics.indicatorDeviations(indicators, pack)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      write(deviations, "int_indicator_deviations");
      Dataset<Row> execution = Metrics.formExecution(forms, deviations, pack);
      write(execution, "int_form_execution");
      long[] counts = {deviations.count(), execution.count()};
      LOG.info("analyse: {} indicator rows and {} forms under rule pack {} in {} s", counts[0],
          counts[1], pack.label(), String.format("%.1f", (System.nanoTime() - started) / 1e9));
      return counts;
    } finally {
      deviations.unpersist();
    }
  }

  private void write(Dataset<Row> rows, String table) {
    rows.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true")
        .save(warehouse.table(table));
  }
}
