package io.selfeval.analyse;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.spark.SharedSpark;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ClustersTest {

  private static final StructType PROFILES = StructType.fromDDL("unit_id STRING, "
      + "exact_hit_share DECIMAL(22,6), full_marks_share DOUBLE, inflation_points DECIMAL(22,6), "
      + "qualitative_share DOUBLE, execution_rate DECIMAL(22,6)");
  private static final List<String> FEATURES = List.of("exact_hit_share", "full_marks_share",
      "inflation_points", "qualitative_share", "execution_rate");
  // group centres (exact_hit_share, full_marks_share, inflation_points)
  private static final double[][] CENTRES = {{0.1, 0.2, 0}, {0.5, 0.9, 5}, {0.9, 0.4, 10}};

  private static List<Row> clustered;

  private final SparkSession spark = SharedSpark.get();

  private static Row profile(String unit, double x, Double y, double z) {
    return RowFactory.create(unit, BigDecimal.valueOf(x), y, BigDecimal.valueOf(z), 0.5, null);
  }

  /**
   * Groups a, b and c: 10 points each within ±0.01 (shares) and ±0.1 (points) of their centre,
   * so about 0.03 standard deviations from it, while the centres are 3 or more standard
   * deviations apart. c0 lacks full_marks_share: the median of the column (0.40, the 15th and
   * 16th of its 30 values lie in group c) puts it back in c. Point f sits off centre a by
   * (0.1, 0.1, 1.0), about 0.5 standard deviations: nearer a than any other centre but ten times
   * as far as a's own points. qualitative_share is constant and execution_rate always null:
   * both carry nothing and are left out.
   */
  private Dataset<Row> groups() {
    List<Row> rows = new ArrayList<>();
    for (int g = 0; g < 3; g++) {
      for (int j = 0; j < 10; j++) {
        double dx = 0.01 * (j % 3 - 1);
        double dy = 0.01 * (j % 2 == 0 ? -1 : 1);
        double dz = 0.1 * ((j / 3) % 3 - 1);
        String unit = "abc".charAt(g) + String.valueOf(j);
        Double y = unit.equals("c0") ? null : round(CENTRES[g][1] + dy);
        rows.add(profile(unit, round(CENTRES[g][0] + dx), y, round(CENTRES[g][2] + dz)));
      }
    }
    rows.add(profile("f", 0.2, 0.3, 1.0));
    return spark.createDataFrame(rows, PROFILES);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** The groups clustered once for the tests that only read the result (k from 2 to 4). */
  private List<Row> clustered() {
    synchronized (ClustersTest.class) {
      if (clustered == null) {
        clustered = Clusters.assign(groups(), FEATURES, 10, 2, 4, 7L).collectAsList();
      }
      return clustered;
    }
  }

  @Test
  void threeSeparateGroupsGiveThreeClustersAndTheStrayPointTheHighestScore() {
    List<Row> out = clustered();
    assertEquals(31, out.size());
    Map<Character, Set<Integer>> byGroup = new HashMap<>();
    BigDecimal farScore = null;
    BigDecimal otherMax = BigDecimal.ZERO;
    for (Row r : out) {
      assertEquals(3, r.<Integer>getAs("cluster_k"));
      String unit = r.getAs("unit_id");
      BigDecimal score = r.getAs("anomaly_score");
      if (unit.equals("f")) {
        farScore = score;
      } else {
        byGroup.computeIfAbsent(unit.charAt(0), c -> new HashSet<>()).add(r.getAs("cluster"));
        otherMax = otherMax.max(score);
      }
    }
    // each group whole in one cluster, and the three clusters different
    for (char g : "abc".toCharArray()) {
      assertEquals(1, byGroup.get(g).size(), "clusters of group " + g);
    }
    Set<Integer> clusters = new HashSet<>();
    byGroup.values().forEach(clusters::addAll);
    assertEquals(Set.of(0, 1, 2), clusters);
    assertTrue(farScore.compareTo(otherMax) > 0, farScore + " vs " + otherMax);
    assertTrue(farScore.compareTo(BigDecimal.valueOf(3)) > 0, "far point scored " + farScore);
    assertEquals(List.of("unit_id", "exact_hit_share", "full_marks_share", "inflation_points",
        "qualitative_share", "execution_rate", "cluster", "cluster_k", "anomaly_score"),
        List.of(out.get(0).schema().fieldNames()));
  }

  @Test
  void sameInputAndSeedGiveTheSameAssignment() {
    List<String> again = Clusters.assign(groups(), FEATURES, 10, 2, 4, 7L).collectAsList()
        .stream().map(ClustersTest::describe).sorted().toList();
    assertEquals(clustered().stream().map(ClustersTest::describe).sorted().toList(), again);
  }

  /**
   * Points without a clear grouping, where k-means depends on where it starts: the same rows in
   * another partitioning and order (another master, other partition counts, files listed in
   * another order) must still give the same k, clusters and scores.
   */
  @Test
  void theLayoutOfTheRowsDoesNotChangeTheAssignment() {
    Random random = new Random(3);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rows.add(profile("u" + i, round(random.nextDouble()), round(random.nextDouble()),
          round(10 * random.nextDouble())));
    }
    Dataset<Row> points = spark.createDataFrame(rows, PROFILES);
    List<String> one = Clusters.assign(points.repartition(1), FEATURES, 10, 2, 6, 7L)
        .collectAsList().stream().map(ClustersTest::describe).sorted().toList();
    List<String> seven = Clusters.assign(points.orderBy(col("unit_id").desc()).repartition(7),
        FEATURES, 10, 2, 6, 7L)
        .collectAsList().stream().map(ClustersTest::describe).sorted().toList();
    assertEquals(one, seven);
  }

  @Test
  void tooFewRowsOrDistinctPointsLeaveEveryRowUnassigned() {
    // 31 rows, 32 required
    List<Row> few = Clusters.assign(groups(), FEATURES, 32, 2, 4, 7L).collectAsList();
    assertEquals(31, few.size());
    assertTrue(few.stream().allMatch(r -> r.isNullAt(6) && r.isNullAt(7) && r.isNullAt(8)));
    // four rows, one point: no k leaves fewer clusters than distinct points
    Dataset<Row> same = spark.createDataFrame(List.of(profile("p", 0.5, 0.5, 1),
        profile("q", 0.5, 0.5, 1), profile("r", 0.5, null, 1), profile("s", 0.5, 0.5, 1)),
        PROFILES);
    List<Row> one = Clusters.assign(same, FEATURES, 2, 2, 4, 7L).collectAsList();
    assertEquals(4, one.size());
    assertTrue(one.stream().allMatch(r -> r.isNullAt(6) && r.isNullAt(7) && r.isNullAt(8)));
  }

  @Test
  void nullFeatureTakesTheColumnMedian() {
    Map<String, Integer> cluster = new HashMap<>();
    clustered().forEach(r -> cluster.put(r.getAs("unit_id"), r.getAs("cluster")));
    // c0 (no full_marks_share) clusters with c1, not with a1
    assertEquals(cluster.get("c1"), cluster.get("c0"));
    assertNotEquals(cluster.get("a1"), cluster.get("c0"));
  }

  private static String describe(Row r) {
    return r.getAs("unit_id") + " " + r.getAs("cluster") + " " + r.getAs("cluster_k") + " "
        + r.getAs("anomaly_score");
  }
}
