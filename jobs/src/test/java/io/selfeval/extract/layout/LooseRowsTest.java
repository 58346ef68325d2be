package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flattened forms whose header cells came out of order (an .xlsx or PDF table flattened with its
 * wrapped header cells printed line by line): rows read by {@link LooseRows}, as the table
 * scanner gets them. Expected rows written by reading the lines below.
 */
class LooseRowsTest {

  private static final String TITLE = "某县项目支出绩效自评表 (2022年度) 项目名称 道路养护 "
      + "项目资金 (万元) 年度资金总额 全年预算数 全年执行数 分值 执行率 得分 ";
  private static final String INDICATOR_HEADER =
      "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施";

  private static List<String> rows(String line) {
    TableText t = LayoutNormaliser.layout(new String[] {line});
    return Arrays.stream(t.lines()).filter(l -> l != null).toList();
  }

  private static long unplaced(String line) {
    return LayoutNormaliser.layout(new String[] {line}).warnings().stream()
        .filter(w -> w.code().equals(FlatForm.UNPLACED)).count();
  }

  /** The rows after the reader's indicator header are {@code expected}, in order. */
  private static void assertRowsAfterHeader(List<String> rows, String... expected) {
    int header = rows.indexOf(INDICATOR_HEADER);
    assertTrue(header > 0, rows.toString());
    assertEquals(List.of(expected), rows.subList(header + 1, rows.size()));
  }

  @Test
  void rowsAfterTheScatteredHeaderAndTheBudgetByItsArithmetic() {
    // 10 × 96 % = 9.6, and 48 / 50 = 96 %: all five budget figures fit one reading.
    // 指标1's name stands before the header words 分值 得分, its values after them: not a row.
    String line = TITLE + "50 48 10 96% 9.6 年度 实际 指标值 完成值 二级指标 三级指标 "
        + "指标1:养护里程 分值 得分 30公里 31公里 20 20 指标2:验收合格率 100% 98% 20 19 "
        + "指标3:群众满意度 ≥90% 95% 10 10";
    List<String> rows = rows(line);
    assertTrue(rows.contains("年度资金总额\t50\t48\t10\t96%\t9.6"), rows.toString());
    assertRowsAfterHeader(rows, "\t\t指标2:验收合格率\t100%\t98%\t20\t19",
        "\t\t指标3:群众满意度\t≥90%\t95%\t10\t10");
    assertFalse(String.join("\n", rows).contains("30公里\t"), rows.toString());
  }

  /** The rows of a form whose budget values are {@code budgetWords}; its one row read. */
  private static List<String> withBudgetWords(String budgetWords) {
    List<String> rows = rows(TITLE + budgetWords + " 三级指标 指标值 完成值 分值 得分 "
        + "指标1:建档人数 221人 221人 2 2");
    assertTrue(rows.contains("\t\t指标1:建档人数\t221人\t221人\t2\t2"), rows.toString());
    return rows;
  }

  @Test
  void amountsThatDoNotGiveTheRateStayUnplaced() {
    // 0 and 207.45 before 10 | 100% | 10: 207.45 / 0 is no rate, so only 分值, 执行率, 得分
    List<String> rows = withBudgetWords("0 207.45 10 100% 10 207.45 — 100% —");
    assertTrue(rows.contains("年度资金总额\t\t\t10\t100%\t10"), rows.toString());
  }

  @Test
  void twoBudgetReadingsLeaveTheBudgetUnread() {
    // 10 | 100% | 10 and 20 | 50% | 10 both satisfy 得分 = 分值 × 执行率: neither is taken
    List<String> rows = withBudgetWords("10 100% 10 20 50% 10");
    assertTrue(rows.stream().noneMatch(r -> r.startsWith("年度资金总额\t")), rows.toString());
  }

  @Test
  void namesPrintedBeforeTheirValuesArePairedInReadingOrder() {
    // 指标4's name wraps (its last character 数 on the next line), so 指标5's name comes before
    // 指标4's values: two names, then two groups of values no name owns, taken in order
    String line = TITLE + "三级指标 指标值 完成值 分值 得分 指标3:建档人数 221人 221人 2 2 "
        + "指标4:传染病报告 数 指标5:家庭医生签约 14例 14例 2 2 24694人 22584人 2 1.7";
    assertRowsAfterHeader(rows(line), "\t\t指标3:建档人数\t221人\t221人\t2\t2",
        "\t\t指标4:传染病报告数\t14例\t14例\t2\t2",
        "\t\t指标5:家庭医生签约\t24694人\t22584人\t2\t1.7");
    assertEquals(0, unplaced(line));
  }

  /** After 指标3's row, {@code words}: only 指标3 is read, and something is left out. */
  private static void assertOnlyTheRowBeforeRead(String words) {
    String line = TITLE + "三级指标 指标值 完成值 分值 得分 指标3:建档人数 221人 221人 2 2 " + words;
    assertRowsAfterHeader(rows(line), "\t\t指标3:建档人数\t221人\t221人\t2\t2");
    assertTrue(unplaced(line) >= 1);
  }

  @Test
  void namesBeforeValuesWhoseCountsDifferAreLeftOut() {
    // three names (突发事件 may be 指标4's second line or a row of its own) for two groups:
    // no pairing is sure, so none of them is read
    assertOnlyTheRowBeforeRead("指标4:传染病报告 突发事件 指标5:家庭医生签约 14例 14例 2 2 "
        + "24694人 22584人 2 1.7");
  }

  @Test
  void namesBeforeMoreValueGroupsThanNamesAreLeftOut() {
    // two names, three groups without a name: which group is whose is not known
    assertOnlyTheRowBeforeRead("指标4:传染病报告 数 指标5:家庭医生签约 14例 14例 2 2 "
        + "24694人 22584人 2 1.7 12次 12次 1 1");
  }

  @Test
  void scoreAboveItsWeightIsNoRowAndLeavesTheNextOneOut() {
    // 3 above 2: not a row, so 指标1 is a name whose values were not read, and 指标2 after it
    // may be out of order too: neither is read
    String line = TITLE + "三级指标 指标值 完成值 分值 得分 指标1:建档人数 221人 221人 2 3 "
        + "指标2:培训人次 50人次 50人次 3 3";
    List<String> rows = rows(line);
    assertFalse(rows.contains(INDICATOR_HEADER), rows.toString());
    assertTrue(rows.stream().noneMatch(r -> r.contains("指标2")), rows.toString());
    assertTrue(unplaced(line) >= 1);
  }

  @Test
  void rowsUnderHeaderWhoseColumnsAreOutOfOrderKeepLevelNames() {
    // 二级指标 三级指标 分值 得分 then the value columns: a header the flat reader does not cut
    String line = "某县项目支出绩效自评表 (2022年度) 项目名称 道路养护 二级指标 三级指标 分值 得分 "
        + "年度 实际 指标值 完成值 产出指标 数量指标 指标1:养护里程 30公里 31公里 20 20";
    assertRowsAfterHeader(rows(line), "产出指标\t数量指标\t指标1:养护里程\t30公里\t31公里\t20\t20");
  }

  @Test
  void wrappedHeaderCellsTheWholeBudgetRunAndReasons() {
    // a spreadsheet's header cells wrapped (年度 / 指标值) and printed line by line; the budget
    // row's label printed with the header: 60 50 48 10 96% 9.6 is the header's six columns in
    // order (48 / 50 = 96 %, 10 × 96 % = 9.6), so 年初预算数 60 is the one number before them
    String line = "某县项目支出绩效自评表 (2022年度) 项目名称 道路养护 项目资金 (万元) 年度资金总额 "
        + "年初预算数 全年预算数 全年执行数 分值 执行率 得分 60 50 48 10 96% 9.6 一级指标 二级指标 "
        + "三级指标 年度 实际 分值 得分 指标值 完成值 产出指标 数量指标 指标1:养护里程 30公里 24公里 "
        + "20 16 里程未达目标，下一步加快施工。 质量指标 指标2:验收合格率 100% 100% 20 20";
    List<String> rows = rows(line);
    assertTrue(rows.contains("年度资金总额\t60\t50\t48\t10\t96%\t9.6"), rows.toString());
    assertRowsAfterHeader(rows,
        "产出指标\t数量指标\t指标1:养护里程\t30公里\t24公里\t20\t16\t里程未达目标，下一步加快施工。",
        "产出指标\t质量指标\t指标2:验收合格率\t100%\t100%\t20\t20");
  }
}
