package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.selfeval.extract.ReportExtractor;
import io.selfeval.model.FormRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A total field (自评总分(分)97.93) printed after a head field's value in a glued form: it ends
 * that value and is the form's total, also after a field whose value is never read (联系电话).
 * Forms written by hand.
 */
class GluedHeadTotalTest {

  private static final String BANNER = "《部门整体绩效自评表.docx》由会员分享,可在线阅读,更多相关"
      + "《部门整体绩效自评表.docx(3页珍藏版)》请在某文库上搜索。\n";
  private static final String BODY = "年初预算数全年预算数全年执行数分值执行率得分年度资金总额"
      + "1001009010090%9其中:当年财政拨款10010090100%"
      + "指标名称计量单位指标性质年初指标值全年完成值得分系数(%)指标权重(分)指标得分(分)是否核心指标"
      + "预算执行率%定量指标95%98%100%1010是";

  @Test
  void totalAfterFieldNeverReadIsTheFormsTotal() {
    FormRecord r = form("1、某区林业局2023年度部门整体绩效自评表部门名称某区林业局部门联系人张三"
        + "联系电话自评总分(分)97.93" + BODY);
    assertEquals(0, new BigDecimal("97.93").compareTo(r.reportedTotal().value()));
    assertEquals("某区林业局", r.unitName());
  }

  @Test
  void totalAfterValueEndsTheValue() {
    FormRecord r = form("1、某区林业局2023年度部门整体绩效自评表部门名称某区林业局自评总分(分)96.5"
        + "部门联系人张三联系电话" + BODY);
    assertEquals(0, new BigDecimal("96.5").compareTo(r.reportedTotal().value()));
    assertEquals("某区林业局", r.unitName());
  }

  private static FormRecord form(String text) {
    List<FormRecord> records = ReportExtractor.extract(
        (BANNER + text + "\n").getBytes(StandardCharsets.UTF_8), "t.txt").records();
    assertEquals(1, records.size(), records.toString());
    return records.get(0);
  }
}
