package io.selfeval.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.analyse.IndicatorValue.Kind;
import io.selfeval.extract.Seeds;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every target and actual text of the five seeds (from the hand-checked golden files) with the
 * value a careful reader gives it, plus the shapes other reports use. The expectations were
 * written by reading the texts, not by running the parser. Columns are separated by "|"; an empty
 * column is null.
 */
class ValueParserTest {

  /** Text | kind | comparator | value | unit | approximation | period | trend. */
  private static final String SEED_NUMBERS = """
      ≥100件 | NUMBER | >= | 100 | 件 | | |
      市级120件 | NUMBER | | 120 | 件 | | |
      400万元 | NUMBER | | 400 | 万元 | | |
      437万元 | NUMBER | | 437 | 万元 | | |
      0 | NUMBER | | 0 | | | |
      案件处理率100% | PERCENT | | 100 | % | | |
      100% | PERCENT | | 100 | % | | |
      ≥90% | PERCENT | >= | 90 | % | | |
      93% | PERCENT | | 93 | % | | |
      95% | PERCENT | | 95 | % | | |
      96% | PERCENT | | 96 | % | | |
      97% | PERCENT | | 97 | % | | |
      98% | PERCENT | | 98 | % | | |
      99% | PERCENT | | 99 | % | | |
      25万元 | NUMBER | | 25 | 万元 | | |
      11.32万元 | NUMBER | | 11.32 | 万元 | | |
      ≥100% | PERCENT | >= | 100 | % | | |
      ≧95% | PERCENT | >= | 95 | % | | |
      6次 | NUMBER | | 6 | 次 | | |
      8次 | NUMBER | | 8 | 次 | | |
      2次 | NUMBER | | 2 | 次 | | |
      24次 | NUMBER | | 24 | 次 | | |
      23次 | NUMBER | | 23 | 次 | | |
      169次 | NUMBER | | 169 | 次 | | |
      190件 | NUMBER | | 190 | 件 | | |
      1支 | NUMBER | | 1 | 支 | | |
      合格率≥95% | PERCENT | >= | 95 | % | | |
      95%以上 | PERCENT | >= | 95 | % | | |
      96%以上 | PERCENT | >= | 96 | % | | |
      1次/月 | COUNT_PER_PERIOD | | 1 | 次 | | 月 |
      10000份 | NUMBER | | 10000 | 份 | | |
      12000余份 | NUMBER | | 12000 | 份 | 余 | |
      年度预算计划数25万元 | NUMBER | | 25 | 万元 | | |
      200台 | NUMBER | | 200 | 台 | | |
      300余台次 | NUMBER | | 300 | 台次 | 余 | |
      5辆 | NUMBER | | 5 | 辆 | | |
      """;

  /** Text | deadline | comparator. */
  private static final String SEED_DEADLINES = """
      2024年12月31日前 | 2024-12-31 | <=
      在2024年12月31日前完成 | 2024-12-31 | <=
      """;

  /** Text | polarity | trend | period. */
  private static final String SEED_QUALITATIVE = """
      及时发现及时处理 | positive | |
      不超预算 | positive | |
      未超预算 | positive | |
      不超年度预算 | positive | |
      不超过预算金额 | positive | |
      控制在预算金额之内 | positive | |
      控制在预算金额内 | positive | |
      预算金额之内 | positive | |
      整洁、有序、舒适 | | |
      效果显著 | positive | |
      完成 | positive | |
      均如期完成 | positive | |
      在规定时间内办结 | positive | |
      均在规定时间内办结 | positive | |
      符合行业相关标准 | positive | |
      符合行业管理相关标准 | positive | |
      符合相关标准 | positive | |
      均符合相关标准 | positive | |
      均符合相关行业标准 | positive | |
      达到相关行业要求 | positive | |
      无负面影响 | positive | |
      无违规操作投诉 | positive | |
      完成良好，无违规操作，无投诉。 | positive | |
      无执法纠纷 | positive | |
      无负面舆情 | positive | |
      全年无负面舆情 | positive | |
      无安全事故 | positive | |
      全年无安全事故 | positive | |
      管理规范，避免安全事故发生 | positive | |
      保障两安全运行 | positive | |
      保证两站广场设施正常运行 | positive | |
      保证了两站广场设施正常运行 | positive | |
      产生一定的间接经济效益 | | |
      吸引外来游客旅游和外商投资 | | |
      吸引了外商在岳投资发展产业 | | |
      吸引外来游客，助力旅游业发展。 | | |
      优化窗口环境，助力招商引资。 | | |
      优化窗口环境，助力岳阳旅游业发展 | | |
      协管员工资收入 | | |
      提升火车站地区管理水平，创造良好的出行环境。 | positive | increase |
      为市民创造了良好的出行环境 | positive | |
      营造良好的出行环境 | positive | |
      营造了良好的出行环境 | positive | |
      打造环境优美、秩序井然、干净整洁的“窗口”形象。 | | |
      火车站地区环境优美、秩序井然、干净整洁。 | | |
      加强两站地区秩序管理，打造窗口场站。 | | |
      维护广场绿植，美化广场环境 | | |
      工作更细致、亲民 | | |
      有一支高素质的执法执勤队伍 | | |
      进一步提升城市窗口形象 | positive | increase |
      两站地区管理有序，城市窗口形象有效提升。 | positive | increase |
      提升火车站地区管理秩序 | positive | increase |
      提升场站管理秩序 | positive | increase |
      提升城市管理形象 | positive | increase |
      管理秩序明显提升 | positive | increase |
      执法执勤人员整体素质不断提升 | positive | increase |
      有效提升 | positive | increase |
      火车站地区管理秩序良好 | positive | |
      两站广场绿化效果良好 | positive | |
      得到广大市民好评 | positive | |
      火车站地区管理秩序得到不断改善 | positive | |
      改善火车站地区周边管理秩序 | positive | |
      有效改善了火车站地区周边管理秩序 | positive | |
      有效改善两站地区出行环境 | positive | |
      有效改善 | positive | |
      明显改善 | positive | |
      减少执法纠纷 | | decrease |
      降低 | | decrease |
      提高 | | increase |
      按月发放 | | | 月
      均按时发放 | positive | |
      每天 | | | 天
      """;

  private static final String SEED_NOT_APPLICABLE = """
      不适用
      """;

  private static final String SEED_UNPARSED = """
      全年365天，全天24小时，无缝隙执
      工地防尘要求“8个100%”
      """;

  /** Shapes from other reports (the list first). */
  private static final String OTHER_NUMBERS = """
      =100% | PERCENT | = | 100 | % | | |
      >=90% | PERCENT | >= | 90 | % | | |
      ≥100百分比 | PERCENT | >= | 100 | % | | |
      ≤90万元 | NUMBER | <= | 90 | 万元 | | |
      215,457.6 | NUMBER | | 215457.6 | | | |
      ９５％ | PERCENT | | 95 | % | | |
      ＞＝95％ | PERCENT | >= | 95 | % | | |
      1.2万人 | NUMBER | | 12000 | 人 | | |
      10%以内 | PERCENT | <= | 10 | % | | |
      每月1次 | COUNT_PER_PERIOD | | 1 | 次 | | 月 |
      每季度2次 | COUNT_PER_PERIOD | | 2 | 次 | | 季度 |
      每周不少于2次 | COUNT_PER_PERIOD | >= | 2 | 次 | | 周 |
      2次/年 | COUNT_PER_PERIOD | | 2 | 次 | | 年 |
      约100人 | NUMBER | | 100 | 人 | 约 | |
      近100人 | NUMBER | | 100 | 人 | 近 | |
      100人左右 | NUMBER | | 100 | 人 | 左右 | |
      100多人 | NUMBER | | 100 | 人 | 多 | |
      1万余人 | NUMBER | | 10000 | 人 | 余 | |
      3万人次 | NUMBER | | 30000 | 人次 | | |
      1亿元 | NUMBER | | 1 | 亿元 | | |
      1,000元 | NUMBER | | 1000 | 元 | | |
      50㎡ | NUMBER | | 50 | 平方米 | | |
      不超过10天 | NUMBER | <= | 10 | 天 | | |
      10天内 | NUMBER | <= | 10 | 天 | | |
      控制在5%以内 | PERCENT | <= | 5 | % | | |
      超过90% | PERCENT | > | 90 | % | | |
      低于5% | PERCENT | < | 5 | % | | |
      不低于95% | PERCENT | >= | 95 | % | | |
      合格率达到95%以上 | PERCENT | >= | 95 | % | | |
      不合格率≤5% | PERCENT | <= | 5 | % | | |
      提高10% | PERCENT | | 10 | % | | | increase
      95 % | PERCENT | | 95 | % | | |
      100件。 | NUMBER | | 100 | 件 | | |
      """;

  private static final String OTHER_DEADLINES = """
      2024年底前 | 2024-12-31 | <=
      2024年6月底前 | 2024-06-30 | <=
      2024年12月31日 | 2024-12-31 |
      2024-12-31 | 2024-12-31 |
      2024年2月 | 2024-02-29 |
      """;

  private static final String OTHER_QUALITATIVE = """
      不超过预算 | positive | |
      达成 | positive | |
      已完成 | positive | |
      没有负面影响 | positive | |
      部分达成 | partial | |
      基本完成 | partial | |
      未完成 | negative | |
      未达成 | negative | |
      未按时发放 | negative | |
      超预算 | negative | |
      有负面影响 | negative | |
      进度滞后 | negative | |
      不符合相关标准 | negative | |
      提升效率，降低成本 | positive | |
      每日 | | | 天
      每季度 | | | 季度
      按年度计划实施 | | |
      """;

  private static final String OTHER_NOT_APPLICABLE = """
      /
      ／
      —
      ——
      ……
      -
      无
      N/A
      不涉及
      """;

  private static final String OTHER_UNPARSED = """
      12月底前
      2024年13月31日前
      两次
      每月一次
      低于5%以下
      未完成100件
      95%-98%
      100%,98%
      2024年完成100件
      """;

  @ParameterizedTest(name = "{0}")
  @MethodSource("numbers")
  void readsNumbers(String text, String kind, String comparator, String value, String unit,
      String approximation, String period, String trend) {
    IndicatorValue v = ValueParser.parse(text);
    assertEquals(Kind.valueOf(kind), v.kind());
    assertEquals(comparator, v.comparator());
    assertNotNull(v.value());
    assertEquals(0, new BigDecimal(value).compareTo(v.value()), () -> "value " + v.value());
    assertEquals(unit, v.unit());
    assertEquals(approximation, v.approximation());
    assertEquals(period, v.period());
    assertEquals(trend, v.trend());
    assertNull(v.deadline());
    assertNull(v.polarity());
    assertEquals(text, v.text());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deadlines")
  void readsDeadlines(String text, String deadline, String comparator) {
    IndicatorValue v = ValueParser.parse(text);
    assertEquals(
        new IndicatorValue(Kind.DEADLINE, comparator, null, null, null, null,
            LocalDate.parse(deadline), null, null, text),
        v);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("qualitative")
  void readsQualitativeTexts(String text, String polarity, String trend, String period) {
    IndicatorValue v = ValueParser.parse(text);
    assertEquals(
        new IndicatorValue(Kind.QUALITATIVE, null, null, null, null, period, null, polarity,
            trend, text),
        v);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notApplicable")
  void readsNotApplicable(String text) {
    assertEquals(only(Kind.NOT_APPLICABLE, text), ValueParser.parse(text));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unparsed")
  void keepsWhatItCannotReadAsText(String text) {
    assertEquals(only(Kind.UNPARSED, text), ValueParser.parse(text));
  }

  @Test
  void missingTextIsUnparsedAndKeptAsGiven() {
    assertEquals(only(Kind.UNPARSED, null), ValueParser.parse(null));
    assertEquals(only(Kind.UNPARSED, ""), ValueParser.parse(""));
    assertEquals(only(Kind.UNPARSED, " \u3000 "), ValueParser.parse(" \u3000 ")); // U+3000 blank
  }

  @Test
  void everySeedTargetAndActualHasTestCase() throws IOException {
    Set<String> covered = new LinkedHashSet<>();
    for (String table : List.of(SEED_NUMBERS, SEED_DEADLINES, SEED_QUALITATIVE,
        SEED_NOT_APPLICABLE, SEED_UNPARSED)) {
      table.lines().map(line -> line.split("\\|", -1)[0].strip()).forEach(covered::add);
    }
    Set<String> seen = new LinkedHashSet<>();
    ObjectMapper mapper = new ObjectMapper();
    for (String seed : Seeds.NAMES) {
      String name = "/golden/" + seed.replace(".txt", ".expected.json");
      try (InputStream in = getClass().getResourceAsStream(name)) {
        assertNotNull(in, name);
        for (JsonNode form : mapper.readTree(in).get("records")) {
          for (JsonNode indicator : form.get("indicators")) {
            seen.add(indicator.get("target_text").asText());
            seen.add(indicator.get("actual_text").asText());
          }
        }
      }
    }
    List<String> missing = new ArrayList<>(seen);
    missing.removeAll(covered);
    assertTrue(missing.isEmpty(), () -> "seed texts without a test case: " + missing);
    assertEquals(seen, covered, "test cases that are not seed texts");
    assertEquals(113, seen.size());
  }

  static Stream<Arguments> numbers() {
    return Stream.concat(rows(SEED_NUMBERS, 8), rows(OTHER_NUMBERS, 8));
  }

  static Stream<Arguments> deadlines() {
    return Stream.concat(rows(SEED_DEADLINES, 3), rows(OTHER_DEADLINES, 3));
  }

  static Stream<Arguments> qualitative() {
    return Stream.concat(rows(SEED_QUALITATIVE, 4), rows(OTHER_QUALITATIVE, 4));
  }

  static Stream<Arguments> notApplicable() {
    return Stream.concat(rows(SEED_NOT_APPLICABLE, 1), rows(OTHER_NOT_APPLICABLE, 1));
  }

  static Stream<Arguments> unparsed() {
    return Stream.concat(rows(SEED_UNPARSED, 1), rows(OTHER_UNPARSED, 1));
  }

  /** One row per line, columns split on "|" and stripped, an empty column read as null. */
  private static Stream<Arguments> rows(String table, int columns) {
    return table.lines().map(line -> {
      String[] cells = line.split("\\|", -1);
      assertEquals(columns, cells.length, line);
      return Arguments.of(Arrays.stream(cells)
          .map(String::strip)
          .map(c -> c.isEmpty() ? null : c)
          .toArray());
    });
  }

  private static IndicatorValue only(Kind kind, String text) {
    return new IndicatorValue(kind, null, null, null, null, null, null, null, null, text);
  }
}
