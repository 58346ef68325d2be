package io.selfeval.extract.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A sharing site's pinyin after characters: dropped for matching only, nothing else is. */
class PinyinAnnotationsTest {

  @Test
  void tonedSyllableAfterCjkIsAnAnnotation() {
    assertEquals("预算执行率", PinyinAnnotations.strip("预(yù)算执(zhí)行率"));
    assertEquals("經費", PinyinAnnotations.strip("經(jīng)費"));
    assertTrue(PinyinAnnotations.holds("情況(kuàng)"));
  }

  @Test
  void bracketsOfFormsAreKept() {
    // column letters, units, points and a bracket after a Latin word are no annotation
    for (String s : new String[] {"预算数(A)", "执行率(B/A)", "(万元)", "(20分)", "GDP(à)",
        "指标(de)", "PM2.5(ug)"}) {
      assertFalse(PinyinAnnotations.holds(s), s);
      assertEquals(s, PinyinAnnotations.strip(s));
    }
  }

  @Test
  void foldMatchesAcrossAnnotations() {
    assertEquals("预算数(A)执行数(B)", Vocabulary.fold("預(yù)算數(shù)(A)執(zhí)行數(shù)(B)"));
    assertEquals("执行数(B)", Vocabulary.budgetColumnWords("executed").stream()
        .filter(w -> w.equals("执行数(B)")).findFirst().orElseThrow());
  }

  @Test
  void endAtGivesTheAnnotationsEnd() {
    String s = "預(yù)算";
    assertEquals(5, PinyinAnnotations.endAt(s, 1));
    assertEquals(0, PinyinAnnotations.endAt(s, 0));
    assertEquals(2, PinyinAnnotations.endAt(s, 2));
  }
}
