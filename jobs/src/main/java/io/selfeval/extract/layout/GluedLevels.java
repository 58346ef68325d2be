package io.selfeval.extract.layout;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the level names of a glued indicator table stand, by the table's scheme. Project forms
 * print a 一级指标 with its points in brackets ({@code 产出指标(70分)}) and 二级指标 from the
 * national list; unit-wide (整体支出) forms headed {@code 分解目标 | 自评权重 | 二级指标} print the
 * level's points bare after its name, in a column of their own ({@code 管理指标30}), and under
 * 管理指标 the 二级指标 of that scheme (预算编审管理 …, vocabulary {@code weighted_level2_names}).
 * A sharing site's OCR of a vertical cell may scramble its characters ({@code 出标产指}): in the
 * weighted scheme such a cell is a level name only when its points follow it, the column the
 * header promises, so a scrambled word inside a row's text is never taken for one.
 */
final class GluedLevels {

  /** A 一级指标 at a place: where its name ends, where its points end, the points or null. */
  record Level1(int nameEnd, int end, BigDecimal points) {}

  /** Bare points after a level name: a whole number up to 100 (no leading zero). */
  private static final Pattern BARE_POINTS = Pattern.compile("(?:100|[1-9]\\d?)(?!\\d)");

  private final GluedText text;
  private final boolean weighted;

  /**
   * The levels of text's table; weighted: the header has a column for the level's points
   * (自评权重).
   */
  GluedLevels(GluedText text, boolean weighted) {
    this.text = text;
    this.weighted = weighted;
  }

  boolean weighted() {
    return weighted;
  }

  /** The 一级指标 that starts at i, or null. */
  Level1 level1At(int i) {
    return weighted ? weightedLevel1(i) : bracketLevel1(i);
  }

  /** Length of a 二级指标 name at i, 0 when none. */
  int level2At(int i) {
    int l2 = text.labelAt("flat_level2_names", i);
    if (l2 == 0 && shortNames) {
      l2 = shortLevel2(i);
    }
    return weighted ? Math.max(l2, text.labelAt("weighted_level2_names", i)) : l2;
  }

  /**
   * Also read 二级指标 printed without 指标 ({@code level2_short_names}: 服务对象满意度) — in a table
   * whose header has no 一级指标 column, the scheme such forms print. As a row's 三级指标 the same
   * words are common, so such a name is a level only where a name follows it (no value: digit,
   * comparator) and no 二级指标 ends just before it.
   */
  GluedLevels withShortLevel2(boolean on) {
    shortNames = on;
    return this;
  }

  private boolean shortNames;

  private int shortLevel2(int i) {
    int len = text.labelAt("level2_short_names", i);
    if (len == 0 || i + len >= text.length()) {
      return 0;
    }
    char next = text.at(i + len);
    if (Character.isDigit(next) || GluedRows.isComparatorChar(next) || next == '%') {
      return 0;
    }
    for (int k = Math.max(0, i - 12); k < i; k++) {
      if (text.labelAt("flat_level2_names", k) == i - k) {
        return 0;
      }
    }
    return len;
  }

  private Level1 bracketLevel1(int i) {
    int l1 = text.labelAt("flat_level1_names", i);
    if (l1 == 0) {
      return null;
    }
    int[] end = new int[1];
    BigDecimal p = GluedForm.points(text, i + l1, end);
    boolean isLevel1 = l1 > text.labelAt("flat_level2_names", i) || p != null
        || text.labelAt("flat_level2_names", i + l1) > 0;
    return isLevel1 ? new Level1(i + l1, end[0], p) : null;
  }

  private Level1 weightedLevel1(int i) {
    int l1 = text.labelAt("weighted_level1_names", i);
    if (l1 == 0) {
      l1 = scrambledLevel1(i);
      if (l1 == 0) {
        return null;
      }
      Level1 withPoints = bare(i, l1);
      return withPoints != null && withPoints.points() != null ? withPoints : null;
    }
    Level1 withPoints = bare(i, l1);
    if (withPoints != null) {
      return withPoints;
    }
    // a level with no points left (满意度指标 last, its cells cut off): a level only where it
    // cannot be a 二级指标 of the national list
    return l1 > text.labelAt("flat_level2_names", i) ? new Level1(i + l1, i + l1, null) : null;
  }

  /** The points printed bare after a name ending at i + len, with a 二级指标 or text after them. */
  private Level1 bare(int i, int len) {
    Matcher m = BARE_POINTS.matcher(text.folded).region(i + len, text.length());
    if (!m.lookingAt()) {
      return null;
    }
    return new Level1(i + len, m.end(), new BigDecimal(m.group()));
  }

  /** Length of a level name of the scheme whose characters stand at i in another order. */
  private int scrambledLevel1(int i) {
    for (String w : io.selfeval.extract.vocab.Vocabulary.labels("weighted_level1_names")) {
      if (i + w.length() <= text.length()
          && sorted(text.folded.substring(i, i + w.length())).equals(sorted(w))) {
        return w.length();
      }
    }
    return 0;
  }

  private static String sorted(String s) {
    char[] c = s.toCharArray();
    Arrays.sort(c);
    return new String(c);
  }
}
