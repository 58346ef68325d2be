package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.Fact;
import io.selfeval.model.FormRecord;
import io.selfeval.model.Warning;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Figures stated in a report's prose (issue 16, item 7); expected values read off the text. */
class ProseFactsTest {

  private static FormRecord read(String text) {
    return ReportExtractor.extract(text.getBytes(StandardCharsets.UTF_8), "t.txt").records()
        .get(0);
  }

  private static List<Fact> facts(FormRecord r, String key) {
    return r.facts().stream().filter(f -> f.key().equals(key)).toList();
  }

  @Test
  void amountInWanWithoutYuanIsWanYuanButWanBeforeWordIsCount() {
    FormRecord r = read("某局2022年度部门整体支出绩效自评报告\n"
        + "一、基本情况\n"
        + "2022年基本支出120万元,项目支出29.6万。\n"
        + "全年支出惠及1.2万户群众。\n");
    List<Fact> project = facts(r, "project_expenditure");
    assertEquals(1, project.size());
    assertEquals(0, new BigDecimal("29.6").compareTo(project.get(0).value()));
    assertEquals("万元", project.get(0).unit());
    assertEquals(0, new BigDecimal("120").compareTo(facts(r, "basic_expenditure").get(0).value()));
    assertTrue(facts(r, "expenditure").isEmpty(), r.facts().toString());
  }

  @Test
  void sameProjectStatedTwiceWithDifferentAmountsIsFactConflict() {
    FormRecord r = read("某局2022年度部门整体支出绩效自评报告\n"
        + "二、项目支出情况\n"
        + "1、城管事务经费支出244.65万元。\n"
        + "2、农村环境专项支出36万元。\n"
        + "城管事务经费支出254.65万元,主要用于环卫保洁。\n"
        + "农村环境专项支出36万元,已全部拨付。\n");
    List<Warning> conflicts = r.warnings().stream()
        .filter(w -> w.code().equals("FACT_CONFLICT")).toList();
    assertEquals(1, conflicts.size(), r.warnings().toString());
    assertEquals(5, conflicts.get(0).line());
    assertTrue(conflicts.get(0).message().contains("line 3"));
    assertTrue(conflicts.get(0).message().contains("244.65"));
    assertTrue(conflicts.get(0).message().contains("254.65"));
    assertEquals(4, facts(r, "project_line").size());
  }

  @Test
  void sameProjectStatedTwiceAlikeIsNoConflict() {
    FormRecord r = read("某局2022年度部门整体支出绩效自评报告\n"
        + "二、项目支出情况\n"
        + "1、城管事务经费支出244.65万元。\n"
        + "城管事务经费支出244.65万元,主要用于环卫保洁。\n");
    assertFalse(r.warnings().stream().anyMatch(w -> w.code().equals("FACT_CONFLICT")));
  }
}
