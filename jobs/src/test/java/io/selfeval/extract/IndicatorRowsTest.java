package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.FormRecord;
import io.selfeval.model.Indicator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Indicator rows in layouts other than the seeds'. */
class IndicatorRowsTest {

  @Test
  void comparatorValueAndUnitInThreeCellsAreOneTarget() {
    String text = "2023年度项目支出绩效自评表\n"
        + "项目名称\t乡村医生培训\n"
        + "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t实际完成值\t分值\t得分\n"
        + "产出指标\t数量指标\t培训人次\t≧\t735\t人次\t800人次\t20\t20\n"
        + "\t质量指标\t考核合格率\t≥\t95\t%\t97%\t20\t18\n"
        + "总分\t\t\t\t\t\t\t40\t38\n";
    FormRecord r = ReportExtractor.extract(text.getBytes(StandardCharsets.UTF_8), "t.txt")
        .records().get(0);
    assertEquals(2, r.indicators().size());
    Indicator a = r.indicators().get(0);
    assertEquals("培训人次", a.name());
    assertEquals("≥735人次", a.targetText());
    assertEquals("800人次", a.actualText());
    assertEquals(new BigDecimal("20"), a.weight());
    Indicator b = r.indicators().get(1);
    assertEquals("产出指标", b.level1());
    assertEquals("质量指标", b.level2());
    assertEquals("≥95%", b.targetText());
    assertEquals("97%", b.actualText());
    assertEquals(new BigDecimal("18"), b.score());
    assertEquals(5, b.line());
    assertEquals(0, new BigDecimal("38").compareTo(r.reportedTotal().value()));
    assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals("COMPARATOR_JOINED")));
  }
}
