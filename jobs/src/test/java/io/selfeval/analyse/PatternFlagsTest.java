package io.selfeval.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.selfeval.spark.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class PatternFlagsTest {

  private final SparkSession spark = SharedSpark.get();
  private final FlagThresholds limits = FlagThresholds.load(null);

  private static List<String> describe(Dataset<Row> flags) {
    return flags.selectExpr("concat_ws(' ', rule_id, form_id, coalesce(indicator_id, '-'), "
        + "cast(source_line as string))").as(Encoders.STRING()).collectAsList().stream()
        .sorted().toList();
  }

  @Test
  void oneUnitYearFarFromItsSixPeersIsPeerOutlier() {
    // inflation points -0.5, 0, 0.2, 0.5, 1, 15: median 0.35, MAD 0.5,
    // robust z of 15 = 0.6745 x 14.65 / 0.5 = 19.8; of 1 = 0.88
    Dataset<Row> profiles = spark.sql("select unit_id, 2024 as fiscal_year, "
        + "cast(p as decimal(22,6)) as inflation_points, form_id, 'x.txt' as source_file, "
        + "1 as line_start from values ('a', -0.5, 'fa'), ('b', 0, 'fb'), ('c', 0.2, 'fc'), "
        + "('d', 0.5, 'fd'), ('e', 1, 'fe'), ('f', 15, 'ff') as v(unit_id, p, form_id)");
    List<String> peers = describe(PatternFlags.outliers(profiles, "inflation_points",
        "fiscal_year", limits.outlierMinPeers(), limits, "PEER_OUTLIER"));
    assertEquals(List.of("PEER_OUTLIER ff - 1"), peers);
    // five units are fewer than the configured minimum of peers: nothing is judged
    assertEquals(List.of(), describe(PatternFlags.outliers(profiles.where("unit_id != 'a'"),
        "inflation_points", "fiscal_year", 6, limits, "PEER_OUTLIER")));
  }

  @Test
  void satisfactionJustAboveTargetTwoYearsRunningIsFlaggedEachYear() {
    Dataset<Row> deviations = spark.sql("select concat(form_id, '#0') as indicator_id, "
        + "form_id, unit_id, fiscal_year, '满意度指标' as level1, '服务对象满意度指标' as level2, "
        + "'群众满意度' as name, target_text, actual_text, 'percent' as target_kind, "
        + "'percent' as actual_kind, cast(tv as decimal(22,6)) as target_value, "
        + "cast(av as decimal(22,6)) as actual_value, 'x.txt' as source_file, 20 as line "
        + "from values ('u22', 'u', 2022, '≥90%', '91%', 90, 91), "
        + "('u23', 'u', 2023, '≥90%', '90.5%', 90, 90.5), "
        + "('v22', 'v', 2022, '≥90%', '91%', 90, 91), "
        + "('v23', 'v', 2023, '≥90%', '97%', 90, 97) "
        + "as v(form_id, unit_id, fiscal_year, target_text, actual_text, tv, av)");
    assertEquals(List.of("SATISFACTION_AT_THRESHOLD u22 u22#0 20",
        "SATISFACTION_AT_THRESHOLD u23 u23#0 20"),
        describe(PatternFlags.satisfactionAtThreshold(deviations, limits)));
  }
}
