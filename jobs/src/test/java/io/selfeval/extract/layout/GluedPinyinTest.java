package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A glued form in traditional characters as a document-sharing site scrapes it, with pinyin
 * after some characters ({@code 預(yù)算}) and the amount unit glued after each amount
 * ({@code 12萬9.6萬80%16}). Expected cells written from the text: header words are found across
 * the annotations, cells keep them as printed, the units end the amounts.
 */
class GluedPinyinTest {

  private static final String FORM = "附件2:某縣文化館2021年度項目績效自評表單位名稱:某縣文化館"
      + "項目名稱非遺保護傳承專項經(jīng)費主管部門某縣文化和旅遊局項目實施單位某縣文化館"
      + "預(yù)算執(zhí)行情況(萬元)(20分)預(yù)算數(shù)(A)執(zhí)行數(shù)(B)執(zhí)行率(B/A)"
      + "得分(20分*執(zhí)行率)年度財(cái)政資金總額12萬9.6萬80%16年度績效指標(biāo)";

  @Test
  void headerWordsMatchAcrossPinyinAndCellsKeepIt() {
    List<String> lines = Arrays.asList(LayoutNormaliser.layout(new String[] {FORM}).lines());
    assertTrue(lines.contains("項目名稱\t非遺保護傳承專項經(jīng)費"), lines.toString());
    assertTrue(lines.contains("預(yù)算執(zhí)行情況(萬元)(20分)\t預(yù)算數(shù)(A)\t執(zhí)行數(shù)(B)"
        + "\t執(zhí)行率(B/A)\t得分(20分*執(zhí)行率)"), lines.toString());
    // 9.6 / 12 = 80 %, 20 × 80 % = 16; the 萬 after each amount is no part of its cell
    assertTrue(lines.contains("年度財(cái)政資金總額\t12\t9.6\t80%\t16"), lines.toString());
  }

  @Test
  void unitsKeepOnlyReadingsTheyEnd() {
    GluedText t = GluedText.of(new String[] {"1萬20萬5%"}, 0, 0);
    GluedBudgetRun run = GluedBudgetRun.of(t, 0, t.length());
    assertEquals("1205%", run.digits);
    List<String> cols = List.of("initial", "executed", "rate");
    // without the units 1 | 20 and 12 | 0 were both cuts; the units keep 1 | 20 alone
    List<String[]> kept = run.kept(List.of(new String[] {"1", "20", "5%"},
        new String[] {"12", "0", "5%"}), cols);
    assertEquals(1, kept.size());
    assertEquals("20", t.text(run.span(kept.get(0), 1)[0], run.span(kept.get(0), 1)[1]));
  }
}
