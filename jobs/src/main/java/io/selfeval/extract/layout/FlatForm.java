package io.selfeval.extract.layout;

import io.selfeval.extract.Texts;
import io.selfeval.extract.vocab.Vocabulary;
import io.selfeval.model.Warning;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a form flattened into a stream of words: a web page, a .doc or a PDF turned into text
 * where the whole form is one line (or a few long lines) of cells separated by single spaces.
 * The budget block and the indicator table are found by their header words; the header's columns
 * give the shape of a row, and the words after it are cut into rows by what the population's rows
 * look like: a budget row is a label (资金总额, 其中:财政拨款, 上年结转, 其他资金) and its numbers; an
 * indicator row is its level names (产出指标(50分), 数量指标 …), three text cells (三级指标, 年度指标值,
 * 实际完成值) and ends in its 分值 and 得分 numbers, with the deviation reason (a sentence) after
 * them. A row whose words do not fall into that shape in exactly one way is not emitted: a gap
 * with a warning, never a guess. Rows come out as table-scanner rows (cells joined by tabs), each
 * cell with the source line of its first word.
 */
final class FlatForm {

  /** One word of the stream: as printed, folded for matching, and its 1-based source line. */
  record Token(String text, String folded, int line) {}

  /** One output line: a row of cells (each with its source line), or text when cells is null. */
  record Piece(String text, List<String> cells, int[] cellLines, int line) {

    String render() {
      return cells == null ? text : String.join("\t", cells);
    }
  }

  static final String UNPLACED = "FLAT_CELLS_UNPLACED";
  /** The label given to a budget row read without one (its label cell merged with another). */
  private static final String TOTAL_LABEL = "资金总额";

  private static final Pattern VALUE = Pattern.compile("[+-]?[0-9][0-9.,%]*");
  private static final Pattern PLACEHOLDER = Pattern.compile("[/／\\\\…．.、—\\-]+");
  private static final Pattern BRACKET = Pattern.compile("[(（][^()（）]{0,14}[)）]");
  private static final Pattern POINTS = Pattern.compile("[(（]\\d+(?:\\.\\d+)?分[)）]$");
  private static final Pattern POINTS_ONLY = Pattern.compile("[(（]\\d+(?:\\.\\d+)?分[)）]");
  private static final Pattern SENTENCE = Pattern.compile(".*[。；;]|.*[，,].*");
  private static final Pattern GRADE =
      Pattern.compile("(?:等级|评级|评价等级|自评等级)?[:：]?(?:优|良|中|差|优秀|良好|合格|不合格)");
  private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}(?:年度?)?");
  private static final int MAX_LABEL = 24;
  private static final int INDICATOR_CELLS = 3;

  private final List<Token> words;
  private final List<Warning> warnings;
  private final List<Piece> out = new ArrayList<>();
  private int pos;
  /** Label cells printed before the next header (项目资金(万元), 年度资金总额). */
  private List<int[]> leading = new ArrayList<>();
  /** The columns of a budget header none of whose rows were read (their words out of order). */
  private List<String> budgetUnread;
  /** The budget block's total label (年度资金总额) printed before its header, or -1. */
  private int budgetLabel = -1;
  /** An indicator header was cut: its rows are read by it, not by {@link LooseRows}. */
  private boolean indicatorsCut;
  /** The first word of the current form (after the previous form's last section). */
  private int formStart;

  private FlatForm(List<Token> tokens, List<Warning> warnings) {
    this.words = tokens;
    this.warnings = warnings;
  }

  /**
   * The words of lines {@code from}..{@code to} (0-based, inclusive; null lines skipped), split
   * on blanks; a bracketed part ({@code (万元)}, {@code (50分)}, {@code (2022年度)}) joins the word
   * before it, as the cell printed them together.
   */
  static List<Token> tokens(String[] lines, int from, int to) {
    List<Token> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      if (lines[i] == null) {
        continue;
      }
      for (String w : lines[i].split("[\\s\\u3000\\u00A0]+")) {
        String c = Texts.clean(w);
        if (c == null) {
          continue;
        }
        String folded = Vocabulary.fold(Texts.compact(c));
        Token prev = out.isEmpty() ? null : out.get(out.size() - 1);
        boolean pointsAlone = prev != null && prev.line() != i + 1
            && POINTS.matcher(folded).matches(); // a 一级指标 printed as its points only
        if (prev != null && (BRACKET.matcher(folded).matches() && !pointsAlone
            || wrappedHeaderWord(prev, folded, i + 1))) {
          out.remove(out.size() - 1);
          out.add(new Token(prev.text() + (BRACKET.matcher(folded).matches() ? " " : "") + c,
              prev.folded() + folded, prev.line()));
        } else {
          out.add(new Token(c, folded, i + 1));
        }
      }
    }
    return out;
  }

  /**
   * True when a header cell was wrapped over two lines ({@code 一级 / 指标}): the word ends its line,
   * this one starts the next, and only the two together name a column.
   */
  private static boolean wrappedHeaderWord(Token prev, String folded, int line) {
    return prev.line() == line - 1 && prev.folded().length() <= 4
        && Vocabulary.indicatorColumn(prev.folded()) == null
        && Vocabulary.indicatorColumn(folded) == null
        && Vocabulary.indicatorColumn(prev.folded() + folded) != null
        && (prev.folded() + folded).length() <= 6;
  }

  /** True when the words hold a budget header or an indicator table header. */
  static boolean hasTable(List<Token> tokens) {
    FlatForm f = new FlatForm(tokens, List.of());
    for (int i = 0; i < tokens.size(); i++) {
      if (f.budgetHeaderEnd(i) > 0 || f.indicatorHeaderEnd(i) > 0
          || ItemScoreRows.headerEnd(tokens, i) > 0) {
        return true;
      }
    }
    return false;
  }

  /** The stream as table-scanner lines; warnings for the cells left out. */
  static List<Piece> read(List<Token> tokens, List<Warning> warnings) {
    List<SourceBudget.Block> blocks = SourceBudget.read(tokens, warnings);
    List<Token> kept = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      final int at = i;
      if (blocks.stream().noneMatch(b -> b.used()[at])) {
        kept.add(tokens.get(i));
      }
    }
    FlatForm f = new FlatForm(withoutRepeatedHeaders(kept), warnings);
    f.readAll();
    // each block's rows after its form's title, the last block first so places stay right
    for (int k = blocks.size() - 1; k >= 0; k--) {
      SourceBudget.Block b = blocks.get(k);
      f.out.addAll(afterTitle(f.out, titlesBefore(tokens, b.start())), b.pieces());
    }
    return f.out;
  }

  private static int titlesBefore(List<Token> tokens, int at) {
    int n = 0;
    for (int i = 0; i < at; i++) {
      n += isTitle(tokens.get(i)) ? 1 : 0;
    }
    return n;
  }

  /** Where the rows of a block after the form's n-th title go: just after that title's line. */
  private static int afterTitle(List<Piece> pieces, int n) {
    int seen = 0;
    for (int k = 0; k < pieces.size() && n > 0; k++) {
      Piece p = pieces.get(k);
      String[] w = p.cells() == null ? p.text().split(" ") : new String[0];
      if (w.length > 0 && isTitle(new Token(w[w.length - 1],
          Vocabulary.fold(Texts.compact(w[w.length - 1])), 0)) && ++seen == n) {
        return k + 1;
      }
    }
    return 0;
  }

  /**
   * The words without an indicator header printed again after a page break (the same header
   * words with no form title since the last one), wherever it fell, even inside a row.
   */
  private static List<Token> withoutRepeatedHeaders(List<Token> tokens) {
    FlatForm f = new FlatForm(tokens, List.of());
    List<Token> kept = new ArrayList<>(tokens.size());
    String last = null;
    int i = 0;
    while (i < tokens.size()) {
      if (isTitle(tokens.get(i))) {
        last = null;
      }
      int end = f.indicatorHeaderEnd(i);
      if (end < 0) {
        kept.add(tokens.get(i++));
        continue;
      }
      StringBuilder key = new StringBuilder();
      for (int j = i; j < end; j++) {
        key.append(tokens.get(j).folded()).append('|');
      }
      if (key.toString().equals(last)) {
        if (!kept.isEmpty() && kept.get(kept.size() - 1).folded().equals("绩效指标")) {
          kept.remove(kept.size() - 1);
        }
      } else {
        kept.addAll(tokens.subList(i, end));
      }
      last = key.toString();
      i = end;
    }
    return kept;
  }

  private void readAll() {
    while (pos < words.size()) {
      int start = nextHeader(pos);
      if (start < 0) {
        text(pos, words.size());
        return;
      }
      head(pos, start);
      pos = start;
      body();
      if (pos == start) {
        // a header whose table this reader does not cut: the rest stays text, read once
        text(pos, words.size());
        return;
      }
    }
  }

  private int nextHeader(int from) {
    for (int i = from; i < words.size(); i++) {
      if (budgetHeaderEnd(i) > 0 || indicatorHeaderEnd(i) > 0
          || ItemScoreRows.headerEnd(words, i) > 0) {
        return i;
      }
    }
    return -1;
  }

  // ---- head: title, name fields, the budget block's label cells ----

  private void head(int from, int start) {
    formStart = from;
    indicatorsCut = false;
    int title = -1;
    for (int i = start - 1; i >= from; i--) {
      if (isTitle(words.get(i))) {
        title = i;
        break;
      }
    }
    int fields = title < 0 ? from : title + 1;
    if (title >= 0) {
      int titleFrom = title > from && YEAR.matcher(words.get(title - 1).folded()).matches()
          ? title - 1 : title;
      text(from, titleFrom);
      out.add(new Piece(join(titleFrom, title + 1), null, null, words.get(titleFrom).line()));
    } else {
      int firstLabel = fields;
      while (firstLabel < start && !isNameLabel(words.get(firstLabel))
          && !isBlockLabel(words.get(firstLabel))) {
        firstLabel++;
      }
      text(from, firstLabel);
      fields = firstLabel;
    }
    HeadFields.rows(words, fields, start).forEach(this::row);
    int i = HeadFields.end(words, fields, start);
    leading = new ArrayList<>(); // the budget block's label cells lead the header row
    for (int k = i; k < start; k++) {
      leading.add(new int[] {k, k + 1});
    }
  }

  // ---- body: the sections after the first header ----

  private void body() {
    int last = -1;
    while (pos < words.size()) {
      if (pos == last) {
        return; // a step that read nothing would read nothing again
      }
      last = pos;
      int end = budgetHeaderEnd(pos);
      if (end > 0) {
        budget(end);
        continue;
      }
      end = indicatorHeaderEnd(pos);
      if (end > 0) {
        if (!indicators(end) && !looseAfterHeader(end)) {
          return;
        }
        continue;
      }
      end = ItemScoreRows.headerEnd(words, pos);
      if (end > 0) {
        items(end);
        continue;
      }
      final Token tk = words.get(pos);
      if (isLabel("flat_goals_labels", tk)) {
        goals();
        continue;
      }
      if (isLabel("total_labels", tk)) {
        total();
        return;
      }
      if (isLabel("flat_end_labels", tk) || isTitle(tk)) {
        return;
      }
      if (tk.folded().equals("绩效指标")) {
        pos++;
        continue;
      }
      int q = pos + 1;
      while (q < words.size() && !startsSection(q)) {
        q++;
      }
      if (!loose(pos, q)) {
        warn("words between the form's sections not placed: " + join(pos, q), pos);
      }
      pos = q;
    }
  }

  private boolean startsSection(int i) {
    Token tk = words.get(i);
    return budgetHeaderEnd(i) > 0 || indicatorHeaderEnd(i) > 0
        || ItemScoreRows.headerEnd(words, i) > 0
        || isLabel("flat_goals_labels", tk) || isLabel("total_labels", tk)
        || isLabel("flat_end_labels", tk) || isTitle(tk) || tk.folded().equals("绩效指标");
  }

  /**
   * The scored items after their header ({@link ItemScoreRows}), up to the next section; the
   * words after the items (an indicator table this reader does not cut) stay text.
   */
  private void items(int headerEnd) {
    int q = headerEnd;
    while (q < words.size() && !startsSection(q)) {
      q++;
    }
    ItemScoreRows.Result r = ItemScoreRows.read(words, pos, headerEnd, q, warnings);
    out.addAll(r.pieces());
    text(r.end(), q);
    pos = q;
  }

  // ---- budget block ----

  private int budgetHeaderEnd(int i) {
    int amounts = 0;
    int j = i;
    while (j < words.size() && words.get(j).folded().length() <= MAX_LABEL
        && Vocabulary.budgetColumn(words.get(j).folded()) != null) {
      String col = Vocabulary.budgetColumn(words.get(j).folded());
      amounts += col.equals("initial") || col.equals("adjusted") || col.equals("executed") ? 1 : 0;
      j++;
    }
    return amounts >= 2 && (i == 0 || Vocabulary.budgetColumn(words.get(i - 1).folded()) == null)
        ? j : -1;
  }

  private void budget(int headerEnd) {
    List<int[]> header = new ArrayList<>(leading);
    leading = new ArrayList<>();
    budgetLabel = -1;
    for (int[] span : header) {
      if (Vocabulary.isLabel("budget_total_labels", words.get(span[0]).folded())) {
        budgetLabel = span[0];
      }
    }
    if (header.isEmpty()) {
      header.add(null); // the header's label column, empty
    }
    List<String> columns = new ArrayList<>();
    for (int i = pos; i < headerEnd; i++) {
      header.add(new int[] {i, i + 1});
      columns.add(Vocabulary.budgetColumn(words.get(i).folded()));
    }
    int remarkEnd = remarkEnd(headerEnd);
    if (remarkEnd > headerEnd) { // 得分 (20 分*执行率): the last cell's remark, wrapped
      header.get(header.size() - 1)[1] = remarkEnd;
      headerEnd = remarkEnd;
    }
    row(header);
    int amountPrefix = 0;
    while (amountPrefix < columns.size() && List.of("initial", "adjusted", "executed")
        .contains(columns.get(amountPrefix))) {
      amountPrefix++;
    }
    pos = headerEnd;
    budgetUnread = pos < words.size() && isBudgetRowLabel(words.get(pos)) ? null : columns;
    while (pos < words.size() && isBudgetRowLabel(words.get(pos))) {
      int label = pos++;
      if (words.get(label).folded().matches("其中[:：]?") && pos < words.size()
          && !isValue(words.get(pos))) {
        pos++;
      }
      int labelEnd = pos;
      while (pos < words.size() && isValue(words.get(pos))) {
        pos++;
      }
      int values = pos - labelEnd;
      boolean total = Vocabulary.isLabel("budget_total_labels", words.get(label).folded());
      boolean placed = values == 0 || values == columns.size()
          || total && values < columns.size()
          || !total && values == amountPrefix && allNumbers(labelEnd, pos);
      List<int[]> cells = new ArrayList<>();
      cells.add(new int[] {label, labelEnd});
      if (placed) {
        for (int v = labelEnd; v < pos; v++) {
          cells.add(new int[] {v, v + 1});
        }
      } else {
        warn("budget row with " + values + " numbers for " + columns.size()
            + " columns: its numbers were not placed: " + join(label, pos), label);
      }
      row(cells);
    }
  }

  /**
   * The end of a bracketed remark of up to three words starting at word {@code at} and naming
   * points ({@code (20 分*执行率)}), or {@code at} when there is none.
   */
  private int remarkEnd(int at) {
    if (at >= words.size() || !words.get(at).folded().matches("[(（].*")) {
      return at;
    }
    for (int j = at; j < Math.min(words.size(), at + 3); j++) {
      if (words.get(j).folded().matches(".*[)）]")) {
        return join(at, j + 1).contains("分") ? j + 1 : at;
      }
    }
    return at;
  }

  private boolean allNumbers(int from, int to) {
    for (int i = from; i < to; i++) {
      if (Texts.number(words.get(i).text()) == null) {
        return false;
      }
    }
    return true;
  }

  // ---- words the header does not cut ----

  /**
   * After an indicator header whose columns this reader does not cut (its words out of order):
   * the words up to the next section read by {@link LooseRows}; false when none was read.
   */
  private boolean looseAfterHeader(int headerEnd) {
    int q = headerEnd;
    while (q < words.size() && !startsSection(q)) {
      q++;
    }
    if (q == headerEnd || !loose(headerEnd, q)) {
      return false;
    }
    pos = q;
    return true;
  }

  /**
   * Words between sections read by {@link LooseRows}: the budget's 分值 | 执行率 | 得分 under a
   * header whose row was not read, and indicator rows once the indicator header's words were
   * printed (out of order), when no indicator header was cut. False when nothing was read.
   */
  private boolean loose(int from, int to) {
    boolean read = false;
    if (budgetUnread != null) {
      LooseRows.Budget b = LooseRows.budget(words, from, to, budgetUnread);
      if (b != null) {
        List<int[]> cells = new ArrayList<>();
        cells.add(budgetLabel < 0 ? null : new int[] {budgetLabel, budgetLabel + 1});
        cells.addAll(b.cells());
        row(cells);
        if (budgetLabel < 0) { // the block's one row, its label merged away: named as the total
          out.get(out.size() - 1).cells().set(0, TOTAL_LABEL);
        }
        StringBuilder placed = new StringBuilder();
        b.cells().stream().filter(c -> c != null)
            .forEach(c -> placed.append(' ').append(join(c[0], c[1])));
        warn("budget figures read by the form's arithmetic (执行率, 得分) from words out of"
            + " order:" + placed, from);
        read = true;
      }
      budgetUnread = null;
    }
    int ready = indicatorsCut ? -1 : LooseRows.headerSeen(words, formStart, to);
    if (ready < 0 || ready >= to) {
      return read;
    }
    List<String> notes = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    boolean scoreOnly = LooseRows.scoreOnly(words, formStart, to);
    List<LooseRows.Row> rows = LooseRows.rows(words, from, to, ready, scoreOnly, notes, at);
    for (int k = 0; k < notes.size(); k++) {
      warn(notes.get(k), at.get(k));
    }
    if (rows.isEmpty()) {
      return read;
    }
    int line = words.get(ready - 1).line();
    List<String> header = new ArrayList<>(List.of("一级指标", "二级指标", "三级指标", "年度指标值",
        "实际完成值", "分值", "得分", "偏差原因分析及改进措施"));
    if (scoreOnly) {
      header.remove("分值");
    }
    int[] lines = new int[header.size()];
    java.util.Arrays.fill(lines, line);
    out.add(new Piece(null, header, lines, line)); // the reader's own header: the printed one
    for (LooseRows.Row r : rows) { // is out of order
      List<int[]> cells = new ArrayList<>(java.util.Arrays.asList(r.level1(), r.level2(),
          r.name(), r.target(), r.actual()));
      if (r.weight() >= 0) {
        cells.add(new int[] {r.weight(), r.weight() + 1});
      }
      cells.add(new int[] {r.score(), r.score() + 1});
      if (r.reason() != null) {
        cells.add(r.reason());
      }
      row(cells);
    }
    indicatorsCut = true;
    return true;
  }

  // ---- goals ----

  private void goals() {
    List<int[]> header = new ArrayList<>();
    header.add(new int[] {pos, pos + 1});
    pos++;
    while (pos < words.size() && isLabel("flat_goals_columns", words.get(pos))) {
      header.add(new int[] {pos, pos + 1});
      pos++;
    }
    int from = pos;
    while (pos < words.size() && !startsSection(pos)) {
      pos++;
    }
    if (header.size() == 3 && pos - from == 2) {
      row(header);
      List<int[]> texts = new ArrayList<>();
      texts.add(null);
      texts.add(new int[] {from, from + 1});
      texts.add(new int[] {from + 1, from + 2});
      row(texts);
    } else if (pos > from) {
      warn("goal texts not told apart: " + (pos - from) + " words under " + (header.size() - 1)
          + " columns", from);
    }
  }

  // ---- indicator table ----

  private int indicatorHeaderEnd(int i) {
    int j = i;
    boolean name = false;
    boolean score = false;
    boolean level = false;
    while (j < words.size() && words.get(j).folded().length() <= MAX_LABEL
        && Vocabulary.indicatorColumn(words.get(j).folded()) != null) {
      String col = Vocabulary.indicatorColumn(words.get(j).folded());
      name |= col.equals("name");
      score |= col.equals("weight") || col.equals("score");
      level |= col.equals("level1") || col.equals("level2");
      j++;
    }
    return name && score && level
        && (i == 0 || Vocabulary.indicatorColumn(words.get(i - 1).folded()) == null) ? j : -1;
  }

  /**
   * Reads the indicator header at the current word and its rows; false when the header's shape
   * is not one this reader cuts (the rest of the stream is then left as text).
   */
  private boolean indicators(int headerEnd) {
    List<String> cols = new ArrayList<>();
    for (int i = pos; i < headerEnd; i++) {
      cols.add(Vocabulary.indicatorColumn(words.get(i).folded()));
    }
    int levels = 0;
    while (levels < cols.size() && cols.get(levels).startsWith("level")) {
      levels++;
    }
    boolean reason = cols.size() == levels + 6 && cols.get(levels + 5).equals("reason");
    List<String> order = cols.subList(levels, Math.min(cols.size(), levels + 5));
    // 分值 printed before the values (一级 | 二级 | 三级 | 分值 | 年度指标值 | 全年实际值 | 得分)
    boolean weightFirst = order.equals(List.of("name", "weight", "target", "actual", "score"));
    if (!order.equals(List.of("name", "target", "actual", "weight", "score")) && !weightFirst
        || cols.size() != levels + 5 && !reason) {
      warn("indicator header of columns " + cols + ": its rows are not cut", pos);
      return false;
    }
    indicatorsCut = true;
    leading = new ArrayList<>(); // 绩效指标, the merged cell left of the header
    List<int[]> header = new ArrayList<>();
    for (int i = pos; i < headerEnd; i++) {
      header.add(new int[] {i, i + 1});
    }
    row(header);
    pos = headerEnd;
    new Rows(levels, reason, weightFirst).read();
    return true;
  }

  /** The rows under one indicator header. */
  private final class Rows {
    private final int levels;
    private final boolean reasonColumn;
    /** The last row cut, its reason cell still open: words after its 得分 may belong to it. */
    private List<int[]> last;

    /** The header prints 分值 before the values: a row is read only with its values blank. */
    private final boolean weightFirst;

    Rows(int levels, boolean reasonColumn, boolean weightFirst) {
      this.levels = levels;
      this.reasonColumn = reasonColumn;
      this.weightFirst = weightFirst;
    }

    void read() {
      int from = pos;
      int q = pos;
      while (q < words.size()) {
        if (isLabel("total_labels", words.get(q)) || isLabel("flat_end_labels", words.get(q))
            || isTitle(words.get(q)) || budgetHeaderEnd(q) > 0) {
          break;
        }
        int again = indicatorHeaderEnd(q);
        if (again > 0) { // the header printed again after a page break
          trailing(from, q);
          q = again;
          from = q;
          continue;
        }
        if (Texts.number(words.get(q).text()) == null) {
          q++;
          continue;
        }
        int r = q;
        while (r + 1 < words.size() && Texts.number(words.get(r + 1).text()) != null) {
          r++;
        }
        if (r == q && weightFirst && valuesBetween(q)) {
          weightFirstGroup(from, q, q + 3, true);
          from = q + 4;
          q = q + 4;
          continue;
        }
        if (r == q) {
          q++;
          continue;
        }
        group(from, r - 1, r);
        from = r + 1;
        q = r + 1;
      }
      trailing(from, q);
      flush();
      pos = q;
    }

    /** Words {@code from..weightAt-1}, then 分值 at weightAt and 得分 at scoreAt. */
    private void group(int from, int weightAt, int scoreAt) {
      if (weightFirst) {
        weightFirstGroup(from, weightAt, scoreAt, false);
        return;
      }
      int[] names = labels(from, weightAt);
      if (names == null) {
        warn("indicator row's words not told apart (level names among its cells): "
            + join(from, scoreAt + 1), from);
        flush();
        return;
      }
      int reasonTo = names[0] < 0 ? from : names[0];
      int cells = names[0] < 0 ? from : names[1];
      if (names[0] < 0 && weightAt - from == INDICATOR_CELLS + 1 && reasonColumn
          && last != null && SENTENCE.matcher(words.get(from).folded()).matches()) {
        reasonTo = from + 1; // the row above's reason, a sentence, then this row's three cells
        cells = reasonTo;
      }
      if (reasonTo > from) {
        if (reasonColumn && last != null) {
          last.add(new int[] {from, reasonTo});
        } else {
          warn("words before an indicator row not placed: " + join(from, reasonTo), from);
        }
      }
      flush();
      List<int[]> levelCells = names[0] < 0 ? levelCells(0, 0) : levelCells(names[0], names[1]);
      List<int[]> textCells = textCells(cells, weightAt);
      if (textCells.size() != INDICATOR_CELLS) {
        warn("indicator row with " + (weightAt - cells) + " words for " + INDICATOR_CELLS
            + " cells (三级指标, 年度指标值, 实际完成值): not read: " + join(from, scoreAt + 1),
            from);
        if (levelCells.stream().anyMatch(c -> c != null)) {
          row(levelCells); // the level names still head the rows below
        }
        return;
      }
      List<int[]> row = new ArrayList<>(levelCells);
      row.addAll(textCells);
      row.add(new int[] {weightAt, weightAt + 1});
      row.add(new int[] {scoreAt, scoreAt + 1});
      last = row;
    }

    /**
     * True when the word at {@code at} is a 分值 followed on its line by two value words (no bare
     * number among them) and a 得分 no greater than it: a row printed 分值 | 年度指标值 | 实际完成值 |
     * 得分, which ends there (the text ends, the next line starts or the next row's name follows).
     */
    private boolean valuesBetween(int at) {
      int scoreAt = at + 3;
      if (scoreAt >= words.size() || words.get(scoreAt).line() != words.get(at).line()) {
        return false;
      }
      BigDecimal weight = Texts.number(words.get(at).text());
      BigDecimal score = Texts.number(words.get(scoreAt).text());
      boolean ends = scoreAt + 1 == words.size()
          || words.get(scoreAt + 1).line() != words.get(scoreAt).line()
          || Texts.number(words.get(scoreAt + 1).text()) == null;
      return ends && score != null && weight != null && score.compareTo(weight) <= 0
          && Texts.number(words.get(at + 1).text()) == null
          && Texts.number(words.get(at + 2).text()) == null;
    }

    /**
     * A row under a header that prints 分值 before the values, a row a line: its 分值 and 得分 side
     * by side mean its values are blank, so the line holds its level names and its name only;
     * with {@code values}, the two words between 分值 and 得分 are 年度指标值 and 实际完成值.
     * Words on the lines before (a breakdown printing values only, no 分值 or 得分) are left out.
     */
    private void weightFirstGroup(int from, int weightAt, int scoreAt, boolean values) {
      int line = words.get(weightAt).line();
      int start = weightAt;
      while (start > from && (words.get(start - 1).line() == line
          || isLevelName(words.get(start - 1)))) {
        start--;
      }
      flush();
      if (start > from) {
        warn("words without 分值 and 得分 (a breakdown row) left out: " + join(from, start),
            from);
      }
      int[] names = labels(start, weightAt);
      int cells = names == null || names[0] < 0 ? start : names[1];
      if (names == null || names[0] > start || weightAt - cells != 1
          || words.get(scoreAt).line() != line) {
        warn("indicator row not read (分值 before the values): " + join(start, scoreAt + 1),
            start);
        return;
      }
      List<int[]> row = new ArrayList<>(names[0] < 0 ? levelCells(0, 0)
          : levelCells(names[0], names[1]));
      row.add(new int[] {cells, weightAt});
      row.add(new int[] {weightAt, weightAt + 1});
      row.add(values ? new int[] {weightAt + 1, weightAt + 2} : null);
      row.add(values ? new int[] {weightAt + 2, weightAt + 3} : null);
      row.add(new int[] {scoreAt, scoreAt + 1});
      last = row;
    }

    /**
     * The text cells of words from..to-1: a word each, except a unit word alone ({@code 种},
     * {@code %}) after a word ending in a digit, which ends that word's cell ({@code 不少于12 种}):
     * no cell is a unit alone.
     */
    private List<int[]> textCells(int from, int to) {
      List<int[]> out = new ArrayList<>();
      for (int i = from; i < to; i++) {
        Token w = words.get(i);
        if (!out.isEmpty() && Vocabulary.isExactLabel("flat_unit_words", w.folded())
            && Character.isDigit(words.get(i - 1).folded().charAt(
                words.get(i - 1).folded().length() - 1))) {
          out.get(out.size() - 1)[1] = i + 1;
        } else {
          out.add(new int[] {i, i + 1});
        }
      }
      return out;
    }

    /**
     * The level names in words {@code from..to-1}: {first, end} of their run, {-1, -1} when
     * there are none; null when a name stands apart from the run (among the cells).
     */
    private int[] labels(int from, int to) {
      int first = -1;
      int end = -1;
      for (int i = from; i < to; i++) {
        if (isLevelName(words.get(i))) {
          if (first < 0) {
            first = i;
          } else if (end != i) {
            return null;
          }
          end = i + 1;
        }
      }
      return new int[] {first, end};
    }

    /** The cells under the header's level columns for the names in words from..to-1. */
    private List<int[]> levelCells(int from, int to) {
      List<int[]> cells = new ArrayList<>();
      for (int i = 0; i < levels; i++) {
        cells.add(null);
      }
      if (to <= from || levels == 0) {
        return cells;
      }
      int lastName = to - 1;
      if (levels == 2 && to - from >= 2 && isLevel1Name(words.get(lastName - 1))
          && !isLevel1Name(words.get(lastName))) {
        cells.set(0, new int[] {lastName - 1, lastName});
        cells.set(1, new int[] {lastName, to});
      } else {
        cells.set(levels == 2 && isLevel1Name(words.get(lastName)) ? 0 : levels - 1,
            new int[] {lastName, to});
      }
      return cells;
    }

    /** Words after the last row: its reason when a sentence, level names of empty groups. */
    private void trailing(int from, int to) {
      if (from >= to) {
        return;
      }
      boolean names = true;
      for (int i = from; i < to; i++) {
        names &= isLevelName(words.get(i));
      }
      if (names) {
        return;
      }
      if (reasonColumn && last != null && !isLevelName(words.get(from))
          && SENTENCE.matcher(words.get(to - 1).folded()).matches()) {
        last.add(new int[] {from, to});
        return;
      }
      warn("words of an incomplete indicator row not read: " + join(from, to), from);
    }

    private void flush() {
      if (last != null) {
        row(last);
        last = null;
      }
    }
  }

  // ---- total ----

  private void total() {
    List<int[]> cells = new ArrayList<>();
    cells.add(new int[] {pos, pos + 1});
    pos++;
    while (pos < words.size() && (isValue(words.get(pos))
        || GRADE.matcher(words.get(pos).folded()).matches())) {
      cells.add(new int[] {pos, pos + 1});
      pos++;
    }
    row(cells);
  }

  // ---- words ----

  private boolean isValue(Token tk) {
    return VALUE.matcher(tk.folded()).matches() || PLACEHOLDER.matcher(tk.folded()).matches();
  }

  private static boolean isTitle(Token tk) {
    String c = tk.folded();
    return c.length() <= 60 && LayoutNormaliser.TITLE.matcher(c).matches()
        && (c.contains("自评") || c.contains("绩效") || c.contains("评价"));
  }

  static boolean isNameLabel(Token tk) {
    String c = tk.folded().replaceAll("[:：]$", "");
    return Vocabulary.isExactLabel("unit_labels", c)
        || Vocabulary.isExactLabel("implementing_labels", c)
        || Vocabulary.isExactLabel("project_labels", c);
  }

  static boolean isBlockLabel(Token tk) {
    return isLabel("flat_block_labels", tk);
  }

  private static boolean isBudgetRowLabel(Token tk) {
    return isLabel("budget_total_labels", tk) || isLabel("flat_budget_line_labels", tk);
  }

  private static boolean isLabel(String group, Token tk) {
    return tk.folded().length() <= MAX_LABEL && Vocabulary.isLabel(group, tk.folded());
  }

  private static boolean isLevelName(Token tk) {
    if (POINTS_ONLY.matcher(tk.folded()).matches()) {
      return true; // a 一级指标 printed as its points only: (50分)
    }
    String c = POINTS.matcher(tk.folded()).replaceFirst("");
    return Vocabulary.isExactLabel("flat_level1_names", c)
        || Vocabulary.isExactLabel("flat_level2_names", c);
  }

  /** The folded word without its points ({@code 产出指标(50分)} → 产出指标). */
  static String withoutPoints(String folded) {
    return POINTS.matcher(folded).replaceFirst("");
  }

  private static boolean isLevel1Name(Token tk) {
    return POINTS_ONLY.matcher(tk.folded()).matches() || Vocabulary.isExactLabel(
        "flat_level1_names",
        POINTS.matcher(tk.folded()).replaceFirst(""));
  }

  // ---- output ----

  /**
   * The words' text, a blank between two; none before a word of one Chinese character after a
   * Chinese character: a cell wrapped at its column's edge (a name's last character on the next
   * line), not two words.
   */
  private String join(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      String w = words.get(i).text();
      boolean wrappedEnd = w.length() == 1 && isHan(w.charAt(0)) && sb.length() > 0
          && isHan(sb.charAt(sb.length() - 1));
      sb.append(sb.length() == 0 || wrappedEnd ? "" : " ").append(w);
    }
    return sb.toString();
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  /** A row of cells, each the words [from, to) of its array (null: an empty cell). */
  private void row(List<int[]> spans) {
    List<String> cells = new ArrayList<>();
    int[] lines = new int[spans.size()];
    int line = 0;
    for (int k = 0; k < spans.size(); k++) {
      int[] s = spans.get(k);
      cells.add(s == null ? "" : join(s[0], s[1]));
      lines[k] = s == null ? 0 : words.get(s[0]).line();
      line = line == 0 ? lines[k] : line;
    }
    for (int k = 0; k < lines.length; k++) {
      lines[k] = lines[k] == 0 ? line : lines[k];
    }
    if (cells.size() == 1) {
      cells.add(0, ""); // a one-cell row still reads as a row
      lines = new int[] {line, line};
    }
    out.add(new Piece(null, cells, lines, line));
  }

  /** Words [from, to) as text lines, one per source line. */
  private void text(int from, int to) {
    int i = from;
    while (i < to) {
      int j = i;
      while (j < to && words.get(j).line() == words.get(i).line()) {
        j++;
      }
      out.add(new Piece(join(i, j), null, null, words.get(i).line()));
      i = j;
    }
  }

  private void warn(String message, int at) {
    warnings.add(new Warning(UNPLACED, message, words.get(Math.min(at, words.size() - 1)).line()));
  }
}
