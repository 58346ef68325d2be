package io.selfeval.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.spark.SharedSpark;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DigitTestsTest {

  private final SparkSession spark = SharedSpark.get();
  private final FlagThresholds.Digits limits = FlagThresholds.load(null).digits();

  private Dataset<Row> amounts(List<Row> rows) {
    return spark.createDataFrame(rows, new StructType().add("fiscal_year", "int")
        .add("source_file", "string").add("amount", "decimal(22,6)"));
  }

  /** "test year" of each flag, sorted, and the evidence of each. */
  private static List<String> describe(Dataset<Row> flags) {
    return flags.collectAsList().stream().map(r -> r.<scala.collection.Map<String, String>>getAs(
        "evidence_values").get("test").get() + " " + r.getAs("fiscal_year")).sorted().toList();
  }

  private static String evidence(Dataset<Row> flags, String test, int year) {
    return flags.collectAsList().stream().filter(r -> ((String) r.getAs("evidence"))
        .contains("test=" + test) && (int) r.getAs("fiscal_year") == year)
        .map(r -> (String) r.getAs("evidence")).findFirst().orElseThrow();
  }

  @Test
  void uniformLeadingDigitsFailBenfordAndBenfordDistributedOnesPass() {
    List<Row> rows = new ArrayList<>();
    // 2022: 450 amounts whose first digits are 1..9 fifty times each (uniform: MAD 0.059),
    // all below 100 and none a multiple of 10: the other two tests have nothing to say
    for (int k = 0; k < 450; k++) {
      rows.add(RowFactory.create(2022, "a" + k,
          new BigDecimal((k % 9 + 1) + "" + (k % 7) + ".25")));
    }
    // 2023: 450 amounts 10^(u) for u evenly spread over [1, 4): Benford by construction
    for (int k = 0; k < 450; k++) {
      double u = 1 + 3.0 * (k + 0.5) / 450;
      rows.add(RowFactory.create(2023, "b" + k, BigDecimal.valueOf(Math.pow(10, u))
          .setScale(2, java.math.RoundingMode.HALF_UP)));
    }
    // 2024: too few to test
    for (int k = 0; k < 20; k++) {
      rows.add(RowFactory.create(2024, "c" + k, new BigDecimal("9" + k)));
    }
    Dataset<Row> flags = DigitTests.digitAnomalies(amounts(rows), limits);
    assertEquals(List.of("benford_first_digit 2022"), describe(flags));
    String evidence = evidence(flags, "benford_first_digit", 2022);
    assertTrue(evidence.contains("amounts=450"), evidence);
    assertTrue(evidence.contains("digits=1:50 2:50"), evidence);
  }

  @Test
  void roundAmountsFailTheLastTwoDigitsAndRoundNumberTests() {
    List<Row> rows = new ArrayList<>();
    // 2022: 400 amounts 100, 110, ..., 4090: last two digits only 00, 10, ..., 90, forty
    // times each: chi-square = 100 x (10 x 40^2) / 400 - 400 = 3600; all round (share 1)
    for (int k = 0; k < 400; k++) {
      rows.add(RowFactory.create(2022, "a" + k, BigDecimal.valueOf(100 + 10L * k)));
    }
    // 2023: 400 amounts whose last two integer digits run 00..99 four times each (chi-square
    // 0), none round
    for (int k = 0; k < 400; k++) {
      rows.add(RowFactory.create(2023, "b" + k,
          new BigDecimal((1000 + 100 * (k / 100) + k % 100) + ".37")));
    }
    // 2024: 300 documents each stating 500 twice: 300 figures, not 600
    for (int k = 0; k < 600; k++) {
      rows.add(RowFactory.create(2024, "c" + (k % 300), new BigDecimal("500")));
    }
    Dataset<Row> flags = DigitTests.digitAnomalies(amounts(rows), limits);
    List<String> found = describe(flags).stream()
        .filter(s -> !s.startsWith("benford")).toList();
    assertEquals(List.of("last_two_digits 2022", "last_two_digits 2024", "round_numbers 2022",
        "round_numbers 2024"), found);
    String lastTwo = evidence(flags, "last_two_digits", 2022);
    assertTrue(lastTwo.contains("chi2_99df=3600"), lastTwo);
    assertTrue(lastTwo.contains("cells_seen=10"), lastTwo);
    assertTrue(evidence(flags, "round_numbers", 2022).contains("round_share=1"));
    assertTrue(evidence(flags, "round_numbers", 2024).contains("amounts=300"));
  }
}
