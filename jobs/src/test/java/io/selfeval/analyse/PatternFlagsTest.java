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
  private final FlagThresholds.Outliers limits = FlagThresholds.load(null).outliers();

  private static List<String> describe(Dataset<Row> flags) {
    return flags.selectExpr("concat_ws(' ', rule_id, form_id, coalesce(indicator_id, '-'), "
        + "cast(source_line as string))").as(Encoders.STRING()).collectAsList().stream()
        .sorted().toList();
  }

  @Test
  void oneUnitYearFarFromItsSixPeersIsPeerOutlier() {
    // inflation points -0.5, 0, 0.2, 0.5, 1, 15: median 0.35, MAD 0.5 below the floor of 1.0,
    // robust z of 15 = 0.6745 x 14.65 / 1.0 = 9.9; of 1 = 0.44
    Dataset<Row> profiles = spark.sql("select unit_id, 2024 as fiscal_year, "
        + "cast(p as decimal(22,6)) as inflation_points, form_id, 'x.txt' as source_file, "
        + "1 as line_start from values ('a', -0.5, 'fa'), ('b', 0, 'fb'), ('c', 0.2, 'fc'), "
        + "('d', 0.5, 'fd'), ('e', 1, 'fe'), ('f', 15, 'ff') as v(unit_id, p, form_id)");
    List<String> peers = describe(PatternFlags.outliers(profiles, "inflation_points",
        "fiscal_year", limits.minPeers(), limits, "PEER_OUTLIER"));
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
        describe(PatternFlags.satisfactionAtThreshold(deviations,
            FlagThresholds.load(null).satisfaction())));
  }

  @Test
  void onlyTheTooGoodSideBeyondTheMadFloorIsAnOutlier() {
    // full-marks shares 0.8, 0.8, 0.85, 0.85, 0.9, 0.9 and two far ones: 0.1 (too bad, not
    // flagged: one-sided) and 1.0; median 0.85, MAD 0.05 under the floor 0.1:
    // z(1.0) = 0.6745 x 0.15 / 0.1 = 1.01, not flagged either
    Dataset<Row> profiles = spark.sql("select unit_id, 2024 as fiscal_year, "
        + "cast(p as decimal(22,6)) as full_marks_share, unit_id as form_id, "
        + "'x.txt' as source_file, 1 as line_start from values ('a', 0.8), ('b', 0.8), "
        + "('c', 0.85), ('d', 0.85), ('e', 0.9), ('f', 0.9), ('g', 0.1), ('h', 1.0) "
        + "as v(unit_id, p)");
    assertEquals(List.of(), describe(PatternFlags.outliers(profiles, "full_marks_share",
        "fiscal_year", limits.minPeers(), limits, "PEER_OUTLIER")));
    // exact-hit shares 0, 0, 0.1, 0.1, 0.1, 0.2 and 1.0: median 0.1, MAD 0.1 (the floor is
    // 0.1 too): z(1.0) = 0.6745 x 0.9 / 0.1 = 6.07, flagged; z(0) = -0.67, not
    Dataset<Row> exact = spark.sql("select unit_id, 2024 as fiscal_year, "
        + "cast(p as decimal(22,6)) as exact_hit_share, unit_id as form_id, "
        + "'x.txt' as source_file, 7 as line_start from values ('a', 0), ('b', 0), "
        + "('c', 0.1), ('d', 0.1), ('e', 0.1), ('f', 0.2), ('g', 1.0) as v(unit_id, p)");
    assertEquals(List.of("PEER_OUTLIER g - 7"), describe(PatternFlags.outliers(exact,
        "exact_hit_share", "fiscal_year", limits.minPeers(), limits, "PEER_OUTLIER")));
  }
}
