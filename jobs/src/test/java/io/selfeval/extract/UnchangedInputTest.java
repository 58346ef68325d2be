package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.selfeval.spark.SharedSpark;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The comparison of a listing with the documents catalogue: which inputs count as new, changed
 * or gone, and which unchanged ones are rejected documents. Inline rows, no files.
 */
class UnchangedInputTest {

  private static final Timestamp T1 = Timestamp.valueOf("2026-11-01 08:00:00");
  private static final Timestamp T2 = Timestamp.valueOf("2026-11-02 08:00:00");

  private static final StructType LISTED = new StructType()
      .add("file", DataTypes.StringType, false)
      .add("size_bytes", DataTypes.LongType, false)
      .add("modified_at", DataTypes.TimestampType, true);
  private static final StructType CATALOGUE = LISTED
      .add("sha256", DataTypes.StringType, true)
      .add("status", DataTypes.StringType, false);
  private static final StructType ONE = new StructType().add("v", DataTypes.StringType);

  private final SparkSession spark = SharedSpark.get();

  /** a.txt (loaded as aa), b.txt (rejected by extract, recorded), pipe (no time, rejected). */
  private final List<Row> catalogue = new ArrayList<>(List.of(
      RowFactory.create("a.txt", 10L, T1, "aa", "parsed"),
      RowFactory.create("b.txt", 0L, T1, "bb", "rejected"),
      RowFactory.create("pipe", 0L, null, null, "rejected")));
  private final List<Row> listed = new ArrayList<>(List.of(
      RowFactory.create("a.txt", 10L, T1),
      RowFactory.create("b.txt", 0L, T1),
      RowFactory.create("pipe", 0L, null)));
  private final List<Row> loaded = new ArrayList<>(List.of(RowFactory.create("aa")));
  private final List<Row> rejected = new ArrayList<>(List.of(RowFactory.create("b.txt"),
      RowFactory.create("pipe")));

  /** {changed, rejected}. */
  private List<Long> compare() {
    Row r = UnchangedInput.compare(spark.createDataFrame(listed, LISTED),
        spark.createDataFrame(catalogue, CATALOGUE), frame(loaded), frame(rejected)).first();
    return List.of(r.isNullAt(0) ? 0L : r.getLong(0), r.isNullAt(1) ? 0L : r.getLong(1));
  }

  private Dataset<Row> frame(List<Row> rows) {
    return spark.createDataFrame(rows, ONE);
  }

  @Test
  void theSameListingIsUnchangedWithItsRejectedDocumentsCounted() {
    assertEquals(List.of(0L, 2L), compare());
  }

  @Test
  void newFileCountsAsChanged() {
    listed.add(RowFactory.create("c.txt", 5L, T1));
    assertEquals(1L, compare().get(0));
  }

  @Test
  void fileGoneFromTheInputCountsAsChanged() {
    listed.remove(0);
    assertEquals(1L, compare().get(0));
  }

  @Test
  void otherSizeOrTimeCountsAsChanged() {
    listed.set(0, RowFactory.create("a.txt", 11L, T1));
    listed.set(1, RowFactory.create("b.txt", 0L, T2));
    listed.set(2, RowFactory.create("pipe", 0L, T1));
    assertEquals(3L, compare().get(0));
  }

  @Test
  void documentCataloguedButNotLoadedCountsAsChanged() {
    // as after a run killed between extract and load: its forms are not there
    loaded.clear();
    assertEquals(List.of(1L, 2L), compare());
  }

  @Test
  void rejectionMissingFromRejectsCountsAsChanged() {
    rejected.remove(0);
    assertEquals(List.of(1L, 1L), compare());
  }

  @Test
  void loadedDocumentInNoListedFileIsUnlisted() {
    // its file was recorded missing by a run that died before the load retired its forms
    loaded.add(RowFactory.create("gone"));
    List<Row> unlisted = UnchangedInput.unlisted(frame(loaded),
        spark.createDataFrame(catalogue, CATALOGUE)).collectAsList();
    assertEquals(List.of(RowFactory.create("gone")), unlisted);
  }

  @Test
  void noInputAndNoCatalogueIsUnchanged() {
    listed.clear();
    catalogue.clear();
    assertEquals(List.of(0L, 0L), compare());
  }
}
