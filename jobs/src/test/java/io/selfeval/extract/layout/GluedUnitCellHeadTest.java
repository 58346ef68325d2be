package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Coefficient-table rows whose target OCR garbled at its start (到0次 for ≥40次), so only the
 * unit cell between the name and the target tells the name's end; rows written by hand, the
 * expected spans counted on paper.
 */
class GluedUnitCellHeadTest {

  private static final String HEADER = "指标名称计量单位指标性质年初指标值全年完成值得分系数(%)"
      + "指标权重(分)指标得分(分)是否核心指标";

  @Test
  void theUnitCellBeforeTheTargetEndsTheName() {
    // 组织宣传活动次数 | 次 | 到0次 | 43次: the 次 of 次数 leaves a target with two 次
    assertEquals(new GluedRowHead.Head(0, 8, 9, 12, 15),
        GluedUnitCellHead.read("组织宣传活动次数次到0次43次"));
    // 制作宣传品数量 | 份 | 第O份 | 20份: the 份 of 第O份 leaves no target
    assertEquals(new GluedRowHead.Head(0, 7, 8, 11, 14),
        GluedUnitCellHead.read("制作宣传品数量份第O份20份"));
  }

  @Test
  void noUnitCellOrLabelBeforeTheNameIsNoReading() {
    // the unit cell itself garbled (tot扁 for 篇): nothing ends the name
    assertNull(GluedUnitCellHead.read("播发稿件数量tot扁2200篇2859篇"));
    // a margin label would be read as part of the name
    assertNull(GluedUnitCellHead.read("绩效指标组织宣传活动次数次到0次43次"));
    // no number and unit word at the end: a qualitative row is not this reader's
    assertNull(GluedUnitCellHead.read("制度执行情况好好"));
  }

  @Test
  void rowsWithGarbledTargetsAreReadInTheTable() {
    String form = "某区融媒体中心2023年度部门整体绩效自评表单位名称:某区融媒体中心填报日期:2024年1月"
        + HEADER + "党性教育培训次数次26次12次100%55是"
        + "组织宣传活动次数次到0次43次100%1010是"
        + "制作宣传品数量份第O份20份100%55否";
    TableText t = LayoutNormaliser.layout(new String[] {"附件说明", form});
    assertEquals(List.of(
        "\t\t党性教育培训次数\t26次\t12次\t5\t5",
        "\t\t组织宣传活动次数\t到0次\t43次\t10\t10",
        "\t\t制作宣传品数量\t第O份\t20份\t5\t5"), GluedFormLines.rowsUnderHeader(t, 3));
  }
}
