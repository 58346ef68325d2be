package io.selfeval.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.selfeval.spark.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class TargetChangesTest {

  private final SparkSession spark = SharedSpark.get();

  @Test
  void targetsAreComparedWithTheSameIndicatorTheYearBeforeByNameOrLink() {
    Dataset<Row> deviations = spark.sql("select id as indicator_id, unit_id, form_key, "
        + "fiscal_year, name, kind as target_kind, word as target_unit, "
        + "cast(t as decimal(22,6)) as target_value, cast(a as decimal(22,6)) as actual_value, "
        + "status, 'x.txt' as source_file, 10 as line from values "
        // beaten in 2022, the same target again in 2023
        + "('a22', 'u', '(unit)', 2022, '培训人次', 'number', '人次', 100, 120, 'exceeded'), "
        + "('a23', 'u', '(unit)', 2023, '培训人次', 'number', '人次', 100, 130, 'exceeded'), "
        // missed in 2022, lowered in 2023
        + "('b22', 'u', '(unit)', 2022, '检查次数', 'number', '次', 50, 40, 'missed'), "
        + "('b23', 'u', '(unit)', 2023, '检查次数', 'number', '次', 45, 46, 'exceeded'), "
        // reworded in 2023, linked by int_links, raised
        + "('c22', 'u', '(unit)', 2022, '执法案件数量', 'number', '件', 10, 12, 'exceeded'), "
        + "('c23', 'u', '(unit)', 2023, '执法案件数', 'number', '件', 12, 12, 'met'), "
        // a percentage target turned into a number: not comparable
        + "('d22', 'u', '(unit)', 2022, '合格率', 'percent', null, 95, 96, 'exceeded'), "
        + "('d23', 'u', '(unit)', 2023, '合格率', 'number', null, 95, 96, 'exceeded'), "
        // the same name in a project form and in another unit: other indicators
        + "('e23', 'u', '信息化建设项目', 2023, '培训人次', 'number', '人次', 80, 90, 'exceeded'), "
        + "('f23', 'v', '(unit)', 2023, '培训人次', 'number', '人次', 300, 310, 'exceeded') "
        + "as v(id, unit_id, form_key, fiscal_year, name, kind, word, t, a, status)");
    Dataset<Row> links = spark.sql("select 'indicator' as link_kind, 'c22' as left_key, "
        + "'c23' as right_key");
    List<String> changes = TargetChanges.changes(deviations, links)
        .selectExpr("concat_ws(' ', previous_indicator_id, indicator_id, matched_by, change, "
            + "cast(after_beaten as string))").as(Encoders.STRING()).collectAsList().stream()
        .sorted().toList();
    assertEquals(List.of("a22 a23 same_name repeated true", "b22 b23 same_name lowered false",
        "c22 c23 link raised true"), changes);
  }
}
