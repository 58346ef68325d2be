package io.selfeval.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SmallInputsTest {

  private static final String FACTORY = "spark.sql.codegen.factoryMode";

  @Test
  void smallInputRunsInterpretedAndLargeOneGetsSessionSettingsBack() {
    SparkSession spark = SharedSpark.get();
    assertTrue(SmallInputs.tune(spark, "test", SmallInputs.MAX_FORMS));
    assertEquals("NO_CODEGEN", spark.conf().get(FACTORY));
    assertEquals("false", spark.conf().get("spark.sql.adaptive.enabled"));
    assertEquals("1", spark.conf().get("spark.sql.shuffle.partitions"));
    // interpreted projections, predicates and orderings compute what generated code does
    List<Row> rows = spark.range(1, 7).select(col("id").multiply(3).plus(1).as("v"))
        .filter(col("v").mod(2).equalTo(0)).orderBy(col("v").desc()).collectAsList();
    assertEquals(List.of(Row.fromSeq(scala(16L)), Row.fromSeq(scala(10L)),
        Row.fromSeq(scala(4L))), rows);

    assertFalse(SmallInputs.tuneForDocuments(spark, "test", SmallInputs.MAX_FORMS + 1));
    String built = spark.sparkContext().getConf().get(FACTORY, "FALLBACK");
    assertEquals(built, spark.conf().get(FACTORY));
  }

  private static scala.collection.immutable.Seq<Object> scala(Object value) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(value)).toList();
  }
}
