package io.selfeval.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.selfeval.model.PiiMasker;
import io.selfeval.warehouse.DocumentCatalogue;
import io.selfeval.warehouse.LoadedDocuments;
import io.selfeval.warehouse.Tables;
import io.selfeval.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the input is exactly what the warehouse already holds, told from file names, sizes and
 * modification times alone: no document is read. A run that finds so needs no extract, load or
 * commit at all.
 *
 * <p>The input is unchanged when every listed document has a row in the {@code documents}
 * catalogue with the same masked name, size and modification time, and that row's content is
 * accounted for: its sha256 is loaded ({@link LoadedDocuments}), or it was rejected by extraction
 * and {@code rejects} holds that; and when no catalogued document has left the input. Anything
 * else (a new, touched, renamed or deleted file, a document extracted but never loaded, as after
 * a run killed between the two, an archive, whose own hash names no form) sends the run the
 * usual way, which decides document by document.
 */
public final class UnchangedInput {

  private static final Logger LOG = LoggerFactory.getLogger(UnchangedInput.class);

  /** The listed documents of an unchanged input, and how many of them extraction rejected. */
  public record Unchanged(long documents, long rejected) {}

  private static final StructType LISTED = new StructType()
      .add("file", DataTypes.StringType, false)
      .add("size_bytes", DataTypes.LongType, false)
      .add("modified_at", DataTypes.TimestampType, true);

  private static final String REJECTED = "rejected";

  private UnchangedInput() {}

  /**
   * The unchanged input under {@code input}, or null when something may have changed; with
   * {@code keepMissing} false, also when a loaded document is in no listed file (its forms are
   * to be retired, as after a run that recorded a file missing and died before the load).
   */
  public static Unchanged check(SparkSession spark, Warehouse warehouse, String input,
      boolean keepMissing) {
    final long started = System.nanoTime();
    List<DocumentLister.Entry> entries;
    try {
      entries = DocumentLister.list(spark.sparkContext().hadoopConfiguration(), input);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the input " + input + ": " + e.getMessage(), e);
    }
    Dataset<Row> catalogue = new DocumentCatalogue(spark, warehouse).known();
    Dataset<Row> loaded = catalogue == null ? null : LoadedDocuments.of(spark, warehouse);
    if (loaded == null) {
      return null;
    }
    List<Row> rows = new ArrayList<>(entries.size());
    Set<String> names = new HashSet<>();
    for (DocumentLister.Entry e : entries) {
      String file = PiiMasker.mask(e.relativePath());
      if (!names.add(file)) {
        return null; // two names that mask alike: let extraction account for each
      }
      rows.add(RowFactory.create(file, e.sizeBytes(),
          e.modifiedMillis() < 0 ? null : new Timestamp(e.modifiedMillis())));
    }
    Row r = compare(spark.createDataFrame(rows, LISTED), catalogue, loaded,
        rejectedByExtraction(spark, warehouse)).first();
    long changed = r.isNullAt(0) ? 0 : r.getLong(0);
    if (changed == 0 && !keepMissing && !unlisted(loaded, catalogue).isEmpty()) {
      changed = 1;
    }
    long rejected = r.isNullAt(1) ? 0 : r.getLong(1);
    LOG.info("extract: {} documents listed, {} new, changed or gone since the catalogue "
        + "(checked in {} s)", entries.size(), changed,
        String.format("%.1f", (System.nanoTime() - started) / 1e9));
    return changed == 0 ? new Unchanged(entries.size(), rejected) : null;
  }

  /**
   * One row: the documents new, changed or gone, and the unchanged ones that extraction
   * rejected. {@code listed} has file, size_bytes and modified_at; {@code catalogue} the
   * {@code documents} rows still in the input; {@code loaded} one column of loaded sha256;
   * {@code rejectedFiles} one column of files extraction rejected. Pure.
   */
  static Dataset<Row> compare(Dataset<Row> listed, Dataset<Row> catalogue, Dataset<Row> loaded,
      Dataset<Row> rejectedFiles) {
    Dataset<Row> known = catalogue
        .select(col("file").as("k_file"), col("size_bytes").as("k_size"),
            col("modified_at").as("k_modified_at"), col("sha256").as("k_sha256"),
            col("status").as("k_status"))
        .join(loaded.select(col(loaded.columns()[0]).as("l_sha256")).distinct(),
            col("k_sha256").equalTo(col("l_sha256")), "left_outer")
        .join(rejectedFiles.select(col(rejectedFiles.columns()[0]).as("r_file")).distinct(),
            col("k_file").equalTo(col("r_file")), "left_outer");
    Column rejected = col("k_status").equalTo(REJECTED).and(col("r_file").isNotNull());
    Column same = col("file").isNotNull().and(col("k_file").isNotNull())
        .and(col("size_bytes").equalTo(col("k_size")))
        .and(col("modified_at").eqNullSafe(col("k_modified_at")))
        .and(col("l_sha256").isNotNull().or(rejected));
    return listed.join(known, col("file").equalTo(col("k_file")), "full_outer")
        .agg(sum(when(same, 0L).otherwise(1L)).as("changed"),
            sum(when(same.and(col("l_sha256").isNull()), 1L).otherwise(0L)).as("rejected"));
  }

  /**
   * The loaded sha256 ({@code loaded}, one column) that no catalogued file still in the input
   * has: documents whose forms the next load retires. Pure.
   */
  static Dataset<Row> unlisted(Dataset<Row> loaded, Dataset<Row> catalogue) {
    return loaded.select(col(loaded.columns()[0]).as("u_sha256"))
        .join(catalogue.select(col("sha256").as("c_sha256")),
            col("u_sha256").equalTo(col("c_sha256")), "left_anti");
  }

  private static Dataset<Row> rejectedByExtraction(SparkSession spark, Warehouse warehouse) {
    if (!warehouse.has(spark, Tables.REJECTS)) {
      return spark.createDataFrame(List.of(), new StructType().add("source_file",
          DataTypes.StringType));
    }
    return warehouse.read(spark, Tables.REJECTS)
        .where(col("stage").equalTo(lit("extract")).and(col("source_file").isNotNull()))
        .select(col("source_file"));
  }
}
