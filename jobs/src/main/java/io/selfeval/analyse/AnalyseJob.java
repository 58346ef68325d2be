package io.selfeval.analyse;

import static org.apache.spark.sql.functions.col;

import io.selfeval.warehouse.DeltaWriter;
import io.selfeval.warehouse.Tables;
import io.selfeval.warehouse.Tables.Table;
import io.selfeval.warehouse.Warehouse;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
  private String source;

  public AnalyseJob(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /** What the indicators step computed: the tables the flags and the patterns start from. */
  record Indicators(Dataset<Row> deviations, Dataset<Row> execution, Dataset<Row> changes) {}

  /**
   * Returns {indicator rows, forms, flags} written. Each table's commit carries {@code source}
   * (what the analysis is computed from) as its user metadata, for the publish to stamp. Three
   * steps: {@link #indicators} (deviations, execution, links, target changes), {@link #flags}
   * (every rule, over the unit-year profiles computed once), {@link #patterns} (the profiles
   * with their flag counts and clusters).
   */
  public long[] run(RulePack pack, FlagThresholds thresholds, String source) {
    return run(pack, thresholds, source, null);
  }

  /**
   * As {@link #run(RulePack, FlagThresholds, String)}, but when {@code scopedTo} (the analysis
   * settings of {@code source}) is given and the changes since the last analysis under the same
   * settings can be told ({@link ChangeScope}), only what they touch is recomputed and merged
   * in ({@link ScopedAnalysis}); the tables end the same.
   */
  public long[] run(RulePack pack, FlagThresholds thresholds, String source, String scopedTo) {
    final double cpu = cpuSeconds();
    final long started = System.nanoTime();
    long[] counts = null;
    if (scopedTo != null) {
      java.util.Optional<ChangeScope> scope = ChangeScope.since(spark, warehouse, scopedTo);
      if (scope.isPresent()) {
        counts = new ScopedAnalysis(spark, warehouse, Objects.requireNonNull(source, "source"),
            SEED).run(scope.get(), pack, thresholds);
      }
    }
    if (counts == null) {
      counts = full(pack, thresholds, source);
    }
    LOG.info("analyse: done in {} s wall, {} s CPU of this JVM",
        seconds(started, System.nanoTime()),
        String.format(java.util.Locale.ROOT, "%.1f", cpuSeconds() - cpu));
    return counts;
  }

  /** The whole analysis, every table recomputed and replaced. */
  private long[] full(RulePack pack, FlagThresholds thresholds, String source) {
    this.source = source;
    final long started = System.nanoTime();
    // Every table is read once and every result is kept once written: the later steps use
    // what was just written instead of reading it back from Delta, which on small inputs cost
    // more (log replay, planning, a job per scan) than the analysis itself.
    Dataset<Row> forms = keep(read(Tables.FORMS));
    Dataset<Row> units = keep(read(Tables.UNITS));
    Dataset<Row> facts = keep(read(Tables.FACTS));
    Indicators indicators = indicators(read(Tables.INDICATORS), forms, units, pack,
        thresholds.linkMaxDistance().doubleValue());
    long step = System.nanoTime();
    // the profiles without flag counts: the pattern rules judge them, then the counts join in
    Dataset<Row> profiles = keep(Profiles.unitYearProfiles(indicators.execution(),
        indicators.deviations(), units, indicators.changes(), thresholds.scores(),
        thresholds.peers(), pack.label()));
    LOG.info("analyse: profiles computed in {} s", seconds(step, System.nanoTime()));
    Dataset<Row> flags = write(Flags.flags(forms, indicators.execution(),
        indicators.deviations(), facts, profiles, thresholds, pack.label())
        .unionByName(DuplicateForms.flags(superseded(), forms, thresholds, pack.label())),
        Tables.FLAGS);
    patterns(profiles, flags, thresholds.clusters());
    long[] counts = {indicators.deviations().count(), indicators.execution().count(),
        flags.count()};
    LOG.info("analyse: {} indicator rows, {} forms, {} flags under rule pack {} in {} s",
        counts[0], counts[1], counts[2], pack.label(),
        seconds(started, System.nanoTime()));
    return counts;
  }

  /**
   * Indicator deviations, form execution, links across renames and rewordings and target
   * changes, each written to its table.
   */
  private Indicators indicators(Dataset<Row> indicators, Dataset<Row> forms, Dataset<Row> units,
      RulePack pack, double linkDistance) {
    Dataset<Row> deviations = write(Metrics.indicatorDeviations(indicators, pack),
        Tables.INDICATOR_DEVIATIONS);
    Dataset<Row> execution = write(Metrics.formExecution(forms, deviations, pack),
        Tables.FORM_EXECUTION);
    // links and target changes both start from it
    Dataset<Row> keyed = keep(deviations.join(forms.select(col("form_id").as("k_form_id"),
        TargetChanges.formKey().as("form_key")), col("form_id").equalTo(col("k_form_id")),
        "inner").drop("k_form_id"));
    Dataset<Row> links = write(Links.units(units, linkDistance, SEED)
        .unionByName(Links.indicators(keyed, linkDistance)), Tables.LINKS);
    Dataset<Row> changes = write(TargetChanges.changes(keyed, links),
        Tables.TARGET_CHANGES);
    return new Indicators(deviations, execution, changes);
  }

  /** The unit-year profiles with their flag counts and clusters, written. */
  private void patterns(Dataset<Row> profiles, Dataset<Row> flags,
      FlagThresholds.ClusterSettings clusters) {
    long step = System.nanoTime();
    Dataset<Row> counted = keep(Profiles.withFlagCounts(profiles, flags));
    overwrite(Tables.UNIT_YEAR_PROFILES.conform(Clusters.assign(counted, clusters.features(),
        clusters.minRows(), clusters.minK(), clusters.maxK(), SEED)), Tables.UNIT_YEAR_PROFILES);
    LOG.info("analyse: int_unit_year_profiles with clusters computed and written in {} s",
        seconds(step, System.nanoTime()));
  }

  /** The forms superseded by a duplicate; none in a warehouse loaded before there were. */
  private Dataset<Row> superseded() {
    return warehouse.has(spark, Tables.SUPERSEDED_FORMS) ? read(Tables.SUPERSEDED_FORMS)
        : spark.createDataFrame(java.util.List.of(), Tables.SUPERSEDED_FORMS.schema());
  }

  private Dataset<Row> read(Table table) {
    return warehouse.read(spark, table);
  }

  /**
   * Computes {@code rows} once and keeps them, cut from the plan that made them: the steps after
   * plan over a small scan instead of the whole analysis so far, and their tasks do not carry
   * its lineage (a persisted Dataset would keep both).
   */
  private static Dataset<Row> keep(Dataset<Row> rows) {
    return rows.localCheckpoint(true);
  }

  /** Replaces {@code table} with {@code rows}; returns the rows, kept for the next steps. */
  private Dataset<Row> write(Dataset<Row> rows, Table table) {
    long started = System.nanoTime();
    Dataset<Row> written = keep(rows);
    long computed = System.nanoTime();
    overwrite(written, table);
    LOG.info("analyse: {} computed in {} s, written in {} s", table, seconds(started, computed),
        seconds(computed, System.nanoTime()));
    return written;
  }

  private void overwrite(Dataset<Row> rows, Table table) {
    new DeltaWriter(spark).replace(warehouse.table(table), rows,
        Objects.requireNonNull(source, "source"));
  }

  /** CPU seconds this JVM has used (every thread): what a stage costs on a shared machine. */
  static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  private static String seconds(long from, long to) {
    return String.format(java.util.Locale.ROOT, "%.1f", (to - from) / 1e9);
  }
}
