package io.selfeval.warehouse;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The documents already loaded, by SHA-256: what extract need not read again and load need not
 * load again. Both stages ask, so it lives on the warehouse floor.
 */
public final class LoadedDocuments {

  private LoadedDocuments() {}

  /** The loaded documents of {@code warehouse}; null before the first load. */
  public static Dataset<Row> of(SparkSession spark, Warehouse warehouse) {
    if (!warehouse.has(spark, Tables.FORMS)) {
      return null;
    }
    return of(warehouse.read(spark, Tables.FORMS),
        warehouse.has(spark, Tables.SUPERSEDED_FORMS)
            ? warehouse.read(spark, Tables.SUPERSEDED_FORMS) : null);
  }

  /**
   * The documents already loaded (one column, sha256): those with a form in {@code forms}, and
   * those whose forms were all superseded by a form still there. A document with a superseded
   * form whose keeper has left is not: it is read again, so its form returns.
   */
  public static Dataset<Row> of(Dataset<Row> forms, Dataset<Row> superseded) {
    Dataset<Row> inForms = forms.select(col("document_sha256").as("sha256"));
    if (superseded == null) {
      return inForms.distinct();
    }
    Dataset<Row> keepers = forms.select(col("form_id").as("f_form_id"));
    Dataset<Row> orphaned = superseded.join(keepers,
            col("kept_form_id").equalTo(col("f_form_id")), "left_anti")
        .select(col("document_sha256").as("o_sha256"));
    return inForms.unionByName(superseded.select(col("document_sha256").as("sha256")))
        .distinct()
        .join(orphaned, col("sha256").equalTo(col("o_sha256")), "left_anti");
  }
}
