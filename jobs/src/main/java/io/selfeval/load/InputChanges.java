package io.selfeval.load;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the input's changes do to forms already loaded, judged from the extraction outcomes (one
 * row per document now in the input: file, sha256, status). Pure: no reads, writes or actions.
 *
 * <p>A document is in the input when an outcome names its sha256 with a status other than
 * rejected. Its forms stay; under another name they are renamed. The forms of a document no
 * longer in the input are retired: deleted, replaced by a new version, or replaced by one that
 * is rejected.
 */
public final class InputChanges {

  /** What happens to the forms of a document that left the input. */
  public enum Policy {
    /** The current tables show exactly the documents in the input (the default). */
    FOLLOW_INPUT,
    /**
     * A document that is no longer listed keeps its rows (for inputs archived away); one whose
     * path now holds other bytes (a new version, or a rejected one) is still replaced.
     */
    KEEP_MISSING
  }

  private static final String REJECTED = "rejected";

  private InputChanges() {}

  /**
   * The forms to retire: {@code forms} has form_id, document_sha256 and source_file; returns
   * form_id and document_sha256.
   */
  public static Dataset<Row> retired(Dataset<Row> forms, Dataset<Row> outcomes, Policy policy) {
    Dataset<Row> gone = forms.join(inInput(outcomes).select(col("sha256").as("i_sha256"))
        .distinct(), col("document_sha256").equalTo(col("i_sha256")), "left_anti");
    if (policy == Policy.KEEP_MISSING) {
      gone = gone.join(outcomes.select(col("file").as("o_file")).distinct(),
          col("source_file").equalTo(col("o_file")), "left_semi");
    }
    return gone.select(col("form_id"), col("document_sha256"));
  }

  /**
   * The forms whose document is in the input under other names only: form_id and
   * new_source_file (the first of its names now, in sort order).
   */
  public static Dataset<Row> renamed(Dataset<Row> forms, Dataset<Row> outcomes) {
    Dataset<Row> names = inInput(outcomes).groupBy(col("sha256").as("n_sha256"))
        .agg(min(col("file")).as("new_source_file"), collect_set(col("file")).as("names"));
    return forms.join(names, col("document_sha256").equalTo(col("n_sha256")), "inner")
        .where(array_contains(col("names"), col("source_file")).unary_$bang())
        .select(col("form_id"), col("new_source_file"));
  }

  private static Dataset<Row> inInput(Dataset<Row> outcomes) {
    Column kept = col("sha256").isNotNull().and(col("status").notEqual(lit(REJECTED)));
    return outcomes.where(kept);
  }
}
