package io.selfeval.analyse;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Leading-digit test on the amounts of a population (one fiscal year), in the manner of audit
 * tools: the share of each first significant digit against Benford's law, summarised by Nigrini's
 * mean absolute deviation (MAD; above 0.015 is "nonconformity") with the chi-square statistic in
 * the evidence. Populations below the configured size are not tested.
 */
final class DigitTests {

  private DigitTests() {}

  /**
   * One flag per fiscal year whose amounts do not follow Benford's law.
   *
   * @param amounts rows with {@code fiscal_year} and {@code amount} (any positive money figure)
   */
  static Dataset<Row> digitAnomalies(Dataset<Row> amounts, FlagThresholds t) {
    Dataset<Row> digits = amounts.where(col("amount").gt(0))
        .withColumn("digit", regexp_extract(col("amount").cast("string"), "[1-9]", 0)
            .cast("int"));
    Column[] counts = new Column[10];
    counts[0] = count(lit(1)).as("n");
    for (int d = 1; d <= 9; d++) {
      counts[d] = sum(when(col("digit").equalTo(d), 1).otherwise(0)).as("d" + d);
    }
    Dataset<Row> byYear = digits.groupBy(col("fiscal_year"))
        .agg(counts[0], java.util.Arrays.copyOfRange(counts, 1, 10))
        .where(col("n").geq(t.digitMinPopulation()));
    Column mad = lit(0.0);
    Column chi2 = lit(0.0);
    Column[] shares = new Column[9];
    for (int d = 1; d <= 9; d++) {
      double expected = Math.log10(1 + 1.0 / d);
      Column observed = col("d" + d).divide(col("n"));
      mad = mad.plus(abs(observed.minus(lit(expected))));
      Column e = col("n").multiply(lit(expected));
      chi2 = chi2.plus(col("d" + d).minus(e).multiply(col("d" + d).minus(e)).divide(e));
      shares[d - 1] = concat_ws(":", lit(String.valueOf(d)), col("d" + d).cast("string"));
    }
    Dataset<Row> tested = byYear.withColumn("mad", mad.divide(lit(9)))
        .withColumn("chi2", chi2)
        .withColumn("digit_counts", concat_ws(" ", shares))
        .where(col("mad").gt(lit(t.digitMaxMad())))
        .withColumn("unit_id", lit(null).cast("string"))
        .withColumn("form_id", lit(null).cast("string"))
        .withColumn("source_file", lit(null).cast("string"));
    return Flags.form(tested, "DIGIT_ANOMALY", Flags.ev("test", lit("benford_first_digit"),
        "population", concat_ws("", lit("fiscal_year="), col("fiscal_year").cast("string")),
        "amounts", col("n"), "mad", col("mad"), "chi2_8df", col("chi2"), "digits",
        col("digit_counts")), lit(null).cast("int"));
  }
}
