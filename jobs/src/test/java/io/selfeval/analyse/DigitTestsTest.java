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
  private final FlagThresholds limits = FlagThresholds.load(null);

  @Test
  void uniformLeadingDigitsFailBenfordAndBenfordDistributedOnesPass() {
    List<Row> rows = new ArrayList<>();
    // 2022: 450 amounts whose first digits are 1..9 fifty times each (uniform: MAD 0.059)
    for (int k = 0; k < 450; k++) {
      rows.add(RowFactory.create(2022, new BigDecimal((k % 9 + 1) + "" + (k % 7) + ".25")));
    }
    // 2023: 450 amounts 10^(u) for u evenly spread over [1, 4): Benford by construction
    for (int k = 0; k < 450; k++) {
      double u = 1 + 3.0 * (k + 0.5) / 450;
      rows.add(RowFactory.create(2023, BigDecimal.valueOf(Math.pow(10, u))
          .setScale(2, java.math.RoundingMode.HALF_UP)));
    }
    // 2024: too few to test
    for (int k = 0; k < 20; k++) {
      rows.add(RowFactory.create(2024, new BigDecimal("9" + k)));
    }
    Dataset<Row> amounts = spark.createDataFrame(rows,
        new StructType().add("fiscal_year", "int").add("amount", "decimal(22,6)"));
    List<Row> flags = DigitTests.digitAnomalies(amounts, limits).collectAsList();
    assertEquals(1, flags.size());
    Row flag = flags.get(0);
    assertEquals(2022, (int) flag.getAs("fiscal_year"));
    assertEquals("DIGIT_ANOMALY", flag.getAs("rule_id"));
    String evidence = flag.getAs("evidence");
    assertTrue(evidence.contains("amounts=450"), evidence);
    assertTrue(evidence.contains("digits=1:50 2:50"), evidence);
  }
}
