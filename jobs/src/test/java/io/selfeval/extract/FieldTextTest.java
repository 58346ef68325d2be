package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Head-field values cut before the next field (dev-set lines 09, 17 and 19 as printed). */
class FieldTextTest {

  @Test
  void nameEndsAtTheNextFieldsLabel() {
    assertEquals("2023年杨楼社区特色种养殖补贴到户项目", FieldText.untilNextField(
        "2023年杨楼社区特色种养殖补贴到户项目 项目负责人及电话 张三13800000000"));
    assertEquals("农业工作科", FieldText.untilNextField("农业工作科填报日期:"));
  }

  @Test
  void nameEndsAtCheckboxLine() {
    assertEquals("投资促进中心", FieldText.untilNextField("投资促进中心 □ 3、一次性项目 □"));
  }

  @Test
  void labelInsideNameDoesNotCutIt() {
    assertEquals("县联系人服务中心", FieldText.untilNextField("县联系人服务中心"));
  }

  @Test
  void unitFieldOfHeadLine() {
    assertEquals("昌宁县供销合作社联合社",
        FieldText.unitField("单位名称:昌宁县供销合作社联合社 填报日期:2023年4月15日"));
    assertEquals("区商务局", FieldText.unitField("单位名称:区商务局 填报日期:2021 年 4 月 22 日"));
    assertNull(FieldText.unitField("主管部门:区商务局"));
    assertNull(FieldText.unitField("部门（单位）名称：  （盖章）"));
    assertNull(FieldText.unitField("项目名称:生猪养殖场"));
  }
}
