package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The glued-form reader on lines of real published forms (data/devset 01 and 21, as the
 * document-sharing pages give them); the expected cells were written by reading the forms.
 */
class GluedFormTest {

  /** Dev set 01 (中江县水利局), from its title to its 总分 row, names and phones replaced. */
  private static final String ZHONGJIANG = "中江县水利局2022年12月30日绩效目标自评表(2022年度)"
      + "项目名称中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装项目负责人及电话"
      + "李四13800000000(办公)主管部门中江县水利局实施单位中江县水利局资金情况(万元)全年预算数(A)"
      + "全年执行数(B)分值执行率(B/A)得分年度资金总额:202010100.00%10其中:本年财政拨款2020其他资金"
      + "年度总体目标年初设定目标年度总体目标完成情况综述对农村地区供水计量设施设备进行改进,"
      + "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施"
      + "产出指标(70分)数量指标安装坡面水标尺10≥266米≥266米10水标尺宽度10≥50厘米≥50厘米10"
      + "质量指标项目(工程)验收合格率20100%100%20时效指标及时(按期)开工率10≥90%≥90%10"
      + "及时(按期)完工率10≥90%≥90%10成本指标项目计划总投资1020万元20万元10效益指标(20分)"
      + "经济效益指标社会效益指标受益脱贫(含监测对象)户人口数10≥1000人≥1000人10"
      + "群众生产生活条件改善状况10显著提升显著提升10满意度指标(10分)服务对象满意度指标"
      + "受益脱贫(含监测对象)户满意度10≥95%≥95%10……总分100100注:1.一级指标分值统一设置为";

  @Test
  void formGluedIntoOneLineIsCutIntoItsRows() {
    TableText t = LayoutNormaliser.layout(new String[] {"附件说明", ZHONGJIANG});
    List<String> lines = Arrays.asList(t.lines());
    assertTrue(lines.contains("绩效目标自评表(2022年度)"), lines.toString());
    assertTrue(lines.contains(
        "项目名称\t中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装"), lines.toString());
    assertTrue(lines.contains("实施单位\t中江县水利局"), lines.toString());
    assertTrue(lines.contains("资金情况(万元)\t全年预算数(A)\t全年执行数(B)\t分值\t执行率(B/A)\t得分"),
        lines.toString());
    // 20 | 20 | 10 | 100.00% | 10: the one reading where 执行率 = 20 / 20, 得分 = 10 × 100 %
    assertTrue(lines.contains("年度资金总额\t20\t20\t10\t100.00%\t10"), lines.toString());
    assertTrue(lines.contains("一级指标\t二级指标\t三级指标\t年度指标值\t全年实际值\t分值\t得分\t未完成原因"),
        lines.toString());
    int first = lines.indexOf("产出指标(70分)\t数量指标\t安装坡面水标尺\t≥266米\t≥266米\t10\t10\t");
    assertTrue(first > 0, lines.toString());
    assertEquals(List.of("\t\t水标尺宽度\t≥50厘米\t≥50厘米\t10\t10\t",
        "\t质量指标\t项目(工程)验收合格率\t100%\t100%\t20\t20\t",
        "\t时效指标\t及时(按期)开工率\t≥90%\t≥90%\t10\t10\t",
        "\t\t及时(按期)完工率\t≥90%\t≥90%\t10\t10\t",
        "\t成本指标\t项目计划总投资\t20万元\t20万元\t10\t10\t",
        "效益指标(20分)\t社会效益指标\t受益脱贫(含监测对象)户人口数\t≥1000人\t≥1000人\t10\t10\t",
        "\t\t群众生产生活条件改善状况\t显著提升\t显著提升\t10\t10\t",
        "满意度指标(10分)\t服务对象满意度指标\t受益脱贫(含监测对象)户满意度\t≥95%\t≥95%\t10\t10\t",
        "总分\t100\t100"), lines.subList(first + 1, first + 10));
    // every row keeps the line it came from
    assertEquals(2, t.source()[first]);
    // 其中:本年财政拨款 2020 prints no rate: 20 | 20 or 202 | 0 cannot be told apart
    assertTrue(t.warnings().stream().anyMatch(w -> w.code().equals(GluedForm.AMBIGUOUS)
        && w.message().contains("本年财政拨款2020")), t.warnings().toString());
    assertTrue(lines.stream().noneMatch(l -> l != null && l.contains("\t")
        && l.contains("13800000000")), "a contact's phone is no cell");
  }

  /** 三级指标 年度指标值 实际完成值 分值 得分 偏差原因, as most glued forms print them. */
  private static final List<GluedRows.Col> COLS = List.of(GluedRows.Col.NAME,
      GluedRows.Col.VALUES, GluedRows.Col.WEIGHT, GluedRows.Col.SCORE, GluedRows.Col.REASON);

  /** The one reading of a glued body under {@link #COLS}, which must hold two rows. */
  private static List<GluedRows.Row> twoRows(String body, int levelPoints) {
    List<List<GluedRows.Row>> readings =
        GluedRows.readings(body, COLS, BigDecimal.valueOf(levelPoints));
    assertEquals(1, readings.size(), readings.toString());
    assertEquals(2, readings.get(0).size(), readings.toString());
    return readings.get(0);
  }

  @Test
  void rowsWhoseCellsAreGluedAreSplitWhereOnlyOneReadingFits() {
    // dev set 21: 三级指标 年度指标值 实际完成值 分值 得分 偏差原因
    String body = "更新剧团老化、损坏的音50件50件2020望新点胸艮必具100件100件2020";
    List<GluedRows.Row> rows = twoRows(body, 100);
    assertEquals("更新剧团老化、损坏的音", body.substring(rows.get(0).nameFrom(), rows.get(0).nameTo()));
    assertEquals("50件50件", body.substring(rows.get(0).valuesFrom(), rows.get(0).valuesTo()));
    assertEquals(0, BigDecimal.valueOf(20).compareTo(rows.get(0).weight()));
    assertEquals(0, BigDecimal.valueOf(20).compareTo(rows.get(0).score()));
    assertEquals("望新点胸艮必具", body.substring(rows.get(1).nameFrom(), rows.get(1).nameTo()));
    // a 计量单位 glued after the name (件/件) leaves the name's end uncertain: no reading
    assertTrue(GluedRows.readings("演出设备成本件/件2万元2万元2018", COLS, BigDecimal.valueOf(100))
        .isEmpty());
  }

  @Test
  void rowThatFitsTwoReadingsIsLeftOutWithWarning() {
    // dev set 07's row: 任务1:门诊住院人次 | 增加 | 增372人次 | 5 | 5 — where the name ends
    // cannot be told (任务 | 1:门诊…增 or 任务1:门诊住院人次增加增 | 372人次)
    String form = "项目支出绩效自评表(2021年度)一级指标二级指标三级指标年度指标值实际完成值分值得分"
        + "产出指标(5分)数量指标任务1:门诊住院人次增加增372人次55总分1005";
    TableText t = LayoutNormaliser.layout(new String[] {form});
    List<String> lines = Arrays.asList(t.lines());
    assertTrue(lines.stream().noneMatch(l -> l != null && l.contains("门诊")), lines.toString());
    assertTrue(lines.contains("总分\t100\t5"), lines.toString());
    assertTrue(t.warnings().stream().anyMatch(w -> w.code().equals(GluedForm.AMBIGUOUS)),
        t.warnings().toString());
  }

  @Test
  void targetAndActualAreSplitOnlyAtCertainBoundaries() {
    assertArrayEquals(new String[] {"≥266米", "≥266米"}, GluedRows.split("≥266米≥266米"));
    assertArrayEquals(new String[] {"20万元", "20万元"}, GluedRows.split("20万元20万元"));
    assertArrayEquals(new String[] {"100%", "按规定执行"}, GluedRows.split("100%按规定执行"));
    assertArrayEquals(new String[] {"小于5%", "达成目标值"}, GluedRows.split("小于5%达成目标值"));
    assertArrayEquals(new String[] {"95%以上", "97%"}, GluedRows.split("95%以上97%"));
    assertArrayEquals(new String[] {"显著提升", "显著提升"}, GluedRows.split("显著提升显著提升"));
    // two qualitative values of the vocabulary, in one way only: 按规定公开 | 已公开
    assertArrayEquals(new String[] {"按规定公开", "已公开"}, GluedRows.split("按规定公开已公开"));
    assertArrayEquals(new String[] {"明显提升", "效果显著"}, GluedRows.split("明显提升效果显著"));
    // words the vocabulary does not hold as values give no boundary
    assertNull(GluedRows.split("群众满意度高效果好"));
    assertNull(GluedRows.split("增加增372人次"));
  }

  @Test
  void gluedNumbersAreSplitByTheFormsArithmetic() {
    List<String> cols = List.of("initial", "adjusted", "executed", "weight", "rate", "score");
    List<String[]> source = GluedNumbers.sourceReadings("303030100%", cols);
    assertEquals(1, source.size());
    assertArrayEquals(new String[] {"30", "30", "30", null, "100%", null}, source.get(0));
    assertTrue(GluedNumbers.sourceReadings("2020", List.of("adjusted", "executed", "weight",
        "rate", "score")).isEmpty());
    assertArrayEquals(new String[] {"100", "98"},
        GluedNumbers.totalReading("10098", BigDecimal.valueOf(100)));
    assertArrayEquals(new String[] {"100", "100"},
        GluedNumbers.totalReading("100100", BigDecimal.valueOf(100)));
    assertNull(GluedNumbers.totalReading("100", BigDecimal.valueOf(100)));
    // a generated row, amounts with two decimals: 1716.11 | 1716.11 | 1622.97 | 10 | 94.57% | 9.46
    List<String[]> total = GluedNumbers.totalRowReadings("1716.111716.111622.971094.57%9.46", cols);
    assertEquals(1, total.size());
    assertArrayEquals(new String[] {"1716.11", "1716.11", "1622.97", "10", "94.57%", "9.46"},
        total.get(0));
    // dev set 21's second form: 40 | 40 | 40 | 10 | 100 %, 得分 blank (the one cell dropped)
    List<String[]> second = GluedNumbers.totalRowReadings("40404010100%", cols);
    assertEquals(1, second.size());
    assertArrayEquals(new String[] {"40", "40", "40", "10", "100%", null}, second.get(0));
    // its first form prints 30 | 30 | 10 | 100 % with 年初预算数 and 得分 blank
    List<String[]> first = GluedNumbers.totalRowReadings("303010100%", cols);
    assertEquals(1, first.size());
    assertArrayEquals(new String[] {null, "30", "30", "10", "100%", null}, first.get(0));
    // a 得分 that 分值 × 执行率 does not give (an inflated score: 10 for 10 × 94.61 %): the
    // amounts are still fixed by 执行率 = 851.47 / 900.00, 分值 10 (851.471 | 0 is no 分值)
    List<String[]> inflated =
        GluedNumbers.totalRowReadings("900.00900.00851.471094.61%10", cols);
    assertEquals(1, inflated.size());
    assertArrayEquals(new String[] {"900.00", "900.00", "851.47", "10", "94.61%", "10"},
        inflated.get(0));
    // ... but a score above every 分值 the digits allow is no reading: 851.47 | 10 | 12
    assertTrue(GluedNumbers.totalRowReadings("900.00900.00851.471094.61%12", cols).isEmpty());
    // a rate printed 100 % for 1622.97 / 1716.11 (94.57 %): only wrong cuts keep 执行率 (分值
    // 22.9710 among them), none is taken
    assertTrue(GluedNumbers.totalRowReadings("1716.111716.111622.9710100%10", cols).isEmpty());
  }

  @Test
  void qualitativeValuesAndSentenceEndsAreBoundariesBetweenRows() {
    // a qualitative row (name, 明显提升, 效果显著 glued) before a numeric one
    String body = "公共服务水平明显提升效果显著1010受益群众户数≥1147户1278户1010";
    List<GluedRows.Row> rows = twoRows(body, 30);
    assertEquals("公共服务水平", body.substring(rows.get(0).nameFrom(), rows.get(0).nameTo()));
    assertEquals("明显提升效果显著",
        body.substring(rows.get(0).valuesFrom(), rows.get(0).valuesTo()));
    assertEquals("受益群众户数", body.substring(rows.get(1).nameFrom(), rows.get(1).nameTo()));
    // a reason ends with its sentence, the next row's name follows; 109.5 is 10 | 9.5 (a
    // reason never starts inside a number)
    String reasoned = "开展专项检查行动次数≥74次67次109.5受客观因素影响，开展专项检查行动次数未达"
        + "年度目标，下一步加强统筹调度。完成业务培训人次≥195人次200人次1010";
    rows = twoRows(reasoned, 50);
    assertEquals(0, new BigDecimal("9.5").compareTo(rows.get(0).score()));
    assertEquals("受客观因素影响，开展专项检查行动次数未达年度目标，下一步加强统筹调度。",
        reasoned.substring(rows.get(0).reasonFrom(), rows.get(0).reasonTo()));
    assertEquals("完成业务培训人次",
        reasoned.substring(rows.get(1).nameFrom(), rows.get(1).nameTo()));
  }

  @Test
  void rowsNumberedByTheTemplateStandApartFromGarbledOnes() {
    // dev set 20's rows (三级指标 分值 年度指标值 全年实际值 得分): 指标1 … 指标3 label the rows;
    // the third lost its 分值/得分 to a page break (8000亩 | 8535.5亩), the first two stand
    String form = "项目支出绩效自评表(2022年度)一级指标二级指标三级指标分值年度指标值全年实际值得分"
        + "产出指标(40分)数量指标指标1免费发放原原种8550万粒550万粒8指标2企业自行采购8200万粒"
        + "200万粒8指标3一级种薯繁育基地8000亩8535.5亩总分10099";
    TableText t = LayoutNormaliser.layout(new String[] {form});
    List<String> lines = Arrays.asList(t.lines());
    int first = lines.indexOf("产出指标(40分)\t数量指标\t指标1免费发放原原种\t550万粒\t550万粒\t8\t8");
    assertTrue(first > 0, lines.toString());
    assertEquals("\t\t指标2企业自行采购\t200万粒\t200万粒\t8\t8", lines.get(first + 1));
    assertTrue(lines.stream().noneMatch(l -> l != null && l.contains("繁育基地")), lines.toString());
    assertTrue(t.warnings().stream().anyMatch(w -> w.code().equals(GluedForm.AMBIGUOUS)
        && w.message().contains("繁育基地")), t.warnings().toString());
    // uncut, the two rows have one reading: values never hold a row's label (…8指标 | 2 …)
    // and the label's number is no 分值 (指标 | 1 …)
    List<List<GluedRows.Row>> readings = GluedRows.readings(
        "指标1免费发放原原种8550万粒550万粒8指标2企业自行采购8200万粒200万粒8",
        List.of(GluedRows.Col.NAME, GluedRows.Col.WEIGHT, GluedRows.Col.VALUES,
            GluedRows.Col.SCORE), BigDecimal.valueOf(40));
    assertEquals(1, readings.size(), readings.toString());
  }

  @Test
  void wordsApartBySpacesAreNoGluedForm() {
    assertFalse(GluedForm.applies(new String[] {
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 产出指标 数量指标"}, 0, 0));
    assertTrue(GluedForm.applies(new String[] {
        "一级指标二级指标三级指标年度指标值实际完成值分值得分产出指标数量指标"}, 0, 0));
  }

  @Test
  void pagePrefixesAndTheSitesBannerAreNotText() {
    GluedText g = GluedText.of(new String[] {
        "《某项目支出绩效自评表.docx》由会员分享,可在线阅读,请在某文库上搜索。",
        "1、项目支出绩效自评表(2020 年度)项目名称演出设备",
        "2、更新专项经费"}, 0, 2);
    assertEquals("项目支出绩效自评表(2020年度)项目名称演出设备更新专项经费", g.printed);
    assertEquals(3, g.line(g.printed.indexOf("更新")));
  }
}
