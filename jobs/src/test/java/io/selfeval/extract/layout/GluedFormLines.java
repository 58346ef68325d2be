package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

/** The lines a glued form is laid out in, as the glued-table tests look at them. */
final class GluedFormLines {

  /** The indicator header row the glued table readers write (the vocabulary's first words). */
  static final String INDICATOR_HEADER = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分";

  private GluedFormLines() {}

  /** The n lines under the indicator header row (which must be there). */
  static List<String> rowsUnderHeader(TableText t, int n) {
    List<String> lines = Arrays.asList(t.lines());
    int header = lines.indexOf(INDICATOR_HEADER);
    assertTrue(header > 0, lines.toString());
    return lines.subList(header + 1, Math.min(lines.size(), header + 1 + n));
  }

  /** How many {@code GLUED_AMBIGUOUS} warnings the layout gave. */
  static long ambiguous(TableText t) {
    return t.warnings().stream().filter(w -> w.code().equals(GluedForm.AMBIGUOUS)).count();
  }
}
