package io.selfeval.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.selfeval.spark.SharedSpark;
import io.selfeval.warehouse.LoadedDocuments;
import io.selfeval.warehouse.Tables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The same form from two documents: the later publication stays current. */
class DuplicatesTest {

  private static final StructType FORMS = new StructType().add("form_id", "string")
      .add("document_sha256", "string").add("source_file", "string").add("unit_id", "string")
      .add("fiscal_year", "int").add("form_kind", "string").add("project_name", "string")
      .add("loaded_run_id", "string");

  private final SparkSession spark = SharedSpark.get();

  private Dataset<Row> forms(Row... rows) {
    return spark.createDataFrame(List.of(rows), FORMS);
  }

  private static Row form(String id, String sha, String file, String unit, Integer year,
      String kind, String project, String run) {
    return RowFactory.create(id, sha, file, unit, year, kind, project, run);
  }

  private static List<String> pairs(Dataset<Row> superseded) {
    return superseded.collectAsList().stream().map(r -> r.<String>getAs("form_id") + "->"
        + r.<String>getAs("kept_form_id") + " " + r.<String>getAs("source_file") + "->"
        + r.<String>getAs("kept_source_file")).sorted().toList();
  }

  @Test
  void theLaterFirstLoadIsKeptAndEachOtherDocumentsFormIsSuperseded() {
    Dataset<Row> forms = forms(
        // one unit form for u1 2023 in three documents, loaded by three runs
        form("a", "SA", "2024/a.txt", "u1", 2023, "unit", null, "20260101T000000Z-aaaaaa"),
        form("b", "SB", "2025/b.txt", "u1", 2023, "unit", null, "20260301T000000Z-bbbbbb"),
        form("c", "SC", "c.txt", "u1", 2023, "unit", null, "20260201T000000Z-cccccc"),
        // a project form of the same unit and year is another form
        form("p", "SA", "2024/a.txt", "u1", 2023, "project", "协管员经费",
            "20260101T000000Z-aaaaaa"),
        // the same project twice in one document is not a duplicate across documents
        form("q1", "SQ", "q.txt", "u2", 2023, "project", "办案费", "20260101T000000Z-aaaaaa"),
        form("q2", "SQ", "q.txt", "u2", 2023, "project", "办案费", "20260101T000000Z-aaaaaa"),
        // no year: never judged a duplicate
        form("n1", "SN1", "n1.txt", "u3", null, "unit", null, "20260101T000000Z-aaaaaa"),
        form("n2", "SN2", "n2.txt", "u3", null, "unit", null, "20260301T000000Z-bbbbbb"));
    Dataset<Row> superseded = Duplicates.superseded(forms, "run-9");
    assertEquals(List.of("a->b 2024/a.txt->2025/b.txt", "c->b c.txt->2025/b.txt"),
        pairs(superseded));
    assertEquals(List.of(Tables.SUPERSEDED_FORMS.schema().fieldNames()),
        List.of(superseded.columns()));
  }

  @Test
  void loadedInTheSameRunTheGreaterFileNameIsKept() {
    Dataset<Row> forms = forms(
        form("x", "S1", "report.txt", "u1", 2023, "unit", null, "r1"),
        form("y", "S2", "report_v2.txt", "u1", 2023, "unit", null, "r1"));
    assertEquals(List.of("x->y report.txt->report_v2.txt"),
        pairs(Duplicates.superseded(forms, "r1")));
  }

  @Test
  void documentWhoseSupersedingFormLeftIsNoLongerLoaded() {
    Dataset<Row> forms = forms(
        form("b", "SB", "b.txt", "u1", 2023, "unit", null, "r2"),
        form("k", "SK", "k.txt", "u9", 2023, "unit", null, "r1"));
    // SA was superseded by b (still there); SK's project form by a form that has left
    Dataset<Row> superseded = spark.createDataFrame(List.of(
        RowFactory.create("a", "SA", "a.txt", "u1", 2023, "unit", null, "b", "SB", "b.txt",
            "r2"),
        RowFactory.create("kp", "SK", "k.txt", "u9", 2023, "project", "办案费", "gone",
            "SG", "g.txt", "r2")), Tables.SUPERSEDED_FORMS.schema());
    List<String> loaded = LoadedDocuments.of(forms, superseded).collectAsList().stream()
        .map(r -> r.getString(0)).sorted().toList();
    assertEquals(List.of("SA", "SB"), loaded);
  }
}
