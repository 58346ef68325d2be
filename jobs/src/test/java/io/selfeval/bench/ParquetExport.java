package io.selfeval.bench;

import io.selfeval.analyse.IndicatorValue;
import io.selfeval.analyse.ValueParser;
import io.selfeval.warehouse.Tables;
import io.selfeval.warehouse.Tables.Table;
import io.selfeval.warehouse.Warehouse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Exports a warehouse for the DuckDB peer of the benchmark: the latest version of each Delta
 * table the analysis reads (its normalised input), the analysis' own {@code int_} tables (to
 * compare with), and {@code parsed_values}: each indicator row's target and actual read by
 * {@link ValueParser}, the one per-row normalisation the SQL does not redo (see
 * {@code bench/README.md}). One folder of parquet per table.
 */
final class ParquetExport {

  /** The analysis' inputs, then the tables its SQL peer is compared with. */
  static final List<Table> TABLES = List.of(Tables.FORMS, Tables.INDICATORS,
      Tables.BUDGET_LINES, Tables.FACTS, Tables.UNITS, Tables.INDICATOR_DEVIATIONS,
      Tables.FORM_EXECUTION, Tables.UNIT_YEAR_PROFILES, Tables.FLAGS);

  private static final StructType PARSED = side(side(new StructType()
      .add("indicator_id", DataTypes.StringType, false), "target"), "actual");

  private ParquetExport() {}

  static void export(SparkSession spark, Warehouse warehouse, Path out) {
    for (Table table : TABLES) {
      write(spark.read().format("delta").load(warehouse.table(table)),
          out.resolve(table.name()));
    }
    Dataset<Row> indicators = spark.read().format("delta").load(warehouse.table(Tables.INDICATORS));
    write(indicators.select("indicator_id", "target_text", "actual_text")
        .map((MapFunction<Row, Row>) ParquetExport::parsed, Encoders.row(PARSED)),
        out.resolve("parsed_values"));
  }

  private static void write(Dataset<Row> rows, Path dir) {
    rows.write().mode(SaveMode.Overwrite).parquet(dir.toString());
  }

  private static StructType side(StructType s, String prefix) {
    return s.add(prefix + "_kind", DataTypes.StringType, false)
        .add(prefix + "_comparator", DataTypes.StringType, true)
        .add(prefix + "_value", DataTypes.createDecimalType(22, 6), true)
        .add(prefix + "_unit", DataTypes.StringType, true)
        .add(prefix + "_approximation", DataTypes.StringType, true)
        .add(prefix + "_period", DataTypes.StringType, true)
        .add(prefix + "_deadline", DataTypes.DateType, true)
        .add(prefix + "_polarity", DataTypes.StringType, true)
        .add(prefix + "_trend", DataTypes.StringType, true);
  }

  private static Row parsed(Row in) {
    IndicatorValue t = ValueParser.parse(in.getString(1));
    IndicatorValue a = ValueParser.parse(in.getString(2));
    Object[] values = new Object[PARSED.size()];
    values[0] = in.getString(0);
    fill(values, 1, t);
    fill(values, 10, a);
    return RowFactory.create(values);
  }

  private static void fill(Object[] values, int at, IndicatorValue v) {
    values[at] = v.kind().name().toLowerCase(Locale.ROOT);
    values[at + 1] = v.comparator();
    values[at + 2] = fit(v.value());
    values[at + 3] = v.unit();
    values[at + 4] = v.approximation();
    values[at + 5] = v.period();
    values[at + 6] = v.deadline() == null ? null : Date.valueOf(v.deadline());
    values[at + 7] = v.polarity();
    values[at + 8] = v.trend();
  }

  /** As the analysis stores it: beyond decimal(22,6) dropped, at most six decimals. */
  private static BigDecimal fit(BigDecimal v) {
    return v == null || v.precision() - v.scale() > 16 ? null
        : v.setScale(Math.min(Math.max(v.scale(), 0), 6), RoundingMode.HALF_UP);
  }
}
