package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.Warning;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A flattened form's scored items under 评价内容 | 分值 | 自评分 ({@link ItemScoreRows}) and its
 * head fields ({@link HeadFields}), as the table scanner gets them. Expected rows written by
 * reading the lines below.
 */
class ItemScoreRowsTest {

  private static final String HEADER = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分";

  private static TableText layout(String line) {
    return LayoutNormaliser.layout(new String[] {line});
  }

  private static List<String> rows(TableText t) {
    return Arrays.stream(t.lines()).filter(l -> l != null).toList();
  }

  /** 项目决策 2 分 = 2; 项目管理 13 分 = 3 + 2 + 4 + 4, its label printed beside its 2nd row. */
  private static final String ITEMS = "项目权重 评价内容 分值 自评分 项目决策 2 分 决策依据 2 2 复核分 "
      + "评价标准及依据 有项目年度工作计划计 2 分,没有不得分。 1、单位财务管理制度 1 分; 财务制度 3 3 "
      + "2、项目管理制度 1 分; 组织机构 项目管理 13 分 2 1.5 有明确的绩效管理机构 2 分。 "
      + "1、运行监管记录 3 分; 运行监管 4 4 2、填报监控表 1 分。 1、全申报的 1 分,缺一项扣 "
      + "目标申报 4 3 0.5 分,扣完为止; 3、按时申报计 2 分,逾期扣 1 分。 一级 指标 二级 指标名称";

  @Test
  void itemsPlacedByTheirBlocksPointsInstructionsNeverRead() {
    TableText t = layout("某市财政预算支出项目绩效目标自评表 项目名称 项目主管单 位 自评总分: 95 "
        + "项目实施单位 某县交通运输局 某县交通运输局 " + ITEMS);
    List<String> rows = rows(t);
    int h = rows.indexOf(HEADER);
    assertTrue(h > 0, rows.toString());
    assertEquals(List.of("\t\t决策依据\t\t\t2\t2", "\t\t财务制度\t\t\t3\t3",
        "\t\t组织机构\t\t\t2\t1.5", "\t\t运行监管\t\t\t4\t4", "\t\t目标申报\t\t\t4\t3"),
        rows.subList(h + 1, h + 6));
    // the head: a label's value ends at the next label, a colon field is a row of its own,
    // the unit printed twice (主管 and 实施单位) is the label's value once
    assertTrue(rows.contains("项目名称\t"), rows.toString());
    assertTrue(rows.contains("项目主管单位\t"), rows.toString());
    assertTrue(rows.contains("自评总分:\t95"), rows.toString());
    assertTrue(rows.stream().anyMatch(r -> r.startsWith("项目实施单位\t某县交通运输局\t某县交通运输局")),
        rows.toString());
  }

  @Test
  void itemsWhoseValuesDoNotAddUpToTheirBlocksAreNotRead() {
    // 项目管理 13 分, but the rows' 分值 add up to 3 + 2 + 4 + 3 = 12
    TableText t = layout("某市项目支出绩效自评表 项目名称 道路养护 "
        + ITEMS.replace("目标申报 4 3", "目标申报 3 3"));
    assertFalse(rows(t).contains(HEADER), rows(t).toString());
    List<Warning> w = t.warnings().stream()
        .filter(x -> x.code().equals(ItemScoreRows.UNCONFIRMED)).toList();
    assertEquals(1, w.size(), t.warnings().toString());
  }

  @Test
  void itemsWithoutBlockLabelsAreNotRead() {
    TableText t = layout("某市项目支出绩效自评表 项目名称 道路养护 评价内容 分值 自评分 "
        + "决策依据 2 2 财务制度 3 3 组织机构 2 2");
    assertFalse(rows(t).contains(HEADER), rows(t).toString());
    assertTrue(t.warnings().stream().anyMatch(x -> x.code().equals(ItemScoreRows.UNCONFIRMED)),
        t.warnings().toString());
  }

  @Test
  void blockLabelsInOneWordReadLabelsAfterTheirRowsRefused() {
    TableText t = layout("某市项目支出绩效自评表 项目名称 道路养护 评价内容 分值 自评分 "
        + "项目决策(5分) 决策依据 2 2 目标设定 3 2 项目管理(4分) 财务制度 4 4");
    List<String> rows = rows(t);
    assertTrue(rows.containsAll(List.of(HEADER, "\t\t决策依据\t\t\t2\t2", "\t\t目标设定\t\t\t3\t2",
        "\t\t财务制度\t\t\t4\t4")), rows.toString());
    // 项目决策's label after its block's rows: the runs still add up, the label does not lie
    TableText late = layout("某市项目支出绩效自评表 项目名称 道路养护 评价内容 分值 自评分 "
        + "决策依据 2 2 目标设定 3 2 财务制度 4 4 项目决策(5分) 项目管理(4分)");
    assertFalse(rows(late).contains(HEADER), rows(late).toString());
  }
}
