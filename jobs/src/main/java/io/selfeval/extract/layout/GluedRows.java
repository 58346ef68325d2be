package io.selfeval.extract.layout;

import io.selfeval.extract.vocab.Vocabulary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cuts the glued text of one 二级指标 group ({@code 安装坡面水标尺10≥266米≥266米10水标尺宽度10…})
 * into indicator rows by the header's column order. Every reading is enumerated in which each
 * row is a name (starting with a character that is no digit, ending in none, at least two long),
 * its values (年度指标值 and 实际完成值 together), its 分值 and 得分 (numbers without leading zeros,
 * 0 &lt; 分值 ≤ the level's weight, 得分 ≤ 分值) and an empty reason, except the last row's, which
 * may take the rest when it holds no digit. Cuts between two pieces of text are made only where a
 * boundary is certain: a number begins after text, a comparator begins, or the values are printed
 * twice ({@code 显著提升显著提升}). The caller keeps only what every reading agrees on.
 */
final class GluedRows {

  /** The columns of a row, in printed order; VALUES is 年度指标值 and 实际完成值 together. */
  enum Col { NAME, VALUES, WEIGHT, SCORE, REASON }

  /** One row of a reading: half-open spans of the body (from == to: empty; -1: not printed). */
  record Row(int nameFrom, int nameTo, int valuesFrom, int valuesTo, int weightFrom,
      int weightTo, int scoreFrom, int scoreTo, int reasonFrom, int reasonTo,
      BigDecimal weight, BigDecimal score) {}

  /** More readings than this make a group ambiguous without further checks. */
  static final int MAX_READINGS = 64;

  /** A row's ordinal label as templates print it before the name (指标1, 任务2). */
  static final Pattern ORDINAL = Pattern.compile("(?:" + String.join("|",
      Vocabulary.labels("glued_ordinal_words")) + ")\\d{1,2}(?!\\d)");
  private static final String COMPARATOR_CHARS = "≥≤><=＞＜≧≦≠";

  private final String body;
  private final List<Col> cols;
  private final BigDecimal maxWeight;
  private final Map<Integer, List<List<Row>>> memo = new HashMap<>();

  private GluedRows(String body, List<Col> cols, BigDecimal maxWeight) {
    this.body = body;
    this.cols = cols;
    this.maxWeight = maxWeight;
  }

  /**
   * Every reading of {@code body} (folded, without blanks) as rows of {@code cols}; more than
   * {@link #MAX_READINGS} are cut off (the list then has MAX_READINGS + 1 entries).
   */
  static List<List<Row>> readings(String body, List<Col> cols, BigDecimal maxWeight) {
    return new GluedRows(body, cols, maxWeight).from(0);
  }

  private List<List<Row>> from(int pos) {
    List<List<Row>> known = memo.get(pos);
    if (known != null) {
      return known;
    }
    List<List<Row>> out = new ArrayList<>();
    if (pos == body.length()) {
      out.add(List.of());
    } else {
      for (Row r : rows(pos)) {
        int end = rowEnd(r);
        for (List<Row> tail : from(end)) {
          List<Row> l = new ArrayList<>(tail.size() + 1);
          l.add(r);
          l.addAll(tail);
          out.add(l);
          if (out.size() > MAX_READINGS) {
            memo.put(pos, out);
            return out;
          }
        }
      }
    }
    memo.put(pos, out);
    return out;
  }

  private static int rowEnd(Row r) {
    return Math.max(Math.max(Math.max(r.nameTo(), r.valuesTo()),
        Math.max(r.weightTo(), r.scoreTo())), r.reasonTo());
  }

  /** Every row that starts at pos. */
  private List<Row> rows(int pos) {
    List<Row> out = new ArrayList<>();
    extend(pos, 0, new int[10], out);
    return out;
  }

  private void extend(int pos, int col, int[] spans, List<Row> out) {
    if (col == cols.size()) {
      Row r = row(spans);
      if (r != null && rowEnd(r) > spans[0]) {
        out.add(r);
      }
      return;
    }
    Col c = cols.get(col);
    int slot = switch (c) {
      case NAME -> 0;
      case VALUES -> 2;
      case WEIGHT -> 4;
      case SCORE -> 6;
      case REASON -> 8;
    };
    for (int end : ends(c, pos, col)) {
      spans[slot] = pos;
      spans[slot + 1] = end;
      extend(end, col + 1, spans, out);
    }
  }

  private Row row(int[] s) {
    int[] sp = s.clone();
    for (Col c : Col.values()) {
      if (!cols.contains(c)) {
        int slot = c.ordinal() * 2;
        sp[slot] = -1;
        sp[slot + 1] = -1;
      }
    }
    BigDecimal weight = sp[4] < 0 ? null : new BigDecimal(body.substring(sp[4], sp[5]));
    BigDecimal score = sp[6] < 0 ? null : new BigDecimal(body.substring(sp[6], sp[7]));
    if (weight != null && (weight.signum() <= 0 || maxWeight != null
        && weight.compareTo(maxWeight) > 0)) {
      return null;
    }
    if (score != null && (weight != null ? score.compareTo(weight) > 0
        : maxWeight != null && score.compareTo(maxWeight) > 0)) {
      return null;
    }
    return new Row(sp[0], sp[1], sp[2], sp[3], sp[4], sp[5], sp[6], sp[7], sp[8], sp[9],
        weight, score);
  }

  /** Where a cell of kind c that starts at pos may end. */
  private List<Integer> ends(Col c, int pos, int col) {
    List<Integer> out = new ArrayList<>();
    int n = body.length();
    switch (c) {
      case NAME -> {
        if (pos >= n || Character.isDigit(body.charAt(pos)) && !dateAt(pos)
            || body.charAt(pos) == '.' || isComparator(pos)) {
          return out;
        }
        for (int k = pos + 2; k < n; k++) {
          if (nameMayEndBefore(pos, k) && validName(pos, k)) {
            out.add(k);
          }
        }
      }
      case VALUES -> {
        for (int k = pos + 1; k <= n; k++) {
          boolean last = col == cols.size() - 1;
          if ((last ? k == n : Character.isDigit(body.charAt(Math.min(k, n - 1))) && k < n)
              && validValues(pos, k)) {
            out.add(k);
          }
        }
      }
      case WEIGHT, SCORE -> {
        if (ordinalWordEndsAt(pos)) {
          return out; // 指标2: a row's ordinal label, no 分值 or 得分
        }
        int k = pos;
        while (k < n && (Character.isDigit(body.charAt(k)) || body.charAt(k) == '.')) {
          k++;
          if (GluedNumbers.isNumber(body, pos, k)) {
            out.add(k);
          }
        }
      }
      case REASON -> {
        out.add(pos);
        if (pos < n && (Character.isDigit(body.charAt(pos)) || body.charAt(pos) == '.')) {
          return out; // a number goes on: no reason starts inside it (109.5: 10 | 9.5)
        }
        for (int k = pos + 1; k < n; k++) {
          if (body.charAt(k - 1) == '。' && !Character.isDigit(body.charAt(k))) {
            out.add(k); // a reason ends with its sentence; the next row's name follows
          }
        }
        if (pos < n && body.substring(pos).chars().noneMatch(Character::isDigit)) {
          out.add(n);
        }
      }
      default -> throw new IllegalStateException(c.name());
    }
    return out;
  }

  /**
   * A date opens the text at pos ({@code 12月底之前完成}, {@code 2021年11月30日前}): digits then
   * 年 or 月, so a name may start with it (a 分值 or 得分 is never followed by 年/月).
   */
  private boolean dateAt(int pos) {
    int k = pos;
    while (k < body.length() && Character.isDigit(body.charAt(k))) {
      k++;
    }
    return k > pos && k - pos <= 4 && k < body.length() && "年月".indexOf(body.charAt(k)) >= 0
        && (pos == 0 || !Character.isDigit(body.charAt(pos - 1)));
  }

  /** A certain boundary: a number after text, a comparator, or values printed twice. */
  private boolean nameMayEndBefore(int pos, int k) {
    if (ordinalEnd(pos) >= k) {
      return false; // 指标1免费发放…: the row's ordinal label, not its 分值
    }
    char ch = body.charAt(k);
    if (Character.isDigit(ch) && !Character.isDigit(body.charAt(k - 1))
        && body.charAt(k - 1) != '.') {
      return true;
    }
    return comparatorWordAt(k) > 0 && !isComparator(k - 1) || doubledFrom(k)
        || qualityPairFrom(k);
  }

  /**
   * Text from k up to the next digit is two qualitative values of the vocabulary
   * ({@code glued_quality_values}, 明显提升 then 效果显著) in exactly one way: the row's 年度指标值
   * and 实际完成值, so the name ends at k.
   */
  private boolean qualityPairFrom(int k) {
    int m = k;
    while (m < body.length() && !Character.isDigit(body.charAt(m))) {
      m++;
    }
    return m < body.length() && qualityPair(body.substring(k, m)) > 0;
  }

  /**
   * Where {@code v} splits into two qualitative values of the vocabulary, when it does in exactly
   * one way; else -1.
   */
  static int qualityPair(String v) {
    int found = -1;
    for (int k = 2; k <= v.length() - 2; k++) {
      // folded as the vocabulary is (著 → 着); the same length, so k holds in v
      if (Vocabulary.isExactLabel("glued_quality_values", Vocabulary.fold(v.substring(0, k)))
          && Vocabulary.isExactLabel("glued_quality_values", Vocabulary.fold(v.substring(k)))) {
        if (found > 0) {
          return -1;
        }
        found = k;
      }
    }
    return found;
  }

  private boolean validName(int from, int to) {
    for (int k = from; k < to; k++) {
      if (isComparatorChar(body.charAt(k)) || body.charAt(k) == '%' || body.charAt(k) == '。') {
        return false; // a value inside the name: the name runs over a row
      }
    }
    if (from > 0 && Character.isDigit(body.charAt(from - 1))
        && startsWithAny(body, from, "flat_unit_words") || unitEndsAt(body, to)) {
      return false; // a number's unit opens no name; a number with its unit ends none
    }
    for (int k = from + 1; k < to; k++) {
      if (k - from >= 2 && Character.isDigit(body.charAt(k - 1))
          && Character.isDigit(body.charAt(k - 2)) && !Character.isDigit(body.charAt(k))
          && "年月日号".indexOf(body.charAt(k)) < 0) {
        return false; // digits glued before text (…效果显著1010受益…): a row's 分值 and 得分
      }
      if (Character.isDigit(body.charAt(k - 1)) && startsWithAny(body, k, "flat_unit_words")
          && unitThenValue(body, k)) {
        return false; // a number with its unit, then a value: the name runs over a row
      }
    }
    if (body.charAt(to - 1) != '/' && to - from >= 2 && slashUnitEndsAt(body, to)) {
      return false; // a 计量单位 (件/件, 元/人) glued after the name
    }
    char last = body.charAt(to - 1);
    return !Character.isDigit(last) && last != '.' && last != '%' && !isComparator(to - 1)
        && "、,，:：(（".indexOf(last) < 0;
  }

  /**
   * The end of a row's ordinal label at pos ({@code 指标1}, {@code 指标12}: the template's
   * numbering of rows, printed before the name), or pos when none.
   */
  private int ordinalEnd(int pos) {
    int w = 0;
    for (String word : Vocabulary.labels("glued_ordinal_words")) {
      w = body.startsWith(word, pos) ? Math.max(w, word.length()) : w;
    }
    if (w == 0) {
      return pos;
    }
    int k = pos + w;
    while (k < body.length() && k < pos + w + 2 && Character.isDigit(body.charAt(k))) {
      k++;
    }
    return k > pos + w && k < body.length() && !Character.isDigit(body.charAt(k)) ? k : pos;
  }

  /** An ordinal label's word (指标, 任务) ends at k: a number from k is its ordinal. */
  private boolean ordinalWordEndsAt(int k) {
    for (String word : Vocabulary.labels("glued_ordinal_words")) {
      if (k >= word.length() && body.startsWith(word, k - word.length())) {
        return true;
      }
    }
    return false;
  }

  /** Text from k is a value printed twice ({@code 合格合格}) followed by a digit. */
  private boolean doubledFrom(int k) {
    int n = body.length();
    for (int m = k + 2; m < n; m += 1) {
      if (!Character.isDigit(body.charAt(m)) || Character.isDigit(body.charAt(m - 1))) {
        continue;
      }
      if ((m - k) % 2 == 0) {
        int h = (m - k) / 2;
        if (body.regionMatches(k, body, k + h, h)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Target and actual: at most one certain boundary between them, no number led by 0. */
  private boolean validValues(int from, int to) {
    String v = body.substring(from, to);
    if (v.length() >= 2 && v.charAt(0) == '0' && Character.isDigit(v.charAt(1))) {
      return false;
    }
    char last = v.charAt(v.length() - 1);
    if (Character.isDigit(last) && scoreFollowsValues() && twice(v)) {
      return true; // 66 before a 得分 with no 分值 column: 6 printed twice (the sum checks it)
    }
    if (isComparatorChar(last) || Character.isDigit(last) || last == '.' || v.charAt(0) == '%'
        || startsWithAny(v, 0, "flat_unit_words")) {
      return false; // a number ending the values would be cut from the 分值 after it
    }
    if (ORDINAL.matcher(v).find()) {
      return false; // a row's ordinal label (指标2) inside: the values run over a row
    }
    return boundaries(v).size() <= 1;
  }

  /** The header has no 分值 column and 得分 follows the values. */
  private boolean scoreFollowsValues() {
    int v = cols.indexOf(Col.VALUES);
    return !cols.contains(Col.WEIGHT) && v >= 0 && v + 1 < cols.size()
        && cols.get(v + 1) == Col.SCORE;
  }

  /** v is one number printed twice ({@code 66}, {@code 1515}). */
  private static boolean twice(String v) {
    int h = v.length() / 2;
    return v.length() % 2 == 0 && GluedNumbers.isNumber(v, 0, h)
        && v.substring(0, h).equals(v.substring(h));
  }

  /** The values of a row end in a digit (a number printed twice before its 得分). */
  static boolean endsInDigit(String body, Row r) {
    return r.valuesTo() > r.valuesFrom() && Character.isDigit(body.charAt(r.valuesTo() - 1));
  }

  /**
   * The certain boundaries between 年度指标值 and 实际完成值 in glued values: after a percent sign
   * (unless 以上/以下 follows), before a comparator, after a unit word that follows a digit when
   * a digit or comparator comes next. A boundary the two texts would share is counted once.
   */
  static List<Integer> boundaries(String v) {
    List<Integer> out = new ArrayList<>();
    for (int k = 1; k < v.length(); k++) {
      char prev = v.charAt(k - 1);
      char ch = v.charAt(k);
      boolean b = (prev == '%' || prev == '‰') && !startsWithAny(v, k, "glued_value_suffixes");
      b |= isComparatorChar(ch) && !isComparatorChar(prev);
      boolean valueStarts = Character.isDigit(ch) || isComparatorChar(ch)
          || startsWithAny(v, k, "glued_comparator_words");
      b |= valueStarts && (unitEndsAt(v, k) || suffixEndsAt(v, k));
      if (b) {
        out.add(k);
      }
    }
    return out;
  }

  /** The values split into target and actual where the split is certain, else null. */
  static String[] split(String v) {
    List<Integer> b = boundaries(v);
    if (b.size() == 1) {
      return new String[] {v.substring(0, b.get(0)), v.substring(b.get(0))};
    }
    if (b.isEmpty() && v.length() % 2 == 0
        && v.substring(0, v.length() / 2).equals(v.substring(v.length() / 2))) {
      return new String[] {v.substring(0, v.length() / 2), v.substring(v.length() / 2)};
    }
    int q = b.isEmpty() ? qualityPair(v) : -1;
    return q > 0 ? new String[] {v.substring(0, q), v.substring(q)} : null;
  }

  /** A unit word (vocabulary flat_unit_words) ends at k and a digit stands before it. */
  static boolean unitEndsAt(String v, int k) {
    for (String u : Vocabulary.labels("flat_unit_words")) {
      int s = k - u.length();
      if (s >= 1 && v.startsWith(u, s) && Character.isDigit(v.charAt(s - 1))) {
        return true;
      }
    }
    return false;
  }

  /** A unit word at k is followed by a digit or a comparator (the next value). */
  private static boolean unitThenValue(String v, int k) {
    for (String u : Vocabulary.labels("flat_unit_words")) {
      int e = k + u.length();
      if (v.startsWith(u, k) && e < v.length()
          && (Character.isDigit(v.charAt(e)) || isComparatorChar(v.charAt(e)))) {
        return true;
      }
    }
    return false;
  }

  /** A measure unit {@code unit/unit} ends at k. */
  private static boolean slashUnitEndsAt(String v, int k) {
    for (String u : Vocabulary.labels("flat_unit_words")) {
      int s = k - u.length();
      if (s >= 1 && v.startsWith(u, s) && v.charAt(s - 1) == '/') {
        return true;
      }
    }
    return false;
  }

  /** A value suffix (以上, 以内 …) ends at k after a percent sign or digit. */
  private static boolean suffixEndsAt(String v, int k) {
    for (String w : Vocabulary.labels("glued_value_suffixes")) {
      int s = k - w.length();
      if (s >= 1 && v.startsWith(w, s) && (Character.isDigit(v.charAt(s - 1))
          || v.charAt(s - 1) == '%')) {
        return true;
      }
    }
    return false;
  }

  static boolean startsWithAny(String v, int k, String group) {
    for (String w : Vocabulary.labels(group)) {
      if (v.startsWith(w, k)) {
        return true;
      }
    }
    return false;
  }

  private int comparatorWordAt(int k) {
    if (isComparatorChar(body.charAt(k))) {
      return 1;
    }
    for (String w : Vocabulary.labels("glued_comparator_words")) {
      if (body.startsWith(w, k)) {
        return w.length();
      }
    }
    return 0;
  }

  private boolean isComparator(int k) {
    return k >= 0 && k < body.length() && isComparatorChar(body.charAt(k));
  }

  static boolean isComparatorChar(char c) {
    return COMPARATOR_CHARS.indexOf(c) >= 0;
  }
}
