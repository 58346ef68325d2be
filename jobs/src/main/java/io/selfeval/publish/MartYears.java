package io.selfeval.publish;

import static org.apache.spark.sql.functions.col;

import io.selfeval.warehouse.AnalysedStamp;
import io.selfeval.warehouse.TableChanges;
import io.selfeval.warehouse.TableVersions;
import io.selfeval.warehouse.Tables;
import io.selfeval.warehouse.Tables.Table;
import io.selfeval.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fiscal years of a mart whose rows may differ from its current version: the years of
 * every row that changed, since the table versions that version was built from, in the tables
 * the mart is built from ({@link TableChanges}); for a unit renamed, the years of its flags
 * (the flags mart prints unit names).
 */
final class MartYears {

  private static final Logger LOG = LoggerFactory.getLogger(MartYears.class);
  /** The partition folder value of a null fiscal year. */
  static final String NULL_YEAR = "__HIVE_DEFAULT_PARTITION__";
  private static final List<Table> READ = List.of(Tables.FORMS, Tables.UNITS,
      Tables.INDICATOR_DEVIATIONS, Tables.FORM_EXECUTION, Tables.FLAGS,
      Tables.UNIT_YEAR_PROFILES);

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final MartPublisher publisher;

  MartYears(SparkSession spark, Warehouse warehouse, MartPublisher publisher) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.publisher = publisher;
  }

  /** The tables the marts are built from, at their versions now, as {@code name@version …}. */
  String versionsNow() {
    StringBuilder sb = new StringBuilder();
    for (Table table : READ) {
      sb.append(sb.isEmpty() ? "" : " ").append(table).append('@')
          .append(TableVersions.latest(spark, warehouse.table(table)));
    }
    return sb.toString();
  }

  /** The tables {@code mart} is built from. */
  static List<Table> inputs(String mart) {
    return switch (mart) {
      case Marts.FORM_SCORECARD -> List.of(Tables.FORM_EXECUTION, Tables.FORMS, Tables.FLAGS);
      case Marts.INDICATOR_DEVIATIONS -> List.of(Tables.INDICATOR_DEVIATIONS, Tables.FORMS);
      case Marts.INFLATION_FLAGS -> List.of(Tables.FLAGS, Tables.UNITS, Tables.FORMS,
          Tables.INDICATOR_DEVIATIONS);
      case Marts.UNIT_YEAR_PROFILES -> List.of(Tables.UNIT_YEAR_PROFILES);
      default -> throw new IllegalArgumentException("no mart " + mart);
    };
  }

  /**
   * The partition values (years, or {@link #NULL_YEAR}) of {@code mart} to write again; empty
   * when only a whole new version is safe: the mart was never published here, its version does
   * not say what it was built from, it is not partitioned, or a table's changes cannot be told.
   */
  Optional<Set<String>> changed(String mart) {
    try {
      String before = publisher.tables(mart);
      if (before == null || !publisher.canWriteYears(mart)) {
        return whole(mart, "no current version built from known table versions, or one "
            + "that is not kept in year folders on a local file system");
      }
      Map<String, Long> old = AnalysedStamp.versions(before);
      Set<String> years = new TreeSet<>();
      for (Table table : inputs(mart)) {
        Long from = old.get(table.name());
        long to = TableVersions.latest(spark, warehouse.table(table));
        if (from == null) {
          return whole(mart, "its version does not name " + table);
        }
        if (from == to) {
          continue;
        }
        boolean units = table.equals(Tables.UNITS);
        Optional<Dataset<Row>> changes = TableChanges.between(spark, warehouse.table(table),
            from, to, List.of(units ? "unit_id" : "fiscal_year"),
            units ? List.of("unit_id", "canonical_name") : null);
        if (changes.isEmpty()) {
          return whole(mart, "the changes of " + table + " cannot be told");
        }
        Dataset<Row> changedYears;
        if (units) {
          Object[] ids = changes.get().select("unit_id").distinct().collectAsList().stream()
              .map(r -> r.get(0)).toArray();
          changedYears = warehouse.read(spark, Tables.FLAGS).where(col("unit_id").isin(ids))
              .select(col("fiscal_year"));
        } else {
          changedYears = changes.get().select(col("fiscal_year"));
        }
        for (Row r : changedYears.distinct().collectAsList()) {
          years.add(r.isNullAt(0) ? NULL_YEAR : String.valueOf(r.getInt(0)));
        }
      }
      LOG.info("publish: {}: fiscal years changed since {}: {}", mart, before, years);
      return Optional.of(years);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True on the rows of the given partition values. */
  static Column in(Set<String> years) {
    Object[] values = years.stream().filter(y -> !y.equals(NULL_YEAR))
        .map(Integer::valueOf).toArray();
    Column in = col(Marts.PARTITION).isin(values);
    return years.contains(NULL_YEAR) ? in.or(col(Marts.PARTITION).isNull()) : in;
  }

  private static Optional<Set<String>> whole(String mart, String why) {
    LOG.info("publish: {} written whole: {}", mart, why);
    return Optional.empty();
  }
}
