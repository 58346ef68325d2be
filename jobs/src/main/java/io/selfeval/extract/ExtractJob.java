package io.selfeval.extract;

import org.apache.spark.sql.SparkSession;

/** Placeholder until the extraction issue lands. */
public final class ExtractJob {
  private final SparkSession spark;

  public ExtractJob(SparkSession spark) {
    this.spark = spark;
  }

  public ExtractSummary run(String input, String recordsOut, String outcomesOut) {
    throw new UnsupportedOperationException("extract is not implemented yet " + spark.version());
  }
}
