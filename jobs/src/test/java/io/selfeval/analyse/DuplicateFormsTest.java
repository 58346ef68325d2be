package io.selfeval.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.selfeval.spark.SharedSpark;
import io.selfeval.warehouse.Tables;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** DUPLICATE_FORM stands on the kept form and names both documents. */
class DuplicateFormsTest {

  private final SparkSession spark = SharedSpark.get();

  @Test
  void oneFlagPerSupersededFormOnTheKeptFormNamingBothDocuments() {
    Dataset<Row> forms = spark.createDataFrame(List.of(
        RowFactory.create("b", "2025/b.txt", 3), RowFactory.create("z", "z.txt", 1)),
        new StructType().add("form_id", "string").add("source_file", "string")
            .add("line_start", "int"));
    Dataset<Row> superseded = spark.createDataFrame(List.of(
        RowFactory.create("a", "SA", "2024/a.txt", "u1", 2023, "unit", null, "b", "SB",
            "2025/b.txt", "r2"),
        RowFactory.create("c", "SC", "c.txt", "u1", 2023, "unit", null, "b", "SB",
            "2025/b.txt", "r2"),
        // its kept form has left: no flag
        RowFactory.create("d", "SD", "d.txt", "u2", 2023, "unit", null, "gone", "SG",
            "g.txt", "r2")), Tables.SUPERSEDED_FORMS.schema());
    FlagThresholds t = FlagThresholds.load(null);
    List<Row> flags = DuplicateForms.flags(superseded, forms, t, "national@1")
        .orderBy("evidence").collectAsList();
    assertEquals(2, flags.size());
    Row first = flags.get(0);
    assertEquals("DUPLICATE_FORM", first.getAs("rule_id"));
    assertEquals("medium", first.getAs("severity"));
    assertEquals("b", first.getAs("form_id"));
    assertEquals("2025/b.txt", first.getAs("source_file"));
    assertEquals(3, (int) first.getAs("source_line"));
    assertEquals("kept_file=2025/b.txt, superseded_file=2024/a.txt, superseded_form=a",
        first.getAs("evidence"));
    assertEquals(Map.of("kept_file", "2025/b.txt", "superseded_file", "c.txt",
        "superseded_form", "c"), flags.get(1).getJavaMap(flags.get(1).fieldIndex(
            "evidence_values")));
    assertEquals(2, flags.stream().map(r -> r.<String>getAs("flag_id")).distinct().count(),
        "the two flags of one kept form have their own keys");
    assertEquals(List.of(Tables.FLAGS.schema().fieldNames()),
        List.of(DuplicateForms.flags(superseded, forms, t, "p").columns()));
  }
}
