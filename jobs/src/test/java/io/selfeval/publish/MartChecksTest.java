package io.selfeval.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.spark.SharedSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** A mart whose key repeats is refused with the rule and the form of the repeated key. */
class MartChecksTest {

  @Test
  void duplicatedFlagKeyNamesItsRuleAndForm() {
    StructType schema = new StructType().add("flag_id", "string").add("rule_id", "string")
        .add("form_id", "string").add("source_file", "string");
    Dataset<Row> flags = SharedSpark.get().createDataFrame(List.of(
        RowFactory.create("k1", "PERFECT_TOTAL", "form-a", "a.txt"),
        RowFactory.create("k2", "NARRATIVE_TABLE_MISMATCH", "form-b", "b.txt"),
        RowFactory.create("k2", "NARRATIVE_TABLE_MISMATCH", "form-b", "b.txt")), schema);
    List<String> failed = MartChecks.failures(Map.of(Marts.INFLATION_FLAGS, flags), Map.of());
    List<String> unique = failed.stream().filter(f -> f.contains("not unique")).toList();
    assertEquals(1, unique.size(), failed.toString());
    assertTrue(unique.get(0).contains("flag_id=k2 (2 rows, rule_id=NARRATIVE_TABLE_MISMATCH, "
        + "form_id=form-b, source_file=b.txt)"), unique.get(0));
  }
}
