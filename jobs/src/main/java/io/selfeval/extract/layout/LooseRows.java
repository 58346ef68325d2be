package io.selfeval.extract.layout;

import io.selfeval.extract.Texts;
import io.selfeval.extract.vocab.Vocabulary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a run of flattened words whose header cells came out of order (an .xlsx or PDF table
 * turned into one line, its wrapped header cells printed line by line, so column words arrive in
 * the middle of the budget values and the first rows), which {@link FlatForm} cannot cut by a
 * header. Only what the words fix in exactly one way is read:
 *
 * <ul>
 *   <li>an indicator row, once the indicator header's words have been seen (三级指标, a value
 *       column, 分值 or 得分): its name, 年度指标值, 实际完成值, then 分值 and 得分 as two bare numbers
 *       with 得分 ≤ 分值, the name directly after the previous row (or after values no name owns:
 *       a name left without values since the last column word means the rows are out of order
 *       there, and the row is left);
 *   <li>the budget row as the run of numbers right after its header when it holds exactly the
 *       header's columns in order and its 执行数 / 预算数 gives its 执行率 (or all but a dropped
 *       年初预算数, left to the form reader's arithmetic); failing that,
 *       the budget block's 分值, 执行率 and 得分 under a header printing them in that order, as the
 *       only three words of the run where 得分 = 分值 × 执行率, and 全年预算数 and 全年执行数 only when
 *       the two numbers before them give that 执行率.
 * </ul>
 *
 * <p>Every other word is left out with a warning: a gap, never a guess.
 */
final class LooseRows {

  private static final Pattern PLAIN = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
  private static final Pattern PERCENT = Pattern.compile("[0-9]+(?:\\.[0-9]+)?%");
  private static final Pattern VALUE_LIKE = Pattern.compile("[0-9≥≤>＜<=＝±+\\-.%].*");
  private static final Pattern CJK = Pattern.compile(".*[\\u4e00-\\u9fff].*");
  /** Longest column word (偏差原因分析 wrapped to 原因分析及改进措施 is nine characters). */
  private static final int HEADER_WORD = 10;
  /** A deviation reason, a sentence: never a name. */
  private static final Pattern SENTENCE = Pattern.compile(".*[。；;]|.*[，,].*");
  private static final BigDecimal HALF = new BigDecimal("0.5");
  /** Characters of the shortest name: a shorter word is the wrapped end of a name. */
  private static final int MIN_NAME = 2;

  /** A row read: the spans {from, to} of its name, target and actual words, 分值 and 得分. */
  record Row(int[] name, int[] target, int[] actual, int weight, int score, int[] level1,
      int[] level2, int[] reason) {

    Row withReason(int[] span) {
      return new Row(name, target, actual, weight, score, level1, level2, span);
    }
  }

  /**
   * The budget row's cells after its label: by header column (null: not placed), or the numbers
   * in printed order when one cell is missing (placed by the form reader's arithmetic).
   */
  record Budget(List<int[]> cells) {}

  private final List<FlatForm.Token> words;
  /** Rows end in 得分 alone (the form prints no 分值 column). */
  private boolean scoreOnly;
  private final List<String> notes = new ArrayList<>();
  private final List<Integer> noteAt = new ArrayList<>();

  private LooseRows(List<FlatForm.Token> words) {
    this.words = words;
  }

  /**
   * The first word from which indicator rows may be read: after the header's name column
   * (三级指标), a value column and 分值 or 得分 have all been printed in words from..to-1 (the
   * form's), and after the column words that follow; -1 when they have not.
   */
  static int headerSeen(List<FlatForm.Token> words, int from, int to) {
    boolean name = false;
    boolean value = false;
    boolean score = false;
    for (int i = from; i < to; i++) {
      String col = column(words.get(i));
      name |= "name".equals(col);
      value |= "target".equals(col) || "actual".equals(col);
      score |= "weight".equals(col) || "score".equals(col);
      if (name && value && score) {
        int end = i + 1;
        while (end < to && column(words.get(end)) != null) {
          end++;
        }
        return end;
      }
    }
    return -1;
  }

  /**
   * True when the form's words from..to-1, from its indicator header's 三级指标 on, name 得分 but
   * no 分值 column (年初目标值 | 实际完成值 | 得分): its rows end in their 得分 alone, and their
   * weight stays unread.
   */
  static boolean scoreOnly(List<FlatForm.Token> words, int from, int to) {
    int name = from;
    while (name < to && !"name".equals(column(words.get(name)))) {
      name++; // the budget header's 分值 before it is the budget's
    }
    boolean score = false;
    for (int i = name; i < to; i++) {
      String col = column(words.get(i));
      if ("weight".equals(col)) {
        return false;
      }
      score |= "score".equals(col);
    }
    return score;
  }

  /**
   * The rows of words from..to-1 (none before {@code ready}); with {@code scoreOnly}, rows
   * name | target | actual | 得分 (their {@code weight} -1).
   */
  static List<Row> rows(List<FlatForm.Token> words, int from, int to, int ready,
      boolean scoreOnly, List<String> warnings, List<Integer> warnedAt) {
    LooseRows r = new LooseRows(words);
    r.scoreOnly = scoreOnly;
    List<Row> out = r.readRows(Math.max(from, ready), to);
    warnings.addAll(r.notes);
    warnedAt.addAll(r.noteAt);
    return out;
  }

  private List<Row> readRows(int from, int to) {
    List<Row> out = new ArrayList<>();
    int gapFrom = from;
    int[] level1 = null;
    int[] level2 = null;
    int s = from + 1;
    while (s < to) {
      Row row = rowEndingAt(s, to);
      if (row == null) {
        s++;
        continue;
      }
      int nameAt = row.name()[0];
      gapFrom = reasonOfLast(out, gapFrom, nameAt);
      boolean orderly = true;
      for (int i = gapFrom; i < nameAt; i++) {
        FlatForm.Token t = words.get(i);
        if (isLevel1(t)) {
          level1 = new int[] {i, i + 1};
          level2 = null;
        } else if (isLevel2(t)) {
          level2 = new int[] {i, i + 1};
        } else if (isHeaderWord(t)) {
          orderly = true; // names before a column word are the header's rows, not this one's
        } else if (isNameLike(t)) {
          orderly = false;
        }
      }
      List<Row> namesFirst = orderly ? null : namesFirst(gapFrom, row, to, level1, level2);
      if (namesFirst != null) {
        out.addAll(namesFirst);
        row = namesFirst.get(namesFirst.size() - 1);
      } else if (!orderly) {
        note("row left out: a name without values stands before it (rows out of order): "
            + join(gapFrom, row.score() + 1), gapFrom);
      } else {
        if (nameAt > gapFrom && !onlyLevels(gapFrom, nameAt)) {
          note("words no indicator row owns left out: " + join(gapFrom, nameAt), gapFrom);
        }
        out.add(new Row(row.name(), row.target(), row.actual(), row.weight(), row.score(),
            level1, level2, null));
      }
      gapFrom = row.score() + 1;
      s = row.score() + 2;
    }
    gapFrom = reasonOfLast(out, gapFrom, to);
    if (gapFrom < to && !onlyLevels(gapFrom, to)) {
      note("words no indicator row owns left out: " + join(gapFrom, to), gapFrom);
    }
    return out;
  }

  /**
   * Rows whose names all come before their values, as a PDF's text gives rows next to a name
   * that wraps over more lines than its values ({@code 指标24:…报告 数 指标25:…签约率 14例 14例 2 2
   * 24694人 22584人 2 1.7}): after the last level name or column word since {@code gapFrom}
   * (words before a column word are the header's, as in {@link #readRows}), names only up to the
   * first row read, and after that row's values come groups of values no name owns (年度指标值 |
   * 实际完成值 | 分值 | 得分, 得分 ≤ 分值). A word too short to be a name (one
   * Chinese character, a unit word too) is the wrapped end of the name before it. When the names
   * are exactly as many as the value groups, the i-th name takes the i-th group, in reading
   * order; otherwise null (the rows are left out).
   */
  private List<Row> namesFirst(int gapFrom, Row first, int to, int[] level1, int[] level2) {
    int from = gapFrom;
    for (int i = gapFrom; i < first.name()[0]; i++) {
      FlatForm.Token t = words.get(i);
      from = isLevel1(t) || isLevel2(t) || isHeaderWord(t) ? i + 1 : from;
    }
    List<int[]> names = new ArrayList<>();
    for (int i = from; i <= first.name()[0]; i++) {
      FlatForm.Token t = words.get(i);
      if (t.folded().length() < MIN_NAME && !names.isEmpty() && CJK.matcher(t.folded())
          .matches()) {
        names.get(names.size() - 1)[1] = i + 1; // 次 after 人: a name's end, not a unit
      } else if (t.folded().length() < MIN_NAME || !isNameLike(t)) {
        return null;
      } else {
        names.add(new int[] {i, i + 1});
      }
    }
    List<Row> groups = new ArrayList<>();
    groups.add(first);
    int next = first.score() + 1;
    while (groups.size() < names.size()) {
      Row g = namelessAt(next, to);
      if (g == null) {
        return null;
      }
      groups.add(g);
      next = g.score() + 1;
    }
    if (names.size() < 2 || namelessAt(next, to) != null) {
      return null;
    }
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      Row g = groups.get(k);
      rows.add(new Row(names.get(k), g.target(), g.actual(), g.weight(), g.score(), level1,
          level2, null));
    }
    return rows;
  }

  /** Values no name owns starting at word p: 年度指标值, 实际完成值, 分值 and 得分; or null. */
  private Row namelessAt(int p, int to) {
    for (int s = p + (scoreOnly ? 2 : 3); s < Math.min(to, p + 7); s++) {
      int[][] values = valuesEndingAt(s, to);
      if (values != null && values[0][0] == p) {
        return new Row(null, values[0], values[1], scoreOnly ? -1 : s - 1, s, null, null, null);
      }
    }
    return null;
  }

  /**
   * A sentence right after the last row read (before {@code limit}) is its deviation reason:
   * kept with it; returns the first word after it.
   */
  private int reasonOfLast(List<Row> out, int gapFrom, int limit) {
    if (out.isEmpty() || out.get(out.size() - 1).score() + 1 != gapFrom || gapFrom >= limit
        || !SENTENCE.matcher(words.get(gapFrom).folded()).matches()) {
      return gapFrom;
    }
    out.set(out.size() - 1, out.get(out.size() - 1).withReason(new int[] {gapFrom,
        gapFrom + 1}));
    return gapFrom + 1;
  }

  /** Words from..to-1 are level names and column words only: nothing left out. */
  private boolean onlyLevels(int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isLevel1(words.get(i)) && !isLevel2(words.get(i)) && !isHeaderWord(words.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The row whose 得分 is word s: 分值 and 得分 plain numbers (得分 ≤ 分值, no third number on
   * either side; 得分 alone in a score-only form), 实际完成值 and 年度指标值 a word each (a unit
   * word joins the number before it), the name a word with Chinese characters that names no
   * column; null when the words are not such a row.
   */
  private Row rowEndingAt(int s, int to) {
    int[][] values = valuesEndingAt(s, to);
    if (values == null) {
      return null;
    }
    int nameAt = values[0][0] - 1;
    FlatForm.Token name = words.get(nameAt);
    if (!isNameLike(name)) {
      return null;
    }
    return new Row(new int[] {nameAt, nameAt + 1}, values[0], values[1], scoreOnly ? -1 : s - 1,
        s, null, null, null);
  }

  /**
   * The spans {target, actual} of the values whose 得分 is word s (as {@link #rowEndingAt} reads
   * them, a word before the target left for the name); null when the words are not such values.
   */
  private int[][] valuesEndingAt(int s, int to) {
    int w = scoreOnly ? s : s - 1;
    BigDecimal score = plain(s);
    BigDecimal weight = scoreOnly ? score : plain(w);
    if (score == null || weight == null || weight.signum() <= 0 || score.compareTo(weight) > 0
        || s + 1 < to && plain(s + 1) != null) {
      return null;
    }
    int[] actual = cellBefore(w);
    int[] target = actual == null ? null : cellBefore(actual[0]);
    if (target == null || target[0] == 0) {
      return null;
    }
    if (plain(actual[0]) != null && plain(target[0]) == null) {
      return null; // a lone number before 分值: three numbers, no reading in one way
    }
    return new int[][] {target, actual};
  }

  /** The value cell ending before word {@code end}: a word, or a number and its unit word. */
  private int[] cellBefore(int end) {
    int last = end - 1;
    if (last < 0 || isHeaderWord(words.get(last)) || isLevel1(words.get(last))
        || isLevel2(words.get(last))) {
      return null;
    }
    String folded = words.get(last).folded();
    if (last > 0 && Vocabulary.isExactLabel("flat_unit_words", folded)) {
      String before = words.get(last - 1).folded();
      if (!before.isEmpty() && Character.isDigit(before.charAt(before.length() - 1))) {
        return new int[] {last - 1, end};
      }
      return null;
    }
    return new int[] {last, end};
  }

  // ---- budget ----

  /**
   * The budget cells of words from..to-1 under a header of {@code columns} (budget column names
   * in printed order): placed only as described in the class comment; null when nothing is.
   */
  static Budget budget(List<FlatForm.Token> words, int from, int to, List<String> columns) {
    LooseRows r = new LooseRows(words);
    Budget whole = r.wholeRun(from, to, columns);
    int w = columns.indexOf("weight");
    if (whole != null || w < 0 || columns.indexOf("rate") != w + 1
        || columns.indexOf("score") != w + 2) {
      return whole;
    }
    int found = -1;
    for (int i = from; i + 2 < to; i++) {
      if (r.scoreOfRate(i)) {
        if (found >= 0) {
          return null; // two readings
        }
        found = i;
      }
    }
    if (found < 0) {
      return null;
    }
    List<int[]> cells = new ArrayList<>();
    for (int k = 0; k < columns.size(); k++) {
      cells.add(null);
    }
    cells.set(w, new int[] {found, found + 1});
    cells.set(w + 1, new int[] {found + 1, found + 2});
    cells.set(w + 2, new int[] {found + 2, found + 3});
    int exec = columns.indexOf("executed");
    int adj = columns.indexOf("adjusted");
    if (adj >= 0 && exec == adj + 1 && w == exec + 1 && found - 2 >= from
        && r.rateOf(found - 2, found - 1, found + 1)) {
      cells.set(adj, new int[] {found - 2, found - 1});
      cells.set(exec, new int[] {found - 1, found});
    }
    return new Budget(cells);
  }

  /**
   * The run of numbers directly after the header (at {@code from}): with exactly the header's
   * columns in its order (a percentage under 执行率) and 执行数 / 预算数 giving its 执行率, every
   * cell by position, as a labelled row would be; with one number fewer under a header that
   * starts with 年初预算数 (its blank cell dropped), the numbers in order, for the form reader to
   * place by the form's arithmetic ({@code BudgetPlacer}); null otherwise.
   */
  private Budget wholeRun(int from, int to, List<String> columns) {
    int rate = columns.indexOf("rate");
    int adj = columns.contains("adjusted") ? columns.indexOf("adjusted")
        : columns.indexOf("initial"); // a lone 预算数(A): the budget B/A is measured against
    int exec = columns.indexOf("executed");
    int end = from;
    while (end < to && (plain(end) != null || PERCENT.matcher(words.get(end).folded())
        .matches())) {
      end++;
    }
    List<int[]> cells = new ArrayList<>();
    for (int k = from; k < end; k++) {
      cells.add(new int[] {k, k + 1});
    }
    if (end - from == columns.size() && rate >= 0 && adj >= 0 && exec >= 0
        && fitsColumns(from, columns) && rateOf(from + adj, from + exec, from + rate)) {
      return new Budget(cells);
    }
    boolean droppedInitial = end - from == columns.size() - 1 && columns.get(0).equals("initial");
    return droppedInitial ? new Budget(cells) : null;
  }

  private boolean fitsColumns(int at, List<String> columns) {
    for (int k = 0; k < columns.size(); k++) {
      boolean percent = PERCENT.matcher(words.get(at + k).folded()).matches();
      if (percent != columns.get(k).equals("rate")) {
        return false;
      }
    }
    return true;
  }

  /** Words i, i+1, i+2 are 分值, 执行率 (a percentage) and 得分 = 分值 × 执行率 (capped). */
  private boolean scoreOfRate(int i) {
    BigDecimal weight = plain(i);
    BigDecimal score = plain(i + 2);
    String rate = words.get(i + 1).folded();
    if (weight == null || score == null || weight.signum() <= 0 || score.compareTo(weight) > 0
        || !PERCENT.matcher(rate).matches()) {
      return false;
    }
    BigDecimal r = Texts.fraction(rate);
    BigDecimal expected = weight.multiply(r).min(weight);
    return expected.subtract(score).abs().compareTo(halfUnit(score).add(new BigDecimal("0.005")))
        <= 0;
  }

  /** 执行数 / 预算数 of words a and e gives the printed rate at word r. */
  private boolean rateOf(int a, int e, int r) {
    BigDecimal budget = plain(a);
    BigDecimal executed = plain(e);
    if (budget == null || executed == null || budget.signum() <= 0) {
      return false;
    }
    BigDecimal printed = Texts.fraction(words.get(r).folded());
    BigDecimal ratio = executed.divide(budget, 8, RoundingMode.HALF_UP);
    BigDecimal tolerance = halfUnit(new BigDecimal(words.get(r).folded().replace("%", "")))
        .movePointLeft(2).add(new BigDecimal("0.00005"));
    return ratio.subtract(printed).abs().compareTo(tolerance) <= 0;
  }

  /** Half a unit of the number's last printed digit (0.5 for 10, 0.05 for 1.9). */
  private static BigDecimal halfUnit(BigDecimal printed) {
    return HALF.movePointLeft(Math.max(0, printed.scale()));
  }

  // ---- words ----

  private BigDecimal plain(int i) {
    if (i < 0 || i >= words.size()) {
      return null;
    }
    String f = words.get(i).folded();
    return PLAIN.matcher(f).matches() ? new BigDecimal(f) : null;
  }

  /** The indicator column the word names: it starts with the column's word (not a name). */
  private static String column(FlatForm.Token t) {
    String f = t.folded();
    String col = f.length() > HEADER_WORD ? null : Vocabulary.indicatorColumn(f);
    return col != null && startsWithAny(f, Vocabulary.indicatorColumnWords(col)) ? col : null;
  }

  /**
   * A column word of either header, starting with the column's word: 原因分析及改进措施,
   * 得分(分值×执行率); never a name that only holds one (预算资金执行率).
   */
  private static boolean isHeaderWord(FlatForm.Token t) {
    String f = t.folded();
    String budget = f.length() > HEADER_WORD ? null : Vocabulary.budgetColumn(f);
    return column(t) != null
        || budget != null && startsWithAny(f, Vocabulary.budgetColumnWords(budget));
  }

  private static boolean startsWithAny(String folded, List<String> words) {
    for (String w : words) {
      if (folded.startsWith(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLevel1(FlatForm.Token t) {
    return Vocabulary.isExactLabel("flat_level1_names", FlatForm.withoutPoints(t.folded()));
  }

  private static boolean isLevel2(FlatForm.Token t) {
    return Vocabulary.isExactLabel("flat_level2_names", FlatForm.withoutPoints(t.folded()));
  }

  /**
   * A word that could be an indicator's name: Chinese text, no value, no sentence (the row
   * above's deviation reason), no column word.
   */
  private static boolean isNameLike(FlatForm.Token t) {
    String f = t.folded();
    return CJK.matcher(f).matches() && !VALUE_LIKE.matcher(f).matches()
        && !SENTENCE.matcher(f).matches() && !isHeaderWord(t)
        && !isLevel1(t) && !isLevel2(t) && !Vocabulary.isExactLabel("flat_unit_words", f);
  }

  private String join(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.append(sb.length() == 0 ? "" : " ").append(words.get(i).text());
    }
    return sb.toString();
  }

  private void note(String message, int at) {
    notes.add(message);
    noteAt.add(at);
  }
}
