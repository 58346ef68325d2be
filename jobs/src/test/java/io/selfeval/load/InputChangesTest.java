package io.selfeval.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.selfeval.spark.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Which loaded forms leave or get renamed when the input changes, on small inline tables. */
class InputChangesTest {

  private final SparkSession spark = SharedSpark.get();

  /** Forms f1 (a.txt, sha A), f2 and f3 (b.txt, sha B), f4 (c.txt, sha C), f5 (d.txt, D). */
  private Dataset<Row> forms() {
    return spark.createDataFrame(List.of(
        RowFactory.create("f1", "A", "a.txt"), RowFactory.create("f2", "B", "b.txt"),
        RowFactory.create("f3", "B", "b.txt"), RowFactory.create("f4", "C", "c.txt"),
        RowFactory.create("f5", "D", "d.txt")),
        new StructType().add("form_id", "string").add("document_sha256", "string")
            .add("source_file", "string"));
  }

  /**
   * The input now: a.txt unchanged; b.txt deleted; c.txt holds new bytes that are rejected;
   * D's bytes now under new.txt and z.txt (renamed, and copied).
   */
  private Dataset<Row> outcomes() {
    return spark.createDataFrame(List.of(
        RowFactory.create("a.txt", "A", "unchanged"),
        RowFactory.create("c.txt", "C2", "rejected"),
        RowFactory.create("z.txt", "D", "unchanged"),
        RowFactory.create("new.txt", "D", "unchanged")),
        new StructType().add("file", "string").add("sha256", "string").add("status", "string"));
  }

  private static List<String> firstColumn(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(r -> r.getString(0) + "/" + r.getString(1))
        .sorted().toList();
  }

  @Test
  void formsOfDocumentsNoLongerInTheInputAreRetired() {
    assertEquals(List.of("f2/B", "f3/B", "f4/C"), firstColumn(InputChanges.retired(forms(),
        outcomes(), InputChanges.Policy.FOLLOW_INPUT)));
  }

  @Test
  void keepMissingRetiresOnlyWhatWasReplacedAtItsPath() {
    assertEquals(List.of("f4/C"), firstColumn(InputChanges.retired(forms(), outcomes(),
        InputChanges.Policy.KEEP_MISSING)));
  }

  @Test
  void documentUnderOtherNamesOnlyTakesTheFirstOfThem() {
    assertEquals(List.of("f5/new.txt"), firstColumn(InputChanges.renamed(forms(),
        outcomes())));
  }
}
