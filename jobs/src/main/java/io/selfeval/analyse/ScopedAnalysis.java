package io.selfeval.analyse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.selfeval.warehouse.TableVersions;
import io.selfeval.warehouse.Tables;
import io.selfeval.warehouse.Tables.Table;
import io.selfeval.warehouse.Warehouse;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysis of what changed ({@link ChangeScope}), merged into the tables a previous
 * analysis left, so that they end as a full recomputation would leave them:
 * <ul>
 *   <li>per indicator row and per form (deviations, execution, the rules of one form or row,
 *       a document's statements): the changed forms only; the rows of retired forms deleted;</li>
 *   <li>links and target changes: every year of each unit and form key a changed form belongs
 *       to (an indicator is compared with the year before, linked to the next year the form
 *       appears); unit links over all units (one row each, cheap);</li>
 *   <li>unit-year profiles: the unit-years of the changed forms, of the target changes that
 *       changed, and every year of a unit whose name changed;</li>
 *   <li>over every unit-year or population (peer and history outliers, satisfaction across
 *       years, digit tests, duplicate forms, the flag counts and the k-means clusters): over all
 *       of them, from the merged tables: they read one row per unit-year, a filtered scan, or
 *       small tables.</li>
 * </ul>
 * Each table gets one commit (a MERGE of the changed rows, the profiles replaced), stamped with
 * what the analysis is computed from, as the full analysis stamps it.
 */
final class ScopedAnalysis {

  private static final Logger LOG = LoggerFactory.getLogger(ScopedAnalysis.class);
  /** The rules judged over every form or unit-year, whatever changed. */
  static final List<String> WHOLE_RULES = List.of("SATISFACTION_AT_THRESHOLD", "PEER_OUTLIER",
      "HISTORY_OUTLIER", "DIGIT_ANOMALY", DuplicateForms.RULE);
  private static final String NARRATIVE = "NARRATIVE_TABLE_MISMATCH";
  private static final String DELETE = "_delete";
  private static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final String source;
  private final long seed;

  ScopedAnalysis(SparkSession spark, Warehouse warehouse, String source, long seed) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.source = source;
    this.seed = seed;
  }

  /** Returns {indicator rows, forms, flags} in the tables after the merge. */
  long[] run(ChangeScope scope, RulePack pack, FlagThresholds t) {
    final long started = System.nanoTime();
    final String label = pack.label();
    Dataset<Row> changed = keep(scope.forms());
    Dataset<Row> ids = changed.select(col("form_id")).distinct();
    Dataset<Row> forms = keep(read(Tables.FORMS));
    Dataset<Row> units = keep(read(Tables.UNITS));
    final Dataset<Row> facts = keep(read(Tables.FACTS));
    Dataset<Row> formsF = keep(semi(forms, ids, "form_id"));
    Column inScope = col("form_id").isin(ids.collectAsList().stream().map(r -> r.get(0))
        .toArray());

    // per indicator row and per form: the changed forms only
    Dataset<Row> deviationsF = keep(Metrics.indicatorDeviations(
        semi(read(Tables.INDICATORS), ids, "form_id"), pack));
    merge(Tables.INDICATOR_DEVIATIONS, deviationsF, inScope);
    Dataset<Row> executionF = keep(Metrics.formExecution(formsF, deviationsF, pack));
    merge(Tables.FORM_EXECUTION, executionF, inScope);
    Dataset<Row> execution = keep(read(Tables.FORM_EXECUTION));

    // links and target changes: every year of the unit and form keys touched
    Dataset<Row> keys = keep(changed.where(col("unit_id").isNotNull()
        .and(col("form_key").isNotNull())).select(col("unit_id"), col("form_key")).distinct());
    Dataset<Row> formsK = semi(forms.select(col("form_id").as("k_form_id"), col("unit_id")
        .as("k_unit_id"), TargetChanges.formKey().as("form_key")).withColumnRenamed(
        "k_unit_id", "unit_id"), keys, "unit_id", "form_key").drop("unit_id");
    Dataset<Row> keyed = keep(read(Tables.INDICATOR_DEVIATIONS).join(formsK,
        col("form_id").equalTo(col("k_form_id")), "inner").drop("k_form_id"));
    double distance = t.linkMaxDistance().doubleValue();
    Dataset<Row> links = keep(Links.units(units, distance, seed)
        .unionByName(Links.indicators(keyed, distance)));
    Column keyScope = keyIn(keys);
    merge(Tables.LINKS, links, col("link_kind").equalTo("unit").or(keyScope));
    Dataset<Row> changes = keep(TargetChanges.changes(keyed, links));
    Dataset<Row> before = keep(read(Tables.TARGET_CHANGES).where(keyScope));
    Dataset<Row> changedYears = changes.exceptAll(before).unionByName(before.exceptAll(changes))
        .select(col("unit_id"), col("fiscal_year"));
    merge(Tables.TARGET_CHANGES, changes, keyScope);

    // the unit-year profiles to recompute, then every profile for the rules over them
    Dataset<Row> renamed = forms.where(col("unit_id").isin(scope.units().toArray()))
        .select(col("unit_id"), col("fiscal_year"));
    Dataset<Row> years = keep(changed.select(col("unit_id"), col("fiscal_year"))
        .unionByName(changedYears).unionByName(renamed)
        .where(col("unit_id").isNotNull().and(col("fiscal_year").isNotNull())).distinct());
    Dataset<Row> recomputed = Profiles.unitYearProfiles(
        semi(execution, years, "unit_id", "fiscal_year"),
        semi(read(Tables.INDICATOR_DEVIATIONS), years, "unit_id", "fiscal_year"), units,
        semi(read(Tables.TARGET_CHANGES), years, "unit_id", "fiscal_year"), t.scores(),
        t.peers(), label);
    Dataset<Row> kept = read(Tables.UNIT_YEAR_PROFILES).join(years,
            new String[] {"unit_id", "fiscal_year"}, "left_anti")
        .withColumn("cluster", lit(null).cast("int"))
        .withColumn("cluster_k", lit(null).cast("int"))
        .withColumn("anomaly_score", lit(null).cast("decimal(22,6)"))
        .withColumn("flags", lit(0))
        .withColumn("high_flags", lit(0));
    Dataset<Row> profiles = keep(Tables.UNIT_YEAR_PROFILES.conform(kept)
        .unionByName(recomputed));

    // flags: the rows and documents of the changed forms, the rules over everything whole
    Dataset<Row> rowFlags = Flags.flags(new Flags.Inputs(formsF, executionF, deviationsF,
        semi(facts, ids, "form_id"), null), t, label, true, NARRATIVE::equals);
    Dataset<Row> setFlags = Flags.flags(new Flags.Inputs(forms, execution,
        read(Tables.INDICATOR_DEVIATIONS), facts, profiles), t, label, false,
        code -> !NARRATIVE.equals(code));
    Dataset<Row> flags = keep(rowFlags.unionByName(setFlags)
        .unionByName(DuplicateForms.flags(superseded(), forms, t, label)));
    merge(Tables.FLAGS, flags, inScope.or(col("rule_id").isin(WHOLE_RULES.toArray())));
    Dataset<Row> allFlags = keep(read(Tables.FLAGS));

    long step = System.nanoTime();
    FlagThresholds.ClusterSettings clusters = t.clusters();
    Dataset<Row> counted = keep(Profiles.withFlagCounts(profiles, allFlags));
    Dataset<Row> clustered = Tables.UNIT_YEAR_PROFILES.conform(Clusters.assign(counted,
        clusters.features(), clusters.minRows(), clusters.minK(), clusters.maxK(), seed));
    clustered.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true")
        .option("userMetadata", source).save(warehouse.table(Tables.UNIT_YEAR_PROFILES));
    LOG.info("analyse: int_unit_year_profiles with clusters computed and written in {} s",
        seconds(step));
    long[] counts = {read(Tables.INDICATOR_DEVIATIONS).count(), execution.count(),
        allFlags.count()};
    LOG.info("analyse (scoped, {} forms changed): {} indicator rows, {} forms, {} flags under "
        + "rule pack {} in {} s", scope.formCount(), counts[0], counts[1], counts[2], label,
        seconds(started));
    return counts;
  }

  /**
   * One commit on {@code table}: the rows it holds where {@code scope} is true are replaced by
   * {@code rows} (matched by the table's keys; those without a new row deleted). Every row of
   * {@code rows} lies in the scope, so when the table holds none there (forms that are all
   * new) the rows are appended, which costs no join. The commit carries the analysis stamp; a
   * merge that changed nothing still leaves a stamped commit.
   */
  void merge(Table table, Dataset<Row> rows, Column scope) {
    final long started = System.nanoTime();
    String path = warehouse.table(table);
    String[] keys = table.keys().toArray(String[]::new);
    Dataset<Row> held = keep(read(table).where(scope).select(keyColumns(keys)));
    if (held.isEmpty()) {
      rows.write().format("delta").mode(SaveMode.Append).option("userMetadata", source)
          .save(path);
      LOG.info("analyse: {} appended in {} s", table, seconds(started));
      return;
    }
    Dataset<Row> stale = held.join(rows.select(keyColumns(keys)), keys, "left_anti");
    Dataset<Row> merged = rows.withColumn(DELETE, lit(false))
        .unionByName(stale.withColumn(DELETE, lit(true)), true);
    Column on = lit(true);
    for (String k : keys) {
      on = on.and(col("t." + k).equalTo(col("s." + k)));
    }
    long version = TableVersions.latest(spark, path);
    spark.conf().set(USER_METADATA, source);
    try {
      DeltaTable.forPath(spark, path).as("t")
          .merge(merged.as("s"), on)
          .whenMatched(col("s." + DELETE)).delete()
          .whenMatched().updateAll()
          .whenNotMatched(col("s." + DELETE).unary_$bang()).insertAll()
          .execute();
    } finally {
      spark.conf().unset(USER_METADATA);
    }
    if (TableVersions.latest(spark, path) == version) {
      // nothing to merge made no commit: an empty one carries the stamp
      spark.createDataFrame(List.of(), read(table).schema()).write().format("delta")
          .mode(SaveMode.Append).option("userMetadata", source).save(path);
    }
    LOG.info("analyse: {} merged in {} s", table, seconds(started));
  }

  private static Column[] keyColumns(String[] keys) {
    Column[] out = new Column[keys.length];
    for (int i = 0; i < keys.length; i++) {
      out[i] = col(keys[i]);
    }
    return out;
  }

  /** True on rows whose unit and form key are among {@code keys} (a few thousand at most). */
  private static Column keyIn(Dataset<Row> keys) {
    return unitFormKey(col("unit_id"), col("form_key")).isin(keys.select(unitFormKey(
        col("unit_id"), col("form_key"))).collectAsList().stream().map(r -> r.get(0)).toArray());
  }

  private static Column unitFormKey(Column unit, Column formKey) {
    return org.apache.spark.sql.functions.concat_ws("\u0001", unit, formKey);
  }

  private static Dataset<Row> semi(Dataset<Row> rows, Dataset<Row> keys, String... on) {
    return rows.join(org.apache.spark.sql.functions.broadcast(keys.select(keyColumns(on))), on,
        "left_semi");
  }

  private Dataset<Row> superseded() {
    return warehouse.has(spark, Tables.SUPERSEDED_FORMS) ? read(Tables.SUPERSEDED_FORMS)
        : spark.createDataFrame(List.of(), Tables.SUPERSEDED_FORMS.schema());
  }

  private Dataset<Row> read(Table table) {
    return warehouse.read(spark, table);
  }

  private static Dataset<Row> keep(Dataset<Row> rows) {
    return rows.localCheckpoint(true);
  }

  private static String seconds(long from) {
    return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - from) / 1e9);
  }
}
