package io.selfeval.extract.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.extract.Texts;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  private static String col(String printed) {
    return Vocabulary.budgetColumn(Vocabulary.fold(Texts.compact(printed)));
  }

  @Test
  void budgetHeaderSynonymsNameTheirColumns() {
    assertEquals("initial", col("年初预算数"));
    assertEquals("initial", col("预算数(A)"));
    assertEquals("initial", col("年初预算数（万元）"));
    assertEquals("adjusted", col("调整后预算数"));
    assertEquals("adjusted", col("全年预算"));
    assertEquals("executed", col("预算执行数"));
    assertEquals("executed", col("实际支出"));
    assertEquals("executed", col("全年执行数(B)"));
    assertEquals("weight", col("权重"));
    assertEquals("rate", col("执行率(%)"));
    assertEquals("score", col("得分(分值×执行率)"));
    assertEquals("score", col("自评得分"));
    assertNull(col("资金情况"));
  }

  @Test
  void traditionalFullWidthAndZeroWidthTextIsFoldedForMatchingOnly() {
    assertEquals("绩效自评", Vocabulary.fold("績效自評"));
    assertEquals("预算执行万元", Vocabulary.fold("預算執行萬元"));
    assertEquals("adjusted", col("調整後預算數"));
    assertEquals("executed", col("全年執行數"));
    assertEquals("initial", col("年初\u200B预算数"));
    assertEquals("rate", col("执行率（％）"));
    String simplified = "全年执行数";
    assertTrue(simplified == Vocabulary.fold(simplified), "simplified text is not copied");
  }

  @Test
  void theTraditionalCharacterListIsTheOneIcuComputes() {
    assertEquals(Vocabulary.traditionalChars(false), Vocabulary.traditionalChars(true));
    assertTrue(Vocabulary.traditionalChars(true).cardinality() > 2000);
  }

  @Test
  void labelsAndHeaderRows() {
    assertTrue(Vocabulary.isLabel("budget_total_labels", "年度资金总额"));
    assertTrue(Vocabulary.isLabel("total_labels", "总分"));
    assertFalse(Vocabulary.isLabel("total_labels", "其中:当年财政拨款"));
    assertEquals(3, Vocabulary.headerWords(List.of("一级指标", "二级指标", "三级指标", "产出")));
    assertEquals(0, Vocabulary.headerWords(List.of("合计", "100", "执法案件")));
    assertEquals("8", Vocabulary.version());
  }
}
