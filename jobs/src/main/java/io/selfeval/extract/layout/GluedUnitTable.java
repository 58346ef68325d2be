package io.selfeval.extract.layout;

import io.selfeval.extract.vocab.Vocabulary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A glued unit-level (部门整体) indicator table with a 计量单位 column and neither level columns nor
 * a 得分系数 or 是否核心指标 column ({@code 指标名称计量单位指标性质指标值指标权重(分)全年完成值指标得分(分)说明
 * 森林火灾受害率%0.910010…}): no cell marks a row's end, so a row is a name ending in a unit word
 * (then a 指标性质 word or the target's comparator, if printed) and one run of digits holding the
 * numeric cells in the header's order. The run is split by the form's arithmetic (0 &lt; 权重,
 * Σ 权重 ≤ 100 over the table, 0 ≤ 得分 ≤ 100, a percentage at most {@link #MAX_PERCENT}; not
 * 得分 ≤ 权重, which the forms the analysis flags break); a cell is given only where every
 * reading that fits puts the same characters there, the others stay empty with
 * {@code GLUED_AMBIGUOUS}. A row whose front does not end in a unit word is left out.
 */
final class GluedUnitTable {

  /** Characters from the name word to the end of the 得分 word, at most. */
  private static final int MAX_HEADER = 60;
  /** Characters between two header words (指标 before 权重, 全年 before 完成值). */
  private static final int HEADER_GAP = 2;
  private static final int MIN_NAME = 2;
  private static final BigDecimal TOTAL = BigDecimal.valueOf(100);
  /** A target or actual in per cent beyond this is digits of two cells read as one. */
  private static final BigDecimal MAX_PERCENT = BigDecimal.valueOf(200);
  private static final Pattern NUMBER = Pattern.compile("(?:0|[1-9]\\d*)(?:\\.\\d+)?%?");
  private static final Pattern BRACKET = Pattern.compile("\\([^()]{0,12}\\)");
  private static final List<String> COLUMNS = List.of("name", "measure", "nature", "target",
      "actual", "weight", "score", "level1", "level2", "criteria");
  private static final List<String> NUMERIC = List.of("target", "actual", "weight", "score");
  private static final List<String> HEADER_COLUMNS =
      List.of("level1", "level2", "name", "target", "actual", "weight", "score");

  /** A row: its name and unit spans, its digit run, and every reading of the run. */
  private record Row(int from, int nameTo, int runFrom, int runTo, String unit,
      String comparator, List<int[]> readings) {}

  private final GluedForm form;
  private final GluedText text;
  private final List<String> numeric;

  private GluedUnitTable(GluedForm form, GluedText text, List<String> numeric) {
    this.form = form;
    this.text = text;
    this.numeric = numeric;
  }

  /**
   * The end of such a table's header starting at i (a name word first; then 计量单位, 指标值,
   * 完成值, 权重 and 得分 words, at most {@link #HEADER_GAP} characters apart; no level, 评分标准 or
   * 系数 word), with a remark column word after it; or -1.
   */
  static int headerEnd(GluedText t, int i) {
    List<String> cols = new ArrayList<>();
    int end = headerWords(t, i, cols);
    if (cols.isEmpty() || !cols.get(0).equals("name") || !cols.contains("measure")
        || !cols.containsAll(NUMERIC) || cols.contains("level1") || cols.contains("level2")
        || cols.contains("criteria")) {
      return -1;
    }
    for (int k = i; k < end; k++) {
      if (t.labelAt("glued_coefficient_columns", k) > 0) {
        return -1;
      }
    }
    return end + t.labelAt("glued_remark_columns", end);
  }

  /** Reads the rows after the header [from, to); the form moves past the last one. */
  static void read(GluedForm form, GluedText t, int from, int to) {
    List<String> cols = new ArrayList<>();
    headerWords(t, from, cols);
    List<String> numeric = cols.stream().filter(NUMERIC::contains).distinct().toList();
    new GluedUnitTable(form, t, numeric).rows(from, to);
  }

  private static int headerWords(GluedText t, int i, List<String> cols) {
    int q = i;
    int end = i;
    while (q < t.length() && q - i < MAX_HEADER) {
      int[] w = null;
      for (int gap = 0; gap <= HEADER_GAP && w == null && q + gap < t.length(); gap++) {
        w = word(t, q + gap);
      }
      if (w == null) {
        break;
      }
      cols.add(COLUMNS.get(w[1]));
      Matcher b = BRACKET.matcher(t.folded).region(w[0], t.length());
      end = b.lookingAt() ? b.end() : w[0];
      q = end;
      if (COLUMNS.get(w[1]).equals("score") && cols.containsAll(NUMERIC)) {
        break; // the last numeric column: a row's name may start with a column word
      }
    }
    return end;
  }

  /** {end, column} of the longest column word at q, or null. */
  private static int[] word(GluedText t, int q) {
    int best = 0;
    int col = -1;
    for (int c = 0; c < COLUMNS.size(); c++) {
      for (String w : Vocabulary.indicatorColumnWords(COLUMNS.get(c))) {
        if (w.length() > best && t.folded.startsWith(w, q)) {
          best = w.length();
          col = c;
        }
      }
    }
    return col < 0 ? null : new int[] {q + best, col};
  }

  private void rows(int headerFrom, int headerTo) {
    List<String> header = new ArrayList<>();
    for (String c : HEADER_COLUMNS) {
      header.add(Vocabulary.indicatorColumnWords(c).get(0));
    }
    form.textRow(header, headerFrom);
    List<Row> rows = new ArrayList<>();
    int q = headerTo;
    while (q < text.length() && !form.endsRows(q)) {
      int run = q;
      while (run < text.length() && !Character.isDigit(text.at(run)) && !form.endsRows(run)) {
        run++;
      }
      if (run == text.length() || form.endsRows(run)) {
        q = run; // the last row's front, its numbers cut off: not a row
        break;
      }
      int runTo = run;
      while (runTo < text.length() && "0123456789.%".indexOf(text.at(runTo)) >= 0) {
        runTo++;
      }
      Row r = row(q, run, runTo);
      if (r == null) {
        form.warn("a glued indicator row whose name does not end in a unit word, or whose "
            + "digits split into no reading; row left out: " + text.text(q, runTo), q);
      } else {
        rows.add(r);
      }
      q = runTo;
    }
    narrowByTotal(rows);
    rows.forEach(this::emit);
    form.moveTo(q);
  }

  /** The row [from, runTo) with its run at [run, runTo), or null when not read. */
  private Row row(int from, int run, int runTo) {
    int end = run;
    int comparator = end > from && GluedRows.isComparatorChar(text.at(end - 1)) ? 1
        : suffix(from, end, "glued_comparator_words");
    end -= comparator;
    end -= suffix(from, end, "indicator_nature_words");
    int unitLen = suffix(from, end, "flat_unit_words");
    end -= unitLen;
    if (unitLen == 0 || end - from < MIN_NAME) {
      return null;
    }
    String unit = text.folded.substring(end, end + unitLen);
    List<int[]> readings = readings(text.folded.substring(run, runTo), isPercent(unit));
    return readings.isEmpty() ? null
        : new Row(from, end, run, runTo, unit, text.text(run - comparator, run), readings);
  }

  private int suffix(int from, int to, String group) {
    int best = 0;
    for (String w : Vocabulary.labels(group)) {
      if (w.length() > best && to - w.length() >= from
          && text.folded.startsWith(w, to - w.length())) {
        best = w.length();
      }
    }
    return best;
  }

  /**
   * Every split of the run into the numeric columns (token boundaries, length columns + 1) with
   * 0 &lt; 权重 ≤ 100, 0 ≤ 得分 ≤ 100 and, in a % row, target and actual at most
   * {@link #MAX_PERCENT}.
   */
  List<int[]> readings(String run, boolean percent) {
    List<int[]> out = new ArrayList<>();
    int[] cuts = new int[numeric.size() + 1];
    cuts[numeric.size()] = run.length();
    split(run, 1, cuts, percent, out);
    return out;
  }

  private void split(String run, int k, int[] cuts, boolean percent, List<int[]> out) {
    if (k == numeric.size()) {
      if (fits(run, cuts, percent)) {
        out.add(cuts.clone());
      }
      return;
    }
    for (int c = cuts[k - 1] + 1; c < run.length(); c++) {
      if (NUMBER.matcher(run.substring(cuts[k - 1], c)).matches()) {
        cuts[k] = c;
        split(run, k + 1, cuts, percent, out);
      }
    }
  }

  private boolean fits(String run, int[] cuts, boolean percent) {
    BigDecimal[] v = new BigDecimal[numeric.size()];
    for (int k = 0; k < v.length; k++) {
      String s = run.substring(cuts[k], cuts[k + 1]);
      if (!NUMBER.matcher(s).matches()) {
        return false;
      }
      v[k] = new BigDecimal(s.replace("%", ""));
    }
    BigDecimal weight = v[numeric.indexOf("weight")];
    BigDecimal score = v[numeric.indexOf("score")];
    boolean values = !percent || v[numeric.indexOf("target")].compareTo(MAX_PERCENT) <= 0
        && v[numeric.indexOf("actual")].compareTo(MAX_PERCENT) <= 0;
    return values && weight.signum() > 0 && weight.compareTo(TOTAL) <= 0 && score.signum() >= 0
        && score.compareTo(TOTAL) <= 0;
  }

  /**
   * Drops the readings whose 权重 with the other rows' least 权重 passes the form's 100; nothing
   * where the least 权重 already pass it (a form of another total).
   */
  private void narrowByTotal(List<Row> rows) {
    boolean changed = true;
    while (changed) {
      changed = false;
      BigDecimal least = BigDecimal.ZERO;
      for (Row r : rows) {
        least = least.add(leastWeight(r));
      }
      if (least.compareTo(TOTAL) > 0) {
        return;
      }
      for (Row r : rows) {
        BigDecimal room = TOTAL.subtract(least).add(leastWeight(r));
        int before = r.readings().size();
        r.readings().removeIf(c -> weight(r, c).compareTo(room) > 0);
        changed |= r.readings().size() != before;
      }
    }
  }

  private BigDecimal leastWeight(Row r) {
    return r.readings().stream().map(c -> weight(r, c)).min(BigDecimal::compareTo)
        .orElse(BigDecimal.ZERO);
  }

  private BigDecimal weight(Row r, int[] cuts) {
    int k = numeric.indexOf("weight");
    return new BigDecimal(text.folded.substring(r.runFrom() + cuts[k], r.runFrom() + cuts[k + 1])
        .replace("%", ""));
  }

  private void emit(Row r) {
    List<String> cells = new ArrayList<>(List.of("", "", text.text(r.from(), r.nameTo())));
    List<String> left = new ArrayList<>();
    for (String c : List.of("target", "actual", "weight", "score")) {
      String v = agreed(r, numeric.indexOf(c));
      if (v == null) {
        left.add(c);
        v = "";
      } else if (c.equals("target") || c.equals("actual")) {
        String unit = v.endsWith(r.unit()) ? "" : r.unit();
        v = (c.equals("target") ? r.comparator() : "") + v + unit;
      }
      cells.add(v);
    }
    if (!left.isEmpty()) {
      form.warn(r.readings().size() + " readings of a glued row's numbers fit 0 < 权重, Σ 权重 ≤ "
          + "100 and 得分 ≤ 100; left empty: " + String.join(", ", left) + ": "
          + text.text(r.from(), r.runTo()), r.from());
    }
    form.textRow(cells, r.from());
  }

  /** The printed text of numeric column k where every reading has the same span, else null. */
  private String agreed(Row r, int k) {
    int[] first = r.readings().get(0);
    for (int[] c : r.readings()) {
      if (c[k] != first[k] || c[k + 1] != first[k + 1]) {
        return null;
      }
    }
    return text.text(r.runFrom() + first[k], r.runFrom() + first[k + 1]);
  }

  private static boolean isPercent(String unit) {
    return unit.equals("%") || unit.equals("‰");
  }
}
