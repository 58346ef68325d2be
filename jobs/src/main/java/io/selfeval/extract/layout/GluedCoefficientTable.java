package io.selfeval.extract.layout;

import io.selfeval.extract.vocab.Vocabulary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A glued indicator table scored by coefficient, as unit-level (部门整体) forms print it: 指标名称 |
 * 计量单位 | 指标性质 | 年初指标值 | (调整指标值) | 全年完成值 | 得分系数(%) | 指标权重(分) | 指标得分(分) |
 * 是否核心指标, each row ending in 是 or 否 ({@code 财政供养人员控制率%定量指标100%92%100%22否}). The
 * digits before the 是/否 are split into 系数, 权重 and 得分 only where 得分 = 权重 × 系数 leaves one
 * reading; the front of the row is read by {@link GluedRowHead}. Rows come out under a header
 * row of the vocabulary's words for the cells given (levels, name, target, actual, 权重, 得分).
 */
final class GluedCoefficientTable {

  /** Characters from the name word to the end of the core column word, at most. */
  private static final int MAX_HEADER = 90;
  /** 得分系数 is a percentage. */
  private static final BigDecimal MAX_COEFFICIENT = BigDecimal.valueOf(100);
  /** An indicator's 权重 is a share of the form's 100 points. */
  private static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(100);
  /** Scores printed rounded to two decimals. */
  private static final BigDecimal ROUNDING = new BigDecimal("0.01");
  /** The cells each row comes out with (the level cells empty): the form reader's header. */
  private static final List<String> HEADER_COLUMNS =
      List.of("level1", "level2", "name", "target", "actual", "weight", "score");

  private final GluedForm form;
  private final GluedText text;
  private final boolean unitColumn;

  private GluedCoefficientTable(GluedForm form, GluedText text, boolean unitColumn) {
    this.form = form;
    this.text = text;
    this.unitColumn = unitColumn;
  }

  /**
   * The end of a coefficient table's header that starts at i (a name column word, then within
   * {@link #MAX_HEADER} characters the 系数, 权重 and 得分 words in this order and a core column
   * word), or -1.
   */
  static int headerEnd(GluedText t, int i) {
    if (longestAt(t, i, Vocabulary.indicatorColumnWords("name")) == 0) {
      return -1;
    }
    int limit = Math.min(t.length(), i + MAX_HEADER);
    int coefficient = find(t, i, limit, Vocabulary.labels("glued_coefficient_columns"));
    int weight = coefficient < 0 ? -1
        : find(t, coefficient, limit, Vocabulary.indicatorColumnWords("weight"));
    int score = weight < 0 ? -1
        : find(t, weight, limit, Vocabulary.indicatorColumnWords("score"));
    int core = score < 0 ? -1 : find(t, score, limit, Vocabulary.labels("glued_core_columns"));
    return core < 0 ? -1 : core + longestAt(t, core, Vocabulary.labels("glued_core_columns"));
  }

  /** Reads the table whose header spans [from, to); the form moves past its last row. */
  static void read(GluedForm form, GluedText t, int from, int to) {
    boolean unit = find(t, from, to, Vocabulary.indicatorColumnWords("measure")) >= 0;
    new GluedCoefficientTable(form, t, unit).rows(from, to);
  }

  private void rows(int headerFrom, int headerTo) {
    List<String> header = new ArrayList<>();
    for (String c : HEADER_COLUMNS) {
      header.add(Vocabulary.indicatorColumnWords(c).get(0));
    }
    form.textRow(header, headerFrom);
    int rowFrom = headerTo;
    int q = headerTo;
    while (q < text.length() && !form.endsRows(q)) {
      if (q > rowFrom && isCoreMark(q) && "0123456789.%".indexOf(text.at(q - 1)) >= 0) {
        row(rowFrom, q);
        rowFrom = q + 1;
      }
      q++;
    }
    form.moveTo(rowFrom);
  }

  private boolean isCoreMark(int q) {
    return Vocabulary.isExactLabel("glued_core_values", String.valueOf(text.at(q)));
  }

  /** The row [from, to) without its 是/否. */
  private void row(int from, int to) {
    String s = text.folded.substring(from, to);
    List<int[]> tails = new ArrayList<>();
    for (int[] t : tails(s)) {
      if (head(s.substring(0, t[0])) != null) {
        tails.add(t); // a reading whose front does not read as name, unit and values is none
      }
    }
    int[] agreed = agreed(tails);
    GluedRowHead.Head head = agreed[0] < 0 ? null : head(s.substring(0, agreed[0]));
    if (head == null) {
      form.warn((tails.isEmpty() ? "no" : tails.size()) + " readings of a glued indicator row fit "
          + "得分 = 权重 × 系数 with a name told from its unit and values; row left out: "
          + text.text(from, to), from);
      return;
    }
    List<int[]> cells = new ArrayList<>();
    cells.add(null);
    cells.add(null);
    cells.add(new int[] {from + head.nameFrom(), from + head.nameTo()});
    boolean values = head.targetTo() >= 0;
    cells.add(values ? new int[] {from + head.valuesFrom(), from + head.targetTo()} : null);
    cells.add(values ? new int[] {from + head.targetTo(), from + head.valuesTo()} : null);
    cells.add(agreed[1] < 0 ? null : new int[] {from + agreed[1], from + agreed[2]});
    cells.add(agreed[2] < 0 ? null : new int[] {from + agreed[2], to});
    if (agreed[1] < 0 || agreed[2] < 0) {
      form.warn(tails.size() + " readings of a glued row's 系数, 权重 and 得分 fit 得分 = 权重 × 系数;"
          + " 权重 and 得分 left empty: " + text.text(from, to), from);
    }
    form.row(cells);
  }

  /**
   * The row's front as {@link GluedRowHead} reads it; where it cannot and the header has a 计量单位
   * column, as {@link GluedUnitCellHead} does (a target OCR garbled at its start).
   */
  private GluedRowHead.Head head(String front) {
    GluedRowHead.Head h = GluedRowHead.read(front, unitColumn);
    return h != null || !unitColumn ? h : GluedUnitCellHead.read(front);
  }

  /** Per position (系数 start, 权重 start, 得分 start): the one all readings share, else -1. */
  private static int[] agreed(List<int[]> tails) {
    int[] out = {-1, -1, -1};
    for (int k = 0; k < out.length && !tails.isEmpty(); k++) {
      final int at = k;
      int first = tails.get(0)[k];
      out[k] = tails.stream().allMatch(r -> r[at] == first) ? first : -1;
    }
    return out;
  }

  /**
   * Every reading of the row's end as 系数 (a % after it or not), 权重 and 得分 with 0 ≤ 系数 ≤ 100,
   * 0 &lt; 权重 ≤ 100 and 得分 = 权重 × 系数 / 100: {系数 start, 权重 start, 得分 start}; where
   * some reading ends the 系数 with a %, only those.
   */
  static List<int[]> tails(String s) {
    int end = s.length();
    int run = end;
    while (run > 0 && "0123456789.%".indexOf(s.charAt(run - 1)) >= 0) {
      run--;
    }
    List<int[]> out = new ArrayList<>();
    for (int c = run + 1; c < end; c++) {
      int w = s.charAt(c) == '%' ? c + 1 : c;
      for (int d = w + 1; d < end; d++) {
        BigDecimal weight = number(s, w, d);
        BigDecimal score = number(s, d, end);
        if (weight == null || score == null || weight.signum() <= 0
            || weight.compareTo(MAX_WEIGHT) > 0) {
          continue;
        }
        for (int a = run; a < c; a++) {
          BigDecimal coefficient = number(s, a, c);
          if (coefficient != null && coefficient.compareTo(MAX_COEFFICIENT) <= 0
              && fits(coefficient, weight, score)) {
            out.add(new int[] {a, w, d});
          }
        }
      }
    }
    // a % that can close the 系数 does: the values all stand before it
    List<int[]> withSign = out.stream().filter(r -> s.charAt(r[1] - 1) == '%').toList();
    return withSign.isEmpty() ? out : withSign;
  }

  private static boolean fits(BigDecimal coefficient, BigDecimal weight, BigDecimal score) {
    BigDecimal expected = weight.multiply(coefficient).movePointLeft(2);
    return expected.subtract(score).abs().compareTo(ROUNDING) <= 0;
  }

  private static BigDecimal number(String s, int from, int to) {
    String n = s.substring(from, to);
    return GluedNumbers.isNumber(n) ? new BigDecimal(n) : null;
  }

  private static int find(GluedText t, int from, int to, List<String> words) {
    for (int i = from; i < to; i++) {
      int len = longestAt(t, i, words);
      if (len > 0 && i + len <= to) {
        return i;
      }
    }
    return -1;
  }

  private static int longestAt(GluedText t, int i, List<String> words) {
    int best = 0;
    for (String w : words) {
      if (w.length() > best && t.folded.startsWith(w, i)) {
        best = w.length();
      }
    }
    return best;
  }
}
