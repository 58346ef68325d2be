package io.selfeval.load;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.when;

import io.selfeval.model.JsonSchemaStruct;
import io.selfeval.model.Schemas;
import io.selfeval.spark.SmallInputs;
import io.selfeval.warehouse.DeltaWriter;
import io.selfeval.warehouse.LoadedDocuments;
import io.selfeval.warehouse.Tables;
import io.selfeval.warehouse.Tables.Table;
import io.selfeval.warehouse.Warehouse;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load stage: validates normalised records against the contract and merges them into the
 * Delta tables on stable keys.
 *
 * <ul>
 *   <li>A document whose sha256 is already in {@code forms} is skipped; a document with any
 *       invalid record is rejected whole (every record of it goes to {@code rejects}), so a table
 *       never holds half a document.
 *   <li>A new version of a file already loaded replaces the old version's rows: the rows of the
 *       old sha256 are deleted in the same MERGE that inserts the new ones.
 *   <li>With the extraction outcomes (one per document in the input), the tables follow the
 *       input ({@link InputChanges}): the forms of a document no longer in it (deleted, or
 *       replaced by a new or a rejected version) are retired, and a document now under another
 *       name gets that name as {@code source_file}. {@link InputChanges.Policy#KEEP_MISSING}
 *       keeps the forms of documents that are only no longer listed.
 *   <li>Each table changed gets one commit (a rename one more); child tables are written before
 *       {@code forms}, whose sha256 decides what is skipped and what is retired, so a run that
 *       dies half-way is simply done again.
 * </ul>
 */
public final class LoadJob {

  private static final Logger LOG = LoggerFactory.getLogger(LoadJob.class);
  private static final String LOAD = "load";
  private static final String SKIP = "skip";
  private static final String REJECT = "reject";

  /** The point where the child tables are merged, and forms (what a rerun skips by) not yet. */
  public static final String BEFORE_FORMS = "load.before-forms";

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final DeltaWriter delta;
  private final Consumer<String> reached;
  private final InputChanges.Policy policy;

  /** A load whose tables follow the input the outcomes list. */
  public LoadJob(SparkSession spark, Warehouse warehouse) {
    this(spark, warehouse, InputChanges.Policy.FOLLOW_INPUT, point -> {});
  }

  /** A load whose tables follow the input as {@code policy} says. */
  public LoadJob(SparkSession spark, Warehouse warehouse, InputChanges.Policy policy) {
    this(spark, warehouse, policy, point -> {});
  }

  /** A load that tells {@code reached} each named point ({@link #BEFORE_FORMS}) it passes. */
  public LoadJob(SparkSession spark, Warehouse warehouse, InputChanges.Policy policy,
      Consumer<String> reached) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.delta = new DeltaWriter(spark);
    this.policy = policy;
    this.reached = reached;
  }

  /**
   * Loads the records at {@code recordsPath} (a JSON Lines file or a folder of them) and, when
   * {@code outcomesPath} exists, records the documents extraction rejected.
   */
  public LoadSummary run(String recordsPath, String outcomesPath, String runId) {
    long started = System.nanoTime();
    Dataset<Row> checked = spark.read().schema(new StructType().add("value", "string"))
        .text(recordsPath)
        .mapPartitions(new RecordCheckFunction(), Encoders.row(RecordCheckFunction.OUTPUT))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return load(checked, outcomesPath, runId, started);
    } finally {
      checked.unpersist();
    }
  }

  private LoadSummary load(Dataset<Row> checked, String outcomesPath, String runId,
      long started) {
    String formsPath = warehouse.table(Tables.FORMS);
    boolean firstLoad = !delta.exists(formsPath);
    final long recordsIn = checked.count();
    SmallInputs.tune(spark, "load", recordsIn + (firstLoad ? 0 : warehouse.forms(spark)));
    Dataset<Row> known = firstLoad
        ? spark.createDataFrame(java.util.List.of(), new StructType().add("known_sha256",
            DataTypes.StringType))
        : LoadedDocuments.of(delta.read(formsPath), superseded())
            .select(col("sha256").as("known_sha256"));

    // One decision per document content: load, skip (already loaded) or reject (invalid).
    Dataset<Row> documents = checked
        .withColumn("sha_key", coalesce(col("document_sha256"), concat_ws(":", lit("no-sha"),
            coalesce(col("source_file"), col("excerpt")))))
        .groupBy(col("sha_key"))
        .agg(min(col("source_file")).as("chosen_file"),
            countDistinct(coalesce(col("source_file"), lit(""))).as("names"),
            max(size(col("errors")).gt(0).or(col("document_sha256").isNull())).as("invalid"))
        .join(known, col("sha_key").equalTo(col("known_sha256")), "left_outer")
        .withColumn("decision", when(col("invalid"), lit(REJECT))
            .when(col("known_sha256").isNotNull(), lit(SKIP)).otherwise(lit(LOAD)))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, long[]> counts = new HashMap<>();
      for (Row r : documents.groupBy("decision")
          .agg(count(lit(1)), org.apache.spark.sql.functions.sum(col("names"))).collectAsList()) {
        counts.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
      }
      long load = counts.getOrDefault(LOAD, new long[2])[0];
      // a content stored under several names is loaded once; its other names count as skipped
      long extraNames = counts.getOrDefault(LOAD, new long[2])[1] - load;
      final long skipped = counts.getOrDefault(SKIP, new long[2])[1] + extraNames;
      final long rejected = counts.getOrDefault(REJECT, new long[2])[1];

      Dataset<Row> toLoad = checked
          .join(documents.where(col("decision").equalTo(LOAD)),
              col("document_sha256").equalTo(col("sha_key"))
                  .and(col("source_file").equalTo(col("chosen_file"))), "left_semi")
          .withColumn("r", from_json(col("value"), JsonSchemaStruct.of("record.schema.json")));
      Dataset<Row> outcomes = outcomesPath != null && exists(outcomesPath)
          ? spark.read().schema(Schemas.ddl("tables/document_outcomes.ddl")).json(outcomesPath)
          : null;
      Dataset<Row> retired = null;
      Dataset<Row> renamed = null;
      long retiredDocuments = 0;
      if (!firstLoad && outcomes != null) {
        Dataset<Row> current = delta.read(formsPath)
            .select(col("form_id"), col("document_sha256"), col("source_file"));
        retired = InputChanges.retired(current, outcomes, policy).localCheckpoint(true);
        renamed = InputChanges.renamed(current, outcomes).localCheckpoint(true);
        retiredDocuments = retired.select(col("document_sha256")).distinct().count();
      }
      long recordsLoaded = 0;
      long indicatorRows = 0;
      if (load > 0 || retiredDocuments > 0) {
        long[] written = writeDocuments(toLoad, runId, retired);
        recordsLoaded = written[0];
        indicatorRows = written[1];
      }
      if (renamed != null && !renamed.isEmpty()) {
        rename(renamed);
      }
      long superseded = load > 0 || retiredDocuments > 0 ? supersede(outcomes, runId) : 0;
      long extractRejects = writeRejects(checked, documents, outcomesPath, runId);
      delta.createMissing(warehouse, Tables.LOADED);
      LoadSummary summary = new LoadSummary(load + skipped + rejected, load, skipped, rejected,
          recordsIn, recordsLoaded, indicatorRows, extractRejects, warehouse.root(),
          retiredDocuments);
      LOG.info("load: done in {} s: {} loaded, {} skipped, {} rejected, {} retired, {} forms "
          + "superseded by a duplicate", String.format("%.1f", (System.nanoTime() - started)
          / 1e9), load, skipped, rejected, retiredDocuments, superseded);
      return summary;
    } finally {
      documents.unpersist();
    }
  }

  /**
   * Writes the documents' rows and deletes those of the forms in {@code retired} (form_id;
   * null: none); returns {records, indicator rows} written.
   */
  private long[] writeDocuments(Dataset<Row> toLoad, String runId, Dataset<Row> retired) {
    // Each table's rows are computed once and cut from the wide record plan, so the MERGEs
    // (which scan their source more than once) plan and run over small flat data.
    Dataset<Row> records = toLoad.localCheckpoint(true);
    Dataset<Row> forms = RecordTables.forms(records, runId).localCheckpoint(true);
    Dataset<Row> budgetLines = RecordTables.budgetLines(records).localCheckpoint(true);
    final Dataset<Row> indicators = RecordTables.indicators(records).localCheckpoint(true);
    final Dataset<Row> facts = RecordTables.facts(records).localCheckpoint(true);
    final String formsPath = warehouse.table(Tables.FORMS);
    final Dataset<Row> replacedForms = goneForms(forms, retired);
    timed(Tables.BUDGET_LINES, () -> upsertChild(Tables.BUDGET_LINES, budgetLines,
        replacedForms));
    timed(Tables.INDICATORS, () -> upsertChild(Tables.INDICATORS, indicators, replacedForms));
    timed(Tables.FACTS, () -> upsertChild(Tables.FACTS, facts, replacedForms));
    reached.accept(BEFORE_FORMS);
    timed(Tables.FORMS, () -> delta.upsert(formsPath, forms, replacedForms,
        Tables.FORMS.key()));
    timed(Tables.UNITS, () -> delta.sync(warehouse.table(Tables.UNITS),
        RecordTables.units(delta.read(formsPath)), Tables.UNITS.key()));
    return new long[] {forms.count(), indicators.count()};
  }

  /**
   * The forms whose rows go: those of earlier versions of the files being loaded, and the
   * {@code retired} ones (null: none); null when there are none to look for.
   */
  private Dataset<Row> goneForms(Dataset<Row> forms, Dataset<Row> retired) {
    String formsPath = warehouse.table(Tables.FORMS);
    Dataset<Row> gone = delta.exists(formsPath)
        ? delta.read(formsPath).as("t")
            .join(forms.select(col("source_file").as("f"), col("document_sha256").as("s"))
                .distinct(),
                col("t.source_file").equalTo(col("f"))
                    .and(col("t.document_sha256").notEqual(col("s"))), "left_semi")
            .select(col("form_id"))
        : null;
    if (retired != null) {
      gone = gone == null ? retired.select(col("form_id"))
          : gone.unionByName(retired.select(col("form_id")));
    }
    return gone == null ? null : gone.distinct().localCheckpoint(true);
  }

  /** The superseded_forms table; null before it exists. */
  private Dataset<Row> superseded() {
    String path = warehouse.table(Tables.SUPERSEDED_FORMS);
    return delta.exists(path) ? delta.read(path) : null;
  }

  /**
   * Moves the forms that {@link Duplicates} supersedes out of the current tables into
   * {@code superseded_forms}, after dropping from it the forms whose document left the input or
   * that are current again; returns the forms superseded by this run.
   */
  private long supersede(Dataset<Row> outcomes, String runId) {
    final String formsPath = warehouse.table(Tables.FORMS);
    String path = warehouse.table(Tables.SUPERSEDED_FORMS);
    Dataset<Row> before = superseded();
    if (before != null) {
      Dataset<Row> stale = before.join(delta.read(formsPath).select(col("form_id").as("f_id")),
          col("form_id").equalTo(col("f_id")), "left_semi").select(col("form_id"));
      if (outcomes != null) {
        stale = stale.unionByName(InputChanges.retired(before, outcomes, policy)
            .select(col("form_id")));
      }
      delta.deleteKeys(path, stale.localCheckpoint(true), "form_id");
    }
    Dataset<Row> losers = Duplicates.superseded(delta.read(formsPath), runId)
        .localCheckpoint(true);
    long count = losers.count();
    if (count == 0) {
      return 0;
    }
    Dataset<Row> ids = losers.select(col("form_id"));
    for (Table child : new Table[] {Tables.BUDGET_LINES, Tables.INDICATORS, Tables.FACTS}) {
      timed(child, () -> delta.deleteKeys(warehouse.table(child), ids, "form_id"));
    }
    timed(Tables.FORMS, () -> delta.deleteKeys(formsPath, ids, "form_id"));
    timed(Tables.SUPERSEDED_FORMS, () -> delta.upsert(path, losers, null, "form_id"));
    timed(Tables.UNITS, () -> delta.sync(warehouse.table(Tables.UNITS),
        RecordTables.units(delta.read(formsPath)), Tables.UNITS.key()));
    LOG.warn("load: {} forms superseded by a later duplicate from another document "
        + "(superseded_forms, flag DUPLICATE_FORM)", count);
    return count;
  }

  /** Sets the new source_file of {@code renamed} forms (form_id, new_source_file) everywhere. */
  private void rename(Dataset<Row> renamed) {
    for (Table table : new Table[] {Tables.BUDGET_LINES, Tables.INDICATORS, Tables.FACTS,
        Tables.FORMS}) {
      timed(table, () -> delta.update(warehouse.table(table), renamed,
          col("t.form_id").equalTo(col("s.form_id")),
          col("t.source_file").notEqual(col("s.new_source_file")),
          Map.of("source_file", col("s.new_source_file"))));
    }
  }

  private static void timed(Table table, Runnable write) {
    long t0 = System.nanoTime();
    write.run();
    LOG.debug("load: {} written in {} ms", table, (System.nanoTime() - t0) / 1_000_000);
  }

  private void upsertChild(Table table, Dataset<Row> rows, Dataset<Row> replacedForms) {
    String path = warehouse.table(table);
    String key = table.key();
    Dataset<Row> deletions = replacedForms == null || !delta.exists(path) ? null
        : delta.read(path).join(replacedForms, "form_id").select(col(key)).localCheckpoint(true);
    delta.upsert(path, rows, deletions, key);
  }

  /** Rejected records of this load, and documents extraction rejected; returns the latter. */
  private long writeRejects(Dataset<Row> checked, Dataset<Row> documents, String outcomesPath,
      String runId) {
    Dataset<Row> loadRejects = checked
        .join(documents.where(col("decision").equalTo(REJECT)).select("sha_key"),
            coalesce(col("document_sha256"), concat_ws(":", lit("no-sha"),
                coalesce(col("source_file"), col("excerpt")))).equalTo(col("sha_key")),
            "left_semi")
        .select(
            concat_ws("#", lit(LOAD), coalesce(col("document_sha256"), col("source_file"),
                lit("?")), coalesce(col("form_index").cast("string"), lit("?"))).as("reject_id"),
            lit(LOAD).as("stage"), col("source_file"), col("document_sha256"),
            col("form_index").as("record_index"),
            when(size(col("errors")).gt(0), concat_ws("; ", lit("record violates "
                + "schemas/record.schema.json:"), concat_ws("; ", slice(col("errors"), 1, 5))))
                .otherwise(lit("another record of this document violates the schema"))
                .as("reason"),
            col("excerpt"), lit(runId).as("first_run_id"));
    Dataset<Row> rejects = Tables.REJECTS.conform(loadRejects);
    long extractRejects = 0;
    if (outcomesPath != null && exists(outcomesPath)) {
      Dataset<Row> outcomes = spark.read().schema(Schemas.ddl("tables/document_outcomes.ddl"))
          .json(outcomesPath).where(col("status").equalTo("rejected"));
      // one row per rejected name: the same bytes under two names are two documents to account
      // for (two empty files must not collapse into one reject)
      Dataset<Row> extract = Tables.REJECTS.conform(outcomes.select(
          concat_ws("#", lit("extract"), coalesce(col("sha256"), lit("no-sha")), col("file"))
              .as("reject_id"),
          lit("extract").as("stage"), col("file").as("source_file"),
          col("sha256").as("document_sha256"), lit(null).cast("int").as("record_index"),
          col("reason"), lit(null).cast("string").as("excerpt"),
          lit(runId).as("first_run_id")));
      extractRejects = extract.count();
      rejects = rejects.unionByName(extract);
    }
    if (!rejects.isEmpty()) {
      delta.insertNew(warehouse.table(Tables.REJECTS),
          rejects.dropDuplicates(Tables.REJECTS.key()), Tables.REJECTS.key());
    }
    return extractRejects;
  }

  private boolean exists(String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
