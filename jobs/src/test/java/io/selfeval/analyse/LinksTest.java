package io.selfeval.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.Schemas;
import io.selfeval.spark.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class LinksTest {

  private final SparkSession spark = SharedSpark.get();

  private static List<String> describe(Dataset<Row> links) {
    return links.selectExpr("concat_ws(' ', link_kind, left_key, right_key, left_name, "
        + "right_name, coalesce(unit_id, '-'), cast(left_year as string), "
        + "cast(right_year as string), cast(jaccard_distance as string))")
        .as(Encoders.STRING()).collectAsList().stream().sorted().toList();
  }

  /** The shipped default, flags.json's link_max_distance: what a run uses. */
  private static final double DEFAULT = FlagThresholds.load(null).linkMaxDistance()
      .doubleValue();

  @Test
  void defaultIsTheOneOfFlagsJson() {
    assertEquals(0.5, DEFAULT);
  }

  @Test
  void renamedUnitIsLinkedToItsNewName() {
    Dataset<Row> units = spark.sql("select unit_id, canonical_name, array(canonical_name) "
        + "as names_seen, years_seen from values "
        + "('u1', '株洲市城市管理局', array(2021, 2020, 2022)), "
        + "('u2', '株洲市 城市综合管理局', array(2023, 2024)), "
        + "('u3', '株洲市财政局', array(2020, 2021, 2022, 2023, 2024)), "
        + "('u4', '株洲市财政局机关', array(2021, 2022)), "
        + "('u5', '株洲市教育局', array(2020, 2021)), "
        + "('u6', '湘潭市卫生健康委员会', array(2022, 2023, 2024)) "
        + "as v(unit_id, canonical_name, years_seen)");
    Dataset<Row> links = Links.units(units, DEFAULT, 42L);
    // u1: 株洲 洲市 市城 城市 市管 管理 理局 (7); u2, the space dropped: 株洲 洲市 市城 城市 市综
    // 综合 合管 管理 理局 (9); 6 shared, 10 in all: 1 - 6 / 10 = 0.4.
    // u3 and u4 (株洲 洲市 市财 财政 政局, and 局机 机关 besides) are 2 / 7 = 0.285714 apart but
    // both report in 2021 and 2022; u5 (2020-2021) and u6 (2022-2024) share no bigram, and u5
    // shares only 株洲 洲市 with u2 (10 / 12 = 0.83).
    assertEquals(List.of("unit u1 u2 株洲市城市管理局 株洲市 城市综合管理局 - 2022 2023 "
        + "0.400000"), describe(links));
    Row row = links.first();
    assertEquals(List.of(2020, 2021, 2022), row.getList(row.fieldIndex("left_years")));
    assertEquals(List.of(2023, 2024), row.getList(row.fieldIndex("right_years")));
    assertEquals("minhash_lsh char-2gram", row.getAs("method"));
    assertEquals(0, new java.math.BigDecimal("0.5").compareTo(row.getAs("threshold")));
    assertEquals(List.of(Schemas.ddl("tables/int_links.ddl").fieldNames()),
        List.of(links.columns()));
  }

  @Test
  void twoCitiesRenamedAlikeAreNotCrossed() {
    // found by the generated corpus. 岳阳市城市管理事务中心 (10 bigrams) and 岳阳市城市综合管理事务中心
    // (12): 9 shared, 13 in all, 4 / 13 = 0.307692. The old 岳阳 name and the new 衡阳 one share
    // 阳市 市城 城市 管理 理事 事务 务中 中心 (8 of 14): 0.428571, within the threshold and with
    // disjoint years, but each side has a nearer partner: only mutual nearest pairs are links.
    Dataset<Row> units = spark.sql("select unit_id, canonical_name, array(canonical_name) "
        + "as names_seen, years_seen from values "
        + "('y1', '岳阳市城市管理事务中心', array(2020)), "
        + "('y2', '岳阳市城市综合管理事务中心', array(2021, 2022, 2023, 2024)), "
        + "('h1', '衡阳市城市管理事务中心', array(2020, 2021, 2022, 2023)), "
        + "('h2', '衡阳市城市综合管理事务中心', array(2024)) "
        + "as v(unit_id, canonical_name, years_seen)");
    assertEquals(List.of(
        "unit h1 h2 衡阳市城市管理事务中心 衡阳市城市综合管理事务中心 - 2023 2024 0.307692",
        "unit y1 y2 岳阳市城市管理事务中心 岳阳市城市综合管理事务中心 - 2020 2021 0.307692"),
        describe(Links.units(units, 0.5, 42L)));
  }

  @Test
  void siblingsAndOtherCitiesAreNotRenames() {
    // the seeds: 岳阳…支队直属三大队 (2023) and 岳阳…支队站场执法大队 (2024) are two brigades of one
    // detachment, 0.347826 apart; 株洲…执法支队 (2021) and 岳阳…直属三大队 are 0.428571 apart.
    // Both pairs pass the distance and have disjoint years; neither is a rename.
    Dataset<Row> units = spark.sql("select unit_id, canonical_name, array(canonical_name) "
        + "as names_seen, years_seen from values "
        + "('z', '株洲市城市管理综合行政执法支队', array(2021)), "
        + "('a', '岳阳市城市管理综合行政执法支队直属三大队', array(2023)), "
        + "('b', '岳阳市城市管理综合行政执法支队站场执法大队', array(2024)) "
        + "as v(unit_id, canonical_name, years_seen)");
    assertEquals(List.of(), describe(Links.units(units, 0.5, 42L)));
  }

  @Test
  void renameShapeIsWordsAddedExpandedOrDropped() {
    assertTrue(Links.renameShaped("株洲市城市管理局", "株洲市 城市管理和综合执法局"));
    assertTrue(Links.renameShaped("岳阳市城管局", "岳阳市城市管理局"));
    assertTrue(Links.renameShaped("长沙市教育体育局", "长沙市教育局"));
    assertTrue(Links.renameShaped("长沙市教育局", "长沙市教育局"));
    assertFalse(Links.renameShaped("岳阳市城市管理综合行政执法支队直属三大队",
        "岳阳市城市管理综合行政执法支队站场执法大队"));
    assertFalse(Links.renameShaped("株洲市城市管理事务中心", "岳阳市城市管理事务中心"));
    assertFalse(Links.renameShaped("株洲市财政局", "株洲市税务局"));
  }

  private Dataset<Row> deviations() {
    return spark.sql("select concat(form_id, '#', cast(pos as string)) as indicator_id, "
        + "form_id, unit_id, fiscal_year, '产出指标' as level1, '数量指标' as level2, name, "
        + "'unit' as form_key from values "
        + "('u22', 0, 'u', 2022, '执法案件数量'), ('u22', 1, 'u', 2022, '群众满意度'), "
        + "('u22', 2, 'u', 2022, '执法案件总数'), "
        + "('u23', 0, 'u', 2023, '执法案件数'), ('u23', 1, 'u', 2023, '群众满意度'), "
        + "('u23', 2, 'u', 2023, '执法案件数目'), ('u23', 3, 'u', 2023, '道路巡查总次数'), "
        + "('w22', 0, 'w', 2022, '道路巡查次数'), ('w23', 0, 'w', 2023, '安全培训人数'), "
        + "('x21', 0, 'x', 2021, '公开率'), ('x23', 0, 'x', 2023, '信息公开率') "
        + "as v(form_id, pos, unit_id, fiscal_year, name)");
  }

  @Test
  void rewordedIndicatorsAreLinkedOneToOneByDistance() {
    // bigrams: 执法案件数量 执法 法案 案件 件数 数量; 执法案件总数 执法 法案 案件 件总 总数;
    // 执法案件数 执法 法案 案件 件数; 执法案件数目 执法 法案 案件 件数 数目.
    // 数量 -> 数 1/5 = 0.2, 数量 -> 数目 2/6 = 0.333333, 总数 -> 数 3/6 = 0.5,
    // 总数 -> 数目 4/7 = 0.571429: 数量 takes 执法案件数 (0.2); 执法案件总数 is left with
    // 执法案件数目, beyond 0.5: no link. 群众满意度 is in both years: no link.
    // w's 道路巡查次数 is 3/7 = 0.428571 from u's 道路巡查总次数, but another unit's. x has no
    // 2022: 2023 is the year after 2021;
    // 公开率 公开 开率 vs 信息公开率 信息 息公 公开 开率, 2/4 = 0.5.
    Dataset<Row> links = Links.indicators(deviations(), DEFAULT);
    assertEquals(List.of(
        "indicator u22#0 u23#0 执法案件数量 执法案件数 u 2022 2023 0.200000",
        "indicator x21#0 x23#0 公开率 信息公开率 x 2021 2023 0.500000"), describe(links));
    // a looser threshold links the reworded pair left over
    assertTrue(describe(Links.indicators(deviations(), 0.6)).contains(
        "indicator u22#2 u23#2 执法案件总数 执法案件数目 u 2022 2023 0.571429"));
    assertEquals(List.of("exact char-2gram"),
        links.select("method").distinct().as(Encoders.STRING()).collectAsList());
  }

  @Test
  void tighterThresholdAndSingleYearsLinkLess() {
    // at 0.4 only 执法案件数量 -> 执法案件数 (0.2) remains
    assertEquals(List.of("indicator u22#0 u23#0 执法案件数量 执法案件数 u 2022 2023 0.200000"),
        describe(Links.indicators(deviations(), 0.4)));
    // one year per form: nothing to link
    assertEquals(List.of(), describe(Links.indicators(
        deviations().where("fiscal_year = 2022"), DEFAULT)));
  }
}
