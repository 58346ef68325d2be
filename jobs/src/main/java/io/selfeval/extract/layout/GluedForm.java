package io.selfeval.extract.layout;

import io.selfeval.extract.FieldText;
import io.selfeval.extract.vocab.Vocabulary;
import io.selfeval.model.Warning;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a form whose cells are glued together with no separator, as document-sharing sites and
 * text extractors give a Word/Excel form ({@code …全年预算数(A)全年执行数(B)分值执行率(B/A)得分
 * 年度资金总额:202010100.00%10…}). The text is anchored on the vocabulary: the header words of the
 * budget block and of the indicator table (their order gives the row shape), the budget row
 * labels, the level names, the total labels. Budget rows (GluedNumbers), indicator rows
 * ({@link GluedRows}, {@link GluedTable}) and the 总分 row are split by the form's arithmetic, and
 * only where one reading fits: otherwise the cells stay empty with {@code GLUED_AMBIGUOUS}, a
 * gap, never a guess. Rows come out as table-scanner rows.
 */
final class GluedForm {

  static final String AMBIGUOUS = "GLUED_AMBIGUOUS";

  private static final Pattern TITLE =
      Pattern.compile("(?:自评表|评价表)(?:\\((?:19|20)\\d{2}年度?\\))?");
  private static final Pattern BRACKET = Pattern.compile("\\([^()]{0,12}\\)");
  private static final Pattern LEVEL_POINTS = Pattern.compile("\\((\\d+(?:\\.\\d+)?)分\\)");
  private static final Pattern PLACEHOLDER_TAIL =
      Pattern.compile("(?:指标\\d{1,2}[:：]|[…．.、—\\-/／])+$");
  /** A grade printed after the total ({@code 等级：优}). */
  private static final Pattern GRADE =
      Pattern.compile("(?:自评等级|评价等级|等级)[:：]?(?:优秀|良好|不合格|合格|优|良|中|差)");
  private static final String TITLE_STOPS = "。,，:：;；)》!！?？";
  private static final int MAX_TITLE = 40;
  private static final int HEADER_GAP = 2;
  /** What follows a total field's label: its unit in brackets or a colon, then the number. */
  private static final Pattern TOTAL_FIELD_VALUE = Pattern.compile("(?:[(（]分[)）])?[:：]?\\d");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final GluedText text;
  private final List<Warning> warnings;
  private final List<FlatForm.Piece> out = new ArrayList<>();
  private int pos;
  /** The indicator header has 得分 and no 分值: the 总分 row then prints its 得分 alone. */
  private boolean scoresOnly;
  /** The budget total row's 得分 where its split placed one, else null. */
  private BigDecimal budgetScore;

  private GluedForm(GluedText text, List<Warning> warnings) {
    this.text = text;
    this.warnings = warnings;
  }

  /** True when lines from..to hold a budget or indicator header glued into one run of words. */
  static boolean applies(String[] lines, int from, int to) {
    GluedText text = GluedText.of(lines, from, to, true);
    GluedForm f = new GluedForm(text, List.of());
    return f.nextHeader(0) >= 0;
  }

  /** The lines as table-scanner pieces; warnings for cells that were not placed. */
  static List<FlatForm.Piece> read(String[] lines, int from, int to, List<Warning> warnings) {
    GluedForm f = new GluedForm(GluedText.of(lines, from, to), warnings);
    f.readAll();
    return f.out;
  }

  private void readAll() {
    while (pos < text.length()) {
      int h = nextHeader(pos);
      if (h < 0) {
        text(pos, text.length());
        return;
      }
      head(pos, h);
      pos = h;
      int before = pos;
      body();
      if (pos == before) {
        text(pos, text.length());
        return;
      }
    }
  }

  private static final List<String> BUDGET_COLS_FOR_STARTS =
      List.of("initial", "adjusted", "executed", "weight", "rate", "score");
  private static final List<String> INDICATOR_COLS_FOR_STARTS = List.of("level1",
      "level1_weight", "level2", "name", "target", "actual", "weight", "score", "reason",
      "nature", "measure", "criteria");

  /** The first characters of the header words: a header starts at no other. */
  private static final java.util.Set<Character> HEADER_STARTS = headerStarts();

  private static java.util.Set<Character> headerStarts() {
    java.util.Set<Character> out = new java.util.HashSet<>();
    for (String c : BUDGET_COLS_FOR_STARTS) {
      Vocabulary.budgetColumnWords(c).forEach(w -> out.add(w.charAt(0)));
    }
    for (String c : INDICATOR_COLS_FOR_STARTS) {
      Vocabulary.indicatorColumnWords(c).forEach(w -> out.add(w.charAt(0)));
    }
    return out;
  }

  private int nextHeader(int from) {
    for (int i = from; i < text.length(); i++) {
      if (!HEADER_STARTS.contains(text.at(i))) {
        continue;
      }
      if (budgetHeader(i) != null || indicatorHeader(i) != null
          || GluedCoefficientTable.headerEnd(text, i) > 0
          || GluedUnitTable.headerEnd(text, i) > 0) {
        return i;
      }
    }
    return -1;
  }

  // ---- head: title and name fields ----

  private void head(int from, int h) {
    Matcher m = TITLE.matcher(text.folded).region(from, h);
    int ts = -1;
    int te = -1;
    while (m.find()) {
      ts = m.start();
      te = m.end();
    }
    int fields = from;
    if (ts >= 0) {
      int start = ts;
      while (start > from && te - start < MAX_TITLE && TITLE_STOPS.indexOf(text.at(start - 1)) < 0
          && !(text.at(start - 1) == '日' && start >= 2 && Character.isDigit(text.at(start - 2)))) {
        start--;
      }
      text(from, start);
      out.add(new FlatForm.Piece(text.text(start, te), null, null, text.line(start)));
      fields = te;
    }
    int i = fields;
    int lead = -1;
    while (i < h) {
      int len = fieldLabel(i);
      if (len == 0) {
        if (text.labelAt("flat_block_labels", i) > 0) {
          break;
        }
        lead = lead < 0 ? i : lead;
        i++;
        continue;
      }
      int labelFrom = lead >= 0 && i - lead <= HEADER_GAP ? lead : i;
      if (lead >= 0 && labelFrom != lead && holdsLabel("total_field_labels", lead, i)) {
        // 项目总得分99分 above the fields: a field of the form, in a row of its table
        row(java.util.Arrays.asList(new int[] {lead, i}, null));
      } else if (lead >= 0 && labelFrom != lead) {
        text(lead, i);
      }
      lead = -1;
      int j = i + len;
      int v = j < h && (text.at(j) == ':' || text.at(j) == '：') ? j + 1 : j;
      j = v;
      // a total field after a value (联系电话自评总分(分)97.93) ends it: kept below as a row
      while (j < h && fieldLabel(j) == 0 && text.labelAt("flat_block_labels", j) == 0
          && !totalField(j)) {
        j++;
      }
      boolean stop = text.labelAt("glued_field_stops", i) == len;
      if (v > i + len && FieldText.unitField(text.text(labelFrom, j)) != null) {
        // 单位名称:… states the form's own unit as a head field: its cell kept as printed (the
        // form reader cuts it at the next field), in a row of the table (an empty cell after it)
        row(java.util.Arrays.asList(new int[] {labelFrom, j}, null));
      } else if (stop || text.folded.substring(v, j).matches("[/／\\\\…．.、—\\-]*")) {
        row(List.of(new int[] {labelFrom, i + len}, new int[] {i + len, i + len}));
      } else {
        row(List.of(new int[] {labelFrom, i + len}, new int[] {v, j}));
      }
      i = j;
    }
    if (lead >= 0 && holdsLabel("total_field_labels", lead, i)) {
      row(java.util.Arrays.asList(new int[] {lead, i}, null)); // the last field: the total
    }
    leading = i < h ? new int[] {i, h} : null;
  }

  /** A total field's label at i with its number after it ({@code 自评总分(分)97.93}). */
  private boolean totalField(int i) {
    int len = text.labelAt("total_field_labels", i);
    return len > 0 && TOTAL_FIELD_VALUE.matcher(text.folded).region(i + len, text.length())
        .lookingAt();
  }

  private boolean holdsLabel(String group, int from, int to) {
    for (int k = from; k < to; k++) {
      if (text.labelAt(group, k) > 0) {
        return true;
      }
    }
    return false;
  }

  /** The block label before a budget header (资金情况(万元)), the header row's first cell. */
  private int[] leading;

  private int fieldLabel(int i) {
    int best = 0;
    for (String g : List.of("unit_labels", "implementing_labels", "project_labels",
        "glued_field_stops")) {
      best = Math.max(best, text.labelAt(g, i));
    }
    return best;
  }

  // ---- body ----

  private void body() {
    while (pos < text.length()) {
      List<int[]> bh = budgetHeader(pos);
      if (bh != null) {
        budget(bh);
        continue;
      }
      int coefficients = GluedCoefficientTable.headerEnd(text, pos);
      if (coefficients > 0) {
        GluedCoefficientTable.read(this, text, pos, coefficients);
        continue;
      }
      int unitTable = GluedUnitTable.headerEnd(text, pos);
      if (unitTable > 0) {
        GluedUnitTable.read(this, text, pos, unitTable);
        continue;
      }
      List<int[]> ih = indicatorHeader(pos);
      if (ih != null) {
        indicators(ih);
        continue;
      }
      int total = text.labelAt("total_labels", pos);
      if (total > 0) {
        totalRow(pos, pos + total);
        return;
      }
      if (fieldLabel(pos) > 0 && text.labelAt("glued_field_stops", pos) == 0
          || text.labelAt("flat_end_labels", pos) > 0) {
        return;
      }
      pos++; // goals and other text between the blocks: not read from a glued form
    }
  }

  // ---- budget block ----

  /**
   * The budget header at i: spans of its words, the column in [2]; null when none starts. Two
   * amount words make one; so does one before the 执行率 | 执行率权重 | 执行率得分 tail, words no
   * other text prints (an amount word before it garbled by OCR: {@code 全年(If整)预算数}).
   */
  private List<int[]> budgetHeader(int i) {
    List<int[]> cols = headerRun(i, true);
    int amounts = 0;
    List<String> names = new ArrayList<>();
    for (int[] c : cols) {
      amounts += c[2] <= 2 ? 1 : 0;
      names.add(BUDGET_COLS.get(c[2]));
    }
    return amounts >= 2 || amounts == 1 && GluedBudgetTail.heads(names) ? cols : null;
  }

  private static final List<String> BUDGET_COLS =
      List.of("initial", "adjusted", "executed", "weight", "rate", "score");
  private static final List<String> INDICATOR_COLS = List.of("level1", "level1_weight",
      "level2", "name",
      "target", "actual", "weight", "score", "reason", "nature", "measure", "criteria");

  /** Consecutive header words from i (a bracket after a word joins it). */
  private List<int[]> headerRun(int i, boolean budget) {
    List<int[]> cols = new ArrayList<>();
    int q = i;
    boolean rate = false;
    while (q < text.length()) {
      int[] w = headerWord(q, budget, rate);
      if (w == null && !cols.isEmpty()) {
        for (int gap = 1; gap <= HEADER_GAP && w == null
            && q + gap <= text.length() && text.at(q + gap - 1) != ' '; gap++) {
          w = headerWord(q + gap, budget, rate);
          if (w != null) {
            w[0] = q;
          }
        }
      }
      if (w == null) {
        break;
      }
      Matcher b = BRACKET.matcher(text.folded).region(w[1], text.length());
      if (b.lookingAt()) {
        w[1] = b.end();
      }
      cols.add(w);
      rate |= budget && BUDGET_COLS.get(w[2]).equals("rate");
      q = w[1];
    }
    return cols;
  }

  /**
   * The longest header word at q; {@code rateSeen} false: a budget word that starts with a 执行率
   * word ({@code 执行率得分}) is not one, as glued text prints 执行率 | 得分 the same way.
   */
  private int[] headerWord(int q, boolean budget, boolean rateSeen) {
    if (q >= text.length()) {
      return null;
    }
    List<String> names = budget ? BUDGET_COLS : INDICATOR_COLS;
    int best = 0;
    int col = -1;
    for (int c = 0; c < names.size(); c++) {
      List<String> words = budget ? Vocabulary.budgetColumnWords(names.get(c))
          : Vocabulary.indicatorColumnWords(names.get(c));
      for (String w : words) {
        if (budget && !rateSeen && !names.get(c).equals("rate") && startsWithRate(w)) {
          continue;
        }
        if (w.length() > best && text.folded.startsWith(w, q)) {
          best = w.length();
          col = c;
        }
      }
    }
    return col < 0 ? null : new int[] {q, q + best, col};
  }

  private static boolean startsWithRate(String w) {
    return Vocabulary.budgetColumnWords("rate").stream().anyMatch(w::startsWith);
  }

  private void budget(List<int[]> header) {
    List<int[]> cells = new ArrayList<>();
    cells.add(leading);
    final BigDecimal points = GluedFractionRate.headerPoints((leading == null ? ""
        : text.folded.substring(leading[0], leading[1]))
        + text.folded.substring(header.get(0)[0], header.get(header.size() - 1)[1]));
    leading = null;
    List<String> cols = new ArrayList<>();
    for (int[] w : header) {
      cells.add(new int[] {w[0], w[1]});
      cols.add(BUDGET_COLS.get(w[2]));
    }
    row(cells);
    pos = header.get(header.size() - 1)[1];
    GluedBudgetTail tail = GluedBudgetTail.heads(cols) ? new GluedBudgetTail(this, text,
        cols.size()) : null;
    if (tail != null && budgetRowLabel(pos) == 0) {
      pos = tail.unlabelled(pos);
      return;
    }
    while (pos < text.length()) {
      int label = pos;
      int len = budgetRowLabel(pos);
      if (len == 0) {
        return;
      }
      pos += len;
      if (text.folded.startsWith("其中", label) && budgetRowLabel(skipColon(pos)) > 0) {
        pos = skipColon(pos);
        pos += budgetRowLabel(pos);
      }
      final int labelEnd = pos;
      pos = skipColon(pos);
      int v = pos;
      pos = GluedBudgetRun.end(text, v);
      if (pos == v) {
        continue;
      }
      boolean total = Vocabulary.isLabel("budget_total_labels", text.folded.substring(label,
          labelEnd));
      GluedBudgetRun run = GluedBudgetRun.of(text, v, pos);
      List<String[]> fractions = total
          ? run.kept(GluedFractionRate.readings(run.digits, cols, points), cols) : List.of();
      if (total && text.folded.substring(v, pos).indexOf('%') < 0 && fractions.isEmpty()) {
        // no rate with its sign, and none as a fraction that both identities confirm: nothing
        // tells 全年预算数 from 全年执行数 in the glued digits
        warn("a glued budget total row without its 执行率: its numbers were left out: "
            + text.text(label, pos), label);
        if (tail != null) {
          tail.total(label, labelEnd, v, pos);
        }
      } else if (total) {
        List<String[]> fits = fractions.isEmpty()
            ? run.kept(GluedNumbers.totalRowReadings(run.digits, cols), cols) : fractions;
        if (!totalBudgetRow(label, labelEnd, pos, run, fits, cols) && tail != null) {
          tail.total(label, labelEnd, v, pos);
        }
      } else if (tail == null || !tail.source(v, pos)) {
        sourceRow(label, labelEnd, v, pos, cols);
      }
    }
  }

  /**
   * The budget total row: split by {@link GluedNumbers#totalRowReadings} (or, a rate printed
   * as a fraction, {@link GluedFractionRate}); a column gets its cell only where every fitting
   * reading puts the same number there, the others stay empty. The 得分 placed is kept for the
   * indicator table's sum ({@link #budgetScore()}). False when no reading fits (no row written).
   */
  private boolean totalBudgetRow(int label, int labelEnd, int to, GluedBudgetRun run,
      List<String[]> fits, List<String> cols) {
    List<int[]> cells = new ArrayList<>();
    cells.add(new int[] {label, labelEnd});
    List<String> left = new ArrayList<>();
    for (int c = 0; c < cols.size(); c++) {
      int[] span = fits.isEmpty() ? null : agreedSpan(fits, c, run);
      cells.add(span);
      if (span == null) {
        left.add(cols.get(c));
      } else if (cols.get(c).equals("score")) {
        budgetScore = new BigDecimal(text.folded.substring(span[0], span[1]));
      }
    }
    if (fits.size() != 1 || !left.isEmpty()) {
      warn(fits.size() + " readings of a glued budget total row fit 执行率 = 执行数 / 预算数 "
          + "and 得分 = 分值 × 执行率; left empty: " + String.join(", ", left) + ": "
          + text.text(label, to), label);
    }
    if (fits.isEmpty()) {
      return false;
    }
    row(cells);
    return true;
  }

  /** The span of column c's number where every reading has the same one there, else null. */
  private static int[] agreedSpan(List<String[]> fits, int c, GluedBudgetRun run) {
    int[] span = null;
    for (String[] r : fits) {
      int[] s = run.span(r, c);
      if (s == null) {
        return null;
      }
      if (span != null && (span[0] != s[0] || span[1] != s[1])) {
        return null;
      }
      span = s;
    }
    return span;
  }

  private int skipColon(int p) {
    return p < text.length() && (text.at(p) == ':' || text.at(p) == '：') ? p + 1 : p;
  }

  private int budgetRowLabel(int p) {
    return Math.max(text.labelAt("budget_total_labels", p),
        text.labelAt("flat_budget_line_labels", p));
  }

  /**
   * A source row (其中:当年财政拨款 …): its amounts and 执行率, split only where 执行率 =
   * 全年执行数 / 全年预算数 leaves one reading; otherwise its numbers are left out.
   */
  private void sourceRow(int label, int labelEnd, int from, int to, List<String> cols) {
    GluedBudgetRun run = GluedBudgetRun.of(text, from, to);
    List<String[]> fits = run.kept(GluedNumbers.sourceReadings(run.digits, cols), cols);
    if (fits.size() != 1) {
      warn((fits.isEmpty() ? "no" : fits.size()) + " readings of a glued budget row fit "
          + "执行率 = 执行数 / 预算数; its numbers were left out: " + text.text(label, to), label);
      return;
    }
    List<int[]> cells = new ArrayList<>();
    cells.add(new int[] {label, labelEnd});
    for (int c = 0; c < cols.size(); c++) {
      cells.add(run.span(fits.get(0), c));
    }
    row(cells);
  }

  // ---- indicator table ----

  private List<int[]> indicatorHeader(int i) {
    List<int[]> cols = headerRun(i, false);
    boolean name = false;
    boolean level = false;
    boolean score = false;
    for (int[] c : cols) {
      String col = INDICATOR_COLS.get(c[2]);
      name |= col.equals("name");
      level |= col.startsWith("level");
      score |= col.equals("weight") || col.equals("score");
    }
    return name && level && score ? cols : null;
  }

  private void indicators(List<int[]> header) {
    Map<String, int[]> at = new java.util.LinkedHashMap<>();
    List<GluedRows.Col> order = new ArrayList<>();
    for (int[] w : header) {
      String col = INDICATOR_COLS.get(w[2]);
      at.putIfAbsent(col, w);
      switch (col) {
        case "name" -> order.add(GluedRows.Col.NAME);
        case "target" -> order.add(GluedRows.Col.VALUES);
        case "weight" -> order.add(GluedRows.Col.WEIGHT);
        case "score" -> order.add(GluedRows.Col.SCORE);
        case "reason" -> order.add(GluedRows.Col.REASON);
        default -> {
          // level columns lead the row; actual follows target inside VALUES
        }
      }
    }
    pos = header.get(header.size() - 1)[1];
    // a header whose 一级指标 cell OCR garbled starts at 二级指标; its level-1 cells are garbled
    // too and are dropped (GluedTable)
    boolean shape = (at.containsKey("level1") || at.containsKey("level2"))
        && at.containsKey("target")
        && at.containsKey("actual") && at.get("actual")[0] == at.get("target")[1]
        && !at.containsKey("nature") && !at.containsKey("measure")
        && !at.containsKey("criteria") && order.get(0) == GluedRows.Col.NAME;
    if (!shape) {
      warn("glued indicator header of another shape: its rows were not read", header.get(0)[0]);
      skipRows();
      return;
    }
    List<int[]> cells = new ArrayList<>();
    boolean weighted = at.containsKey("level1_weight");
    for (String c : List.of("level1", "level1_weight", "level2", "name", "target", "actual",
        "weight", "score", "reason")) {
      if (at.containsKey(c)) {
        cells.add(new int[] {at.get(c)[0], at.get(c)[1]});
      } else if (!c.equals("reason") && !c.equals("level1_weight")) {
        cells.add(null);
      }
    }
    if (at.containsKey("level1")) {
      row(cells);
    } else {
      // the 一级指标 header cell garbled (度效标O0B年绩目1分EB): the column the rows leave empty is
      // named, so the form reader finds its table (each level-1 cell then follows its 二级指标)
      List<String> named = new ArrayList<>();
      cells.forEach(c -> named.add(c == null ? "" : text.text(c[0], c[1])));
      named.set(0, "一级指标");
      textRow(named, header.get(0)[0]);
    }
    GluedLevels levels = new GluedLevels(text, weighted)
        .withShortLevel2(!at.containsKey("level1"));
    if (order.get(order.size() - 1) == GluedRows.Col.REASON) {
      while (pos < text.length() && levels.level1At(pos) == null && levels.level2At(pos) == 0
          && pos - header.get(0)[0] < 80) {
        pos++; // the rest of a long reason header (及拟采取的改进措施)
      }
    }
    scoresOnly = !order.contains(GluedRows.Col.WEIGHT);
    new GluedTable(this, text, order, at.containsKey("reason"), levels)
        .withoutLevel1Column(!at.containsKey("level1")).read(pos);
  }

  /** Skips to the end of a table this reader does not cut. */
  private void skipRows() {
    while (pos < text.length() && text.labelAt("total_labels", pos) == 0 && fieldLabel(pos) == 0) {
      pos++;
    }
  }

  /** True where the indicator rows end: a total, a form's foot, a new form's fields. */
  boolean endsRows(int i) {
    return text.labelAt("total_labels", i) > 0 || text.labelAt("indicator_sum_labels", i) > 0
        || text.labelAt("flat_end_labels", i) > 0
        || fieldLabel(i) > 0 && text.labelAt("glued_field_stops", i) == 0
        || budgetHeader(i) != null;
  }

  /** The budget total row's 得分 as placed, or null (none printed, or not placed). */
  BigDecimal budgetScore() {
    return budgetScore;
  }

  void moveTo(int p) {
    pos = p;
  }

  /** The points of a level printed after its name at i ({@code (70分)}), or null. */
  static BigDecimal points(GluedText g, int i, int[] end) {
    Matcher m = LEVEL_POINTS.matcher(g.folded).region(i, g.length());
    if (m.lookingAt()) {
      end[0] = m.end();
      return new BigDecimal(m.group(1));
    }
    end[0] = i;
    return null;
  }

  /** The group's body without placeholders of empty template rows at its end. */
  static int withoutPlaceholders(GluedText g, int from, int to) {
    Matcher m = PLACEHOLDER_TAIL.matcher(g.folded.substring(from, to));
    return m.find() ? from + m.start() : to;
  }

  // ---- total ----

  private void totalRow(int label, int labelEnd) {
    int v = skipColon(labelEnd);
    int e = v;
    while (e < text.length() && (Character.isDigit(text.at(e)) || text.at(e) == '.')) {
      e++;
    }
    pos = e;
    if (scoresOnly && e > v && totalScore(v, e) != null) {
      row(List.of(new int[] {label, labelEnd}, new int[] {v, e}));
      return;
    }
    String[] split = GluedNumbers.totalReading(text.folded.substring(v, e), HUNDRED);
    if (split == null) {
      if (e > v) {
        warn("the total row's glued numbers fit more than one (or no) reading of 分值 and "
            + "得分; left out: " + text.text(label, e), label);
      }
      row(List.of(new int[] {label, labelEnd}, new int[] {labelEnd, labelEnd}));
      return;
    }
    int mid = v + split[0].length();
    Matcher grade = GRADE.matcher(text.folded).region(e, text.length());
    if (grade.lookingAt()) {
      pos = grade.end();
      row(List.of(new int[] {label, labelEnd}, new int[] {v, mid}, new int[] {mid, e},
          new int[] {e, grade.end()}));
      return;
    }
    row(List.of(new int[] {label, labelEnd}, new int[] {v, mid}, new int[] {mid, e}));
  }

  /**
   * The 总分 row's run at [v, e) as the form's 得分 alone (a header with no 分值 column has no
   * total weight to print): a number of at most 100, else null.
   */
  static BigDecimal totalScore(GluedText t, int v, int e) {
    String run = t.folded.substring(v, e);
    if (!GluedNumbers.isNumber(run)) {
      return null;
    }
    BigDecimal total = new BigDecimal(run);
    return total.compareTo(HUNDRED) <= 0 ? total : null;
  }

  private BigDecimal totalScore(int v, int e) {
    return totalScore(text, v, e);
  }

  // ---- output ----

  /** A row of cells, each the characters [from, to) of its array (null: an empty cell). */
  void row(List<int[]> spans) {
    row(null, spans);
  }

  /** A row whose first cell, when {@code first} is given, is that text (a label not printed). */
  void row(String first, List<int[]> spans) {
    List<String> cells = new ArrayList<>();
    int[] lines = new int[spans.size()];
    int line = 0;
    for (int k = 0; k < spans.size(); k++) {
      int[] s = spans.get(k);
      cells.add(s == null || s[1] <= s[0] ? "" : text.text(s[0], s[1]));
      lines[k] = s == null ? 0 : text.line(s[0]);
      line = line == 0 ? lines[k] : line;
    }
    for (int k = 0; k < lines.length; k++) {
      lines[k] = lines[k] == 0 ? line : lines[k];
    }
    if (first != null) {
      cells.set(0, first);
    }
    out.add(new FlatForm.Piece(null, cells, lines, line));
  }

  /** A row of cells not printed as such (a header the reader names), at the line of at. */
  void textRow(List<String> cells, int at) {
    int line = text.line(at);
    int[] lines = new int[cells.size()];
    java.util.Arrays.fill(lines, line);
    out.add(new FlatForm.Piece(null, cells, lines, line));
  }

  /** Characters [from, to) as text lines, one per source line. */
  private void text(int from, int to) {
    int i = from;
    while (i < to) {
      int j = i;
      while (j < to && text.line(j) == text.line(i)) {
        j++;
      }
      out.add(new FlatForm.Piece(text.text(i, j), null, null, text.line(i)));
      i = j;
    }
  }

  void warn(String message, int at) {
    warnings.add(new Warning(AMBIGUOUS, message, text.line(at)));
  }
}
