package io.selfeval.extract;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.selfeval.model.PiiMasker;
import io.selfeval.model.Schemas;
import io.selfeval.spark.SmallInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extract stage: lists the documents under the input root, extracts them in parallel on the
 * executors, and writes the records (JSON Lines) and one outcome per document.
 */
public final class ExtractJob {

  private static final Logger LOG = LoggerFactory.getLogger(ExtractJob.class);

  /** Larger documents are rejected rather than read into memory. */
  public static final long DEFAULT_MAX_BYTES = 128L * 1024 * 1024;

  static final StructType REFS = new StructType()
      .add("uri", DataTypes.StringType, false)
      .add("file", DataTypes.StringType, false)
      .add("size_bytes", DataTypes.LongType, false)
      .add("error", DataTypes.StringType, true)
      .add("modified_at", DataTypes.TimestampType, true);

  /** The listed entries and their content's hash (null: extraction will reject them). */
  static final StructType HASHED = REFS.add("sha256", DataTypes.StringType, true);

  /** Status of a document already loaded with the same content: not extracted again. */
  public static final String UNCHANGED = "unchanged";

  /** The catalogue's columns as extraction knows them: file, size, time and hash. */
  public static final StructType SEEN = new StructType()
      .add("file", DataTypes.StringType, false)
      .add("size_bytes", DataTypes.LongType, false)
      .add("modified_at", DataTypes.TimestampType, true)
      .add("sha256", DataTypes.StringType, true)
      .add("status", DataTypes.StringType, true);

  private final SparkSession spark;
  private final long maxBytes;
  private Dataset<Row> seen;

  public ExtractJob(SparkSession spark) {
    this(spark, DEFAULT_MAX_BYTES);
  }

  public ExtractJob(SparkSession spark, long maxBytes) {
    this.spark = spark;
    this.maxBytes = maxBytes;
  }

  /**
   * The documents listed by this run with their size, time, hash and outcome ({@link #SEEN});
   * null before a run. A document extracted without a hash pass takes the hash of its outcome
   * (none for an archive, whose outcomes name its members: it is hashed next time).
   */
  public Dataset<Row> seen() {
    return seen;
  }

  /** Runs the stage on every document; outputs are replaced. */
  public ExtractSummary run(String input, String recordsOut, String outcomesOut) {
    return run(input, recordsOut, outcomesOut, null);
  }

  /**
   * Runs the stage; outputs are replaced. A document whose bytes hash to a value in
   * {@code loaded} (one string column: SHA-256 hex of documents already loaded; null: none) is
   * not extracted again: its outcome says {@code unchanged} and it writes no records.
   */
  public ExtractSummary run(String input, String recordsOut, String outcomesOut,
      Dataset<Row> loaded) {
    return run(input, recordsOut, outcomesOut, loaded, null);
  }

  /**
   * Runs the stage as {@link #run(String, String, String, Dataset)}, and takes the SHA-256 of a
   * document from {@code known} (rows of {@link #SEEN}: the catalogue of documents seen before)
   * instead of reading it when its file, size and modification time are the same: an unchanged
   * file is then neither read nor hashed. What this run saw is in {@link #seen()} afterwards.
   */
  public ExtractSummary run(String input, String recordsOut, String outcomesOut,
      Dataset<Row> loaded, Dataset<Row> known) {
    long started = System.nanoTime();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<DocumentLister.Entry> entries;
    try {
      entries = DocumentLister.list(hadoop, input);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the input " + input + ": " + e.getMessage(), e);
    }
    LOG.info("extract: {} documents under {}", entries.size(), input);
    SmallInputs.tuneForDocuments(spark, "extract", entries.size());

    Dataset<Row> outcomes = extract(entries, hadoopSettings(hadoop), loaded, known);
    outcomes.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      if (seen != null) {
        Dataset<Row> status = outcomes.select(col("file").as("o_file"),
            col("sha256").as("o_sha256"), col("status").as("o_status"));
        seen = seen.join(status, col("file").equalTo(col("o_file")), "left_outer")
            .select(col("file"), col("size_bytes"), col("modified_at"),
                coalesce(col("sha256"), col("o_sha256")).as("sha256"),
                col("o_status").as("status"))
            .dropDuplicates("file")
            .localCheckpoint(true);
      }
      outcomes.select(explode(col("records")).as("value"))
          .write().mode(SaveMode.Overwrite).text(recordsOut);
      outcomes.drop("records").orderBy("file")
          .write().mode(SaveMode.Overwrite).json(outcomesOut);
      ExtractSummary summary = summarise(outcomes, recordsOut, outcomesOut);
      LOG.info("extract: done in {} s: {} parsed, {} with warnings, {} unchanged, {} rejected; "
          + "{} forms", String.format("%.1f", (System.nanoTime() - started) / 1e9),
          summary.parsed(), summary.parsedWithWarnings(), summary.unchanged(),
          summary.rejected(), summary.forms());
      return summary;
    } finally {
      outcomes.unpersist();
    }
  }

  /**
   * One outcome row per entry: {@code schemas/tables/document_outcomes.ddl} plus the records as
   * JSON, which go to their own output. With {@code loaded}, documents are hashed first (a
   * streamed read) and only those not loaded are read again and extracted.
   */
  Dataset<Row> extract(List<DocumentLister.Entry> entries, Map<String, String> hadoopConf,
      Dataset<Row> loaded) {
    return extract(entries, hadoopConf, loaded, null);
  }

  Dataset<Row> extract(List<DocumentLister.Entry> entries, Map<String, String> hadoopConf,
      Dataset<Row> loaded, Dataset<Row> known) {
    List<Row> refs = new ArrayList<>(entries.size());
    for (DocumentLister.Entry e : entries) {
      // what leaves extraction names a document by its masked relative path
      refs.add(RowFactory.create(e.uri(), PiiMasker.mask(e.relativePath()), e.sizeBytes(),
          PiiMasker.mask(e.error()),
          e.modifiedMillis() < 0 ? null : new Timestamp(e.modifiedMillis())));
    }
    int partitions = Math.max(1, Math.min(entries.size(),
        spark.sparkContext().defaultParallelism() * 4));
    StructType outcomeSchema = Schemas.ddl("tables/document_outcomes.ddl")
        .add("records", DataTypes.createArrayType(DataTypes.StringType, false), false);
    Dataset<Row> listed = spark.createDataFrame(refs, REFS).repartition(partitions);
    // without a hash pass, what was seen takes its hash from the outcomes (below, in run)
    seen = listed.select(col("file"), col("size_bytes"), col("modified_at"),
        lit(null).cast("string").as("sha256"));
    if (loaded == null) {
      return listed.mapPartitions(new DocumentReaderFunction(hadoopConf, maxBytes),
          Encoders.row(outcomeSchema));
    }
    Dataset<Row> hashes = known == null
        ? listed.mapPartitions(new DocumentHashFunction(hadoopConf, maxBytes),
            Encoders.row(HASHED))
        : hashOrRecall(listed, known, hadoopConf);
    Dataset<Row> hashed = hashes
        .join(loaded.select(col(loaded.columns()[0]).as("loaded_sha256")).distinct(),
            col("sha256").equalTo(col("loaded_sha256")), "left_outer")
        .localCheckpoint(true);
    seen = hashed.select(col("file"), col("size_bytes"), col("modified_at"), col("sha256"));
    Dataset<Row> unchanged = hashed.where(col("loaded_sha256").isNotNull()).select(
        col("file"), col("sha256"), lit(UNCHANGED).as("status"),
        lit(null).cast("string").as("reason"), lit(null).cast("string").as("encoding"),
        col("size_bytes"), lit(0).as("forms"), lit(0).as("indicator_rows"), lit(0).as("facts"),
        lit(0).as("warnings"), current_timestamp().as("extracted_at"),
        array().cast(DataTypes.createArrayType(DataTypes.StringType, false)).as("records"));
    // the join's partitions follow the hashes and are coalesced to the (tiny) size of the refs:
    // spread what is left to extract over the cores again
    Dataset<Row> extracted = hashed.where(col("loaded_sha256").isNull())
        .select(col("uri"), col("file"), col("size_bytes"), col("error"))
        .repartition(partitions)
        .mapPartitions(new DocumentReaderFunction(hadoopConf, maxBytes),
            Encoders.row(outcomeSchema));
    return extracted.unionByName(unchanged);
  }

  /**
   * The listed entries with their hash: recalled from {@code known} when the file, its size and
   * its modification time are those of a row there, read and hashed otherwise.
   */
  private Dataset<Row> hashOrRecall(Dataset<Row> listed, Dataset<Row> known,
      Map<String, String> hadoopConf) {
    Dataset<Row> recalled = known.where(col("sha256").isNotNull()
            .and(col("modified_at").isNotNull()))
        .select(col("file").as("k_file"), col("size_bytes").as("k_size"),
            col("modified_at").as("k_modified_at"), col("sha256").as("k_sha256"))
        .dropDuplicates("k_file");
    Dataset<Row> joined = listed.join(recalled, col("file").equalTo(col("k_file"))
            .and(col("size_bytes").equalTo(col("k_size")))
            .and(col("modified_at").equalTo(col("k_modified_at")))
            .and(col("error").isNull()), "left_outer")
        .localCheckpoint(true);
    Column[] refs = new Column[] {col("uri"), col("file"), col("size_bytes"), col("error"),
        col("modified_at")};
    int partitions = Math.max(1, spark.sparkContext().defaultParallelism() * 4);
    Dataset<Row> hashedNow = joined.where(col("k_sha256").isNull()).select(refs)
        .repartition(partitions)
        .mapPartitions(new DocumentHashFunction(hadoopConf, maxBytes), Encoders.row(HASHED));
    return hashedNow.unionByName(joined.where(col("k_sha256").isNotNull())
        .select(col("uri"), col("file"), col("size_bytes"), col("error"), col("modified_at"),
            col("k_sha256").as("sha256")));
  }

  private static ExtractSummary summarise(Dataset<Row> outcomes, String recordsOut,
      String outcomesOut) {
    Row r = outcomes.agg(
        sum(lit(1L)), count("parsed"), count("parsed_with_warnings"), count(UNCHANGED),
        count("rejected"), sum("forms"), sum("indicator_rows"), sum("facts"), sum("warnings"))
        .first();
    return new ExtractSummary(longAt(r, 0), longAt(r, 1), longAt(r, 2), longAt(r, 3),
        longAt(r, 4), longAt(r, 5), longAt(r, 6), longAt(r, 7), longAt(r, 8), recordsOut,
        outcomesOut);
  }

  private static Column count(String status) {
    return sum(when(col("status").equalTo(status), 1L).otherwise(0L));
  }

  private static long longAt(Row r, int i) {
    return r.isNullAt(i) ? 0L : ((Number) r.get(i)).longValue();
  }

  /** The driver's Hadoop settings, for the executors to open the same file systems. */
  private static Map<String, String> hadoopSettings(Configuration conf) {
    Map<String, String> out = new HashMap<>();
    conf.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
