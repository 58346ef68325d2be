package io.selfeval.analyse;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Digit tests on the amounts of a population (one fiscal year), in the manner of audit tools.
 * An amount is counted once per document however often the document states it (a table cell
 * repeated in the prose is one figure). Populations below the configured size are not tested.
 * <ul>
 *   <li>{@code benford_first_digit}: the share of each first significant digit against Benford's
 *       law, summarised by Nigrini's mean absolute deviation (MAD; above 0.015 is
 *       "nonconformity"), the chi-square statistic in the evidence;</li>
 *   <li>{@code last_two_digits}: the last two digits of the integer part of amounts of
 *       {@code digit_last_two_min_wan_yuan} (100 万元) or more should be uniform over 00-99;
 *       chi-square with 99 degrees of freedom above the configured limit (148.23 is
 *       p = 0.001);</li>
 *   <li>{@code round_numbers}: the share of amounts of {@code digit_round_unit_wan_yuan}
 *       (10 万元) or more that are whole multiples of it, above the configured limit.</li>
 * </ul>
 */
final class DigitTests {

  private DigitTests() {}

  /**
   * One flag per fiscal year and failed test.
   *
   * @param amounts rows with {@code fiscal_year}, {@code source_file} and {@code amount}
   */
  static Dataset<Row> digitAnomalies(Dataset<Row> amounts, FlagThresholds.Digits t) {
    Dataset<Row> figures = amounts.where(col("amount").gt(0))
        .select(col("fiscal_year"), col("source_file"), col("amount")).distinct();
    List<Dataset<Row>> tests = new ArrayList<>();
    tests.add(benford(figures, t));
    tests.add(lastTwoDigits(figures, t));
    tests.add(roundNumbers(figures, t));
    Dataset<Row> all = tests.get(0).unionByName(tests.get(1)).unionByName(tests.get(2));
    return all;
  }

  private static Dataset<Row> benford(Dataset<Row> figures,
      FlagThresholds.Digits t) {
    Dataset<Row> digits = figures.withColumn("digit",
        regexp_extract(col("amount").cast("string"), "[1-9]", 0).cast("int"));
    Column[] counts = new Column[9];
    for (int d = 1; d <= 9; d++) {
      counts[d - 1] = sum(when(col("digit").equalTo(d), 1).otherwise(0)).as("d" + d);
    }
    Dataset<Row> byYear = digits.groupBy(col("fiscal_year"))
        .agg(count(lit(1)).as("n"), counts)
        .where(col("n").geq(t.minPopulation()));
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
    Dataset<Row> failed = byYear.withColumn("mad", mad.divide(lit(9)))
        .withColumn("chi2", chi2)
        .withColumn("digit_counts", concat_ws(" ", shares))
        .where(col("mad").gt(lit(t.maxMad())));
    return population(failed, "benford_first_digit", "mad", col("mad"), "chi2_8df",
        col("chi2"), "digits", col("digit_counts"));
  }

  private static Dataset<Row> lastTwoDigits(Dataset<Row> figures,
      FlagThresholds.Digits t) {
    Dataset<Row> cells = figures.where(col("amount").geq(lit(t.lastTwoMinWanYuan())))
        .withColumn("last_two", pmod(floor(col("amount")), lit(100)))
        .groupBy(col("fiscal_year"), col("last_two")).agg(count(lit(1)).as("c"));
    // chi-square over 100 equally likely cells, empty cells included: 100 sum(c^2) / n - n
    Dataset<Row> failed = cells.groupBy(col("fiscal_year"))
        .agg(sum(col("c")).as("n"), sum(col("c").multiply(col("c"))).as("sum_sq"),
            count(lit(1)).as("cells_seen"))
        .where(col("n").geq(t.minPopulation()))
        .withColumn("chi2", lit(100.0).multiply(col("sum_sq")).divide(col("n"))
            .minus(col("n")))
        .where(col("chi2").gt(lit(t.maxLastTwoChi2())));
    return population(failed, "last_two_digits", "chi2_99df", col("chi2"), "cells_seen",
        col("cells_seen"));
  }

  private static Dataset<Row> roundNumbers(Dataset<Row> figures,
      FlagThresholds.Digits t) {
    Column round = pmod(col("amount"), lit(t.roundUnitWanYuan())).equalTo(0);
    Dataset<Row> failed = figures.where(col("amount").geq(lit(t.roundUnitWanYuan())))
        .groupBy(col("fiscal_year"))
        .agg(count(lit(1)).as("n"), sum(when(round, 1).otherwise(0)).as("round"))
        .where(col("n").geq(t.minPopulation()))
        .withColumn("share", col("round").divide(col("n")))
        .where(col("share").gt(lit(t.maxRoundShare())));
    return population(failed, "round_numbers", "round_share", col("share"), "round_amounts",
        col("round"));
  }

  /** Flag rows for a failed population test: no unit, form or line. */
  private static Dataset<Row> population(Dataset<Row> failed, String test, Object... evidence) {
    Object[] pairs = new Object[6 + evidence.length];
    pairs[0] = "test";
    pairs[1] = lit(test);
    pairs[2] = "population";
    pairs[3] = concat_ws("", lit("fiscal_year="), col("fiscal_year").cast("string"));
    pairs[4] = "amounts";
    pairs[5] = col("n");
    System.arraycopy(evidence, 0, pairs, 6, evidence.length);
    Dataset<Row> rows = failed.withColumn("unit_id", lit(null).cast("string"))
        .withColumn("form_id", lit(null).cast("string"))
        .withColumn("source_file", lit(null).cast("string"));
    return Flags.form(rows, "DIGIT_ANOMALY", Flags.ev(Arrays.copyOf(pairs, pairs.length)),
        lit(null).cast("int"));
  }
}
