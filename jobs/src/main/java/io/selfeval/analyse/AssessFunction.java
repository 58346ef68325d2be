package io.selfeval.analyse;

import java.math.BigDecimal;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Runs on the executors: parses an indicator row's target and actual and scores it, as a function
 * of the four columns it reads (name, target_text, actual_text, weight) that returns the
 * {@link #OUTPUT} struct; only those columns are converted to Java objects, not the whole row.
 * The Java logic lives in {@link ValueParser} and {@link IndicatorScorer}, tested on their own.
 */
final class AssessFunction implements UDF4<String, String, String, BigDecimal, Row> {
  private static final long serialVersionUID = 1L;

  /** What a row gets, one struct. */
  static final StructType OUTPUT = new StructType()
      .add("target_kind", DataTypes.StringType, false)
      .add("target_comparator", DataTypes.StringType, true)
      .add("target_value", DataTypes.createDecimalType(22, 6), true)
      .add("target_unit", DataTypes.StringType, true)
      .add("actual_kind", DataTypes.StringType, false)
      .add("actual_value", DataTypes.createDecimalType(22, 6), true)
      .add("actual_unit", DataTypes.StringType, true)
      .add("actual_approximation", DataTypes.StringType, true)
      .add("actual_polarity", DataTypes.StringType, true)
      .add("direction", DataTypes.StringType, false)
      .add("status", DataTypes.StringType, false)
      .add("relative_deviation", DataTypes.createDecimalType(22, 6), true)
      .add("is_exact_hit", DataTypes.BooleanType, true)
      .add("expected_score", DataTypes.createDecimalType(22, 6), true)
      .add("scoring_rule", DataTypes.StringType, false);

  private final RulePack pack;
  private transient IndicatorScorer scorer;

  AssessFunction(RulePack pack) {
    this.pack = pack;
  }

  @Override
  public Row call(String name, String target, String actual, BigDecimal weight) {
    if (scorer == null) {
      scorer = new IndicatorScorer(pack);
    }
    // each text parsed once: the scorer judges the values parsed here
    IndicatorValue t = ValueParser.parse(target);
    IndicatorValue a = ValueParser.parse(actual);
    Assessment s = scorer.assess(name, t, a, weight);
    return RowFactory.create(kind(t), t.comparator(), fit(t.value()), t.unit(), kind(a),
        fit(a.value()), a.unit(), a.approximation(), a.polarity(), s.direction(), s.status(),
        s.relativeDeviation(), s.exactHit(), s.expectedScore(), s.rule());
  }

  private static String kind(IndicatorValue v) {
    return v.kind().name().toLowerCase(Locale.ROOT);
  }

  /** Values beyond decimal(22,6) (a stray ID-length number) are dropped, not overflowed. */
  private static BigDecimal fit(BigDecimal v) {
    return v == null || v.precision() - v.scale() > 16 ? null
        : v.setScale(Math.min(Math.max(v.scale(), 0), 6), java.math.RoundingMode.HALF_UP);
  }
}
