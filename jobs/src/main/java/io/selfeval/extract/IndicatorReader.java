package io.selfeval.extract;

import io.selfeval.extract.vocab.Vocabulary;
import io.selfeval.model.Indicator;
import io.selfeval.model.Warning;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads indicator rows. A row is anchored on its right by the last two numeric cells (分值 and
 * 得分); the four cells before them are 三级指标, 年度指标值, 实际完成值 in that order, and any
 * cells further left are 一级/二级指标 labels recognised by their words. Empty (merged) level
 * cells inherit from the row above; a row with scores but no name or target continues the row
 * above and says so in {@code inherited}.
 */
final class IndicatorReader {

  private final List<Indicator> out;
  private final List<Warning> warnings;
  private final int headerWidth;
  /** Index of 得分 in the header, -1 when the header names none. */
  private final int headerScore;
  /**
   * Header index of each indicator column the header names (name, target, actual, weight, score,
   * reason, nature, measure, criteria), by {@code indicator_columns} in vocabulary.json.
   */
  private final Map<String, Integer> headerAt = new HashMap<>();
  private String level1;
  private BigDecimal level1Weight;
  private String level2;
  /** The row being read is the last of a table the document ends inside ({@link #readCut}). */
  private boolean readingCut;
  /** Indexes in {@code out} of name-only rows no read row has followed yet, and their warnings. */
  private final List<Integer> unconfirmed = new ArrayList<>();
  private final List<Warning> unconfirmedWarnings = new ArrayList<>();

  IndicatorReader(TableRow header, List<Indicator> out, List<Warning> warnings) {
    this.out = out;
    this.warnings = warnings;
    this.headerWidth = header.size();
    int score = -1;
    for (int i = 0; i < header.size(); i++) {
      if (header.cells().get(i).compact().contains("得分")) {
        score = i;
      }
    }
    this.headerScore = score;
    for (int i = 0; i < header.size(); i++) {
      String column = Vocabulary.indicatorColumn(header.cells().get(i).compact());
      if (column != null) {
        headerAt.putIfAbsent(column, i);
      }
    }
  }

  /**
   * True when the header names columns beyond the seeds' seven (指标性质, 度量单位, 评分标准) or
   * puts 分值 before 指标值: the row is then read by the header's column offsets from its 得分
   * cell.
   */
  private boolean readsByHeader() {
    boolean weightFirst = headerAt.containsKey("target") && headerAt.containsKey("weight")
        && headerAt.get("weight") < headerAt.get("target");
    return (headerAt.containsKey("nature") || headerAt.containsKey("measure")
        || headerAt.containsKey("criteria") || weightFirst || levelWeights())
        && headerAt.containsKey("name")
        && headerAt.containsKey("weight") && headerAt.containsKey("score")
        && headerAt.get("weight") < headerAt.get("score") && headerAt.get("name") < headerAt.get(
        "weight");
  }

  void read(TableRow printed) {
    int before = out.size();
    readRow(printed);
    if (out.size() > before && unconfirmed.indexOf(out.size() - 1) < 0) {
      unconfirmed.clear(); // a row read after them: the name-only rows were mid-table
      unconfirmedWarnings.clear();
    }
  }

  /**
   * Ends the table: name-only rows that no read row followed are dropped (a table's last rows
   * without values may be a heading or a note, not indicators) and warned ROW_NOT_UNDERSTOOD.
   */
  void finish() {
    for (int k = unconfirmed.size() - 1; k >= 0; k--) {
      out.remove((int) unconfirmed.get(k));
      Warning w = unconfirmedWarnings.get(k);
      warnings.set(warnings.indexOf(w), new Warning("ROW_NOT_UNDERSTOOD", "indicator row without "
          + "a numeric 分值 and 得分 (header has " + headerWidth + " columns): "
          + w.message().substring(w.message().lastIndexOf(": ") + 2), w.line()));
    }
    unconfirmed.clear();
    unconfirmedWarnings.clear();
  }

  private void readRow(TableRow printed) {
    if (isPlaceholderRow(printed)) {
      List<Cell> labels = new ArrayList<>();
      for (Cell c : printed.cells()) {
        if (FormParser.isLevel1(c.compact()) || FormParser.isLevel2(c.compact())) {
          labels.add(c);
        }
      }
      if (!labels.isEmpty()) {
        readLevels(new TableRow(labels), labels.size());
      }
      return;
    }
    if (scoreOnly()) {
      int s = scoreOnlyAnchor(printed);
      if (s >= 0) {
        readByHeader(printed, s);
      } else {
        readRowWithoutScores(printed);
      }
      return;
    }
    if (readsByHeader()) {
      int s = headerAnchor(printed);
      if (s >= 0) {
        readByHeader(printed, s);
        return;
      }
    }
    TableRow row = joinComparators(printed);
    int anchor = scoreAnchor(row);
    final boolean strayZero = isStrayZero(row, anchor);
    final int s = strayZero ? anchor - 1 : anchor;
    if (s < 0) {
      readRowWithoutScores(row);
      return;
    }
    int nameAt = s - 4;
    readLevels(row, nameAt);
    String name = row.text(nameAt);
    String target = row.text(s - 3);
    final String actual = row.text(s - 2);
    List<String> inherited = new ArrayList<>();
    String[] nameAndTarget = inherit(name, target, inherited, row.line());
    name = nameAndTarget[0];
    target = nameAndTarget[1];
    // the row's last column under the header, wherever the row starts: cells past it are not
    // the deviation reason (their text stays in the warning)
    int lastColumn = headerScore < 0 ? Integer.MAX_VALUE : s + (headerWidth - 1 - headerScore);
    StringBuilder reason = new StringBuilder();
    List<String> extra = new ArrayList<>();
    for (int i = s + 1; i < row.size(); i++) {
      if (row.text(i) != null && i > lastColumn) {
        extra.add(row.text(i));
      } else if (row.text(i) != null && !(strayZero && i == anchor)) {
        reason.append(reason.length() == 0 ? "" : " ").append(row.text(i));
      }
    }
    if (!extra.isEmpty()) {
      warnings.add(new Warning("EXTRA_CELLS", "cells beyond the header's last column, not "
          + "taken as the deviation reason: " + String.join(" | ", extra), row.line()));
    }
    out.add(new Indicator(out.size(), level1, level1Weight, level2, name, target, actual,
        Texts.number(row.text(s - 1)), Texts.number(row.text(s)), row.text(s - 1), row.text(s),
        reason.length() == 0 ? null : reason.toString(), List.copyOf(inherited), row.line()));
  }

  /**
   * True when the header names 三级指标, its values and 得分 but no 分值 column (年初目标值 |
   * 实际完成值 | 得分): the row's numbers are then values and its score, never a weight, so the row
   * is read by the header's offsets from 得分 and its weight stays null.
   */
  private boolean scoreOnly() {
    return !headerAt.containsKey("weight") && headerAt.containsKey("name")
        && headerAt.containsKey("score") && headerAt.containsKey("actual")
        && headerAt.get("name") < headerAt.get("actual")
        && headerAt.get("actual") < headerAt.get("score");
  }

  /**
   * Index of 得分 in a row of a header without 分值: the header's own column when the row is as
   * wide as the header, else the rightmost number that leaves, at the header's distance to its
   * left, a name cell that is text and not a level label (a row whose 得分 was dropped leaves
   * none, and is not read); -1 when there is none.
   */
  private int scoreOnlyAnchor(TableRow row) {
    int gap = headerAt.get("score") - headerAt.get("name");
    if (row.size() == headerWidth && isName(row, headerAt.get("name"))) {
      return headerAt.get("score");
    }
    for (int s = row.size() - 1; s - gap >= 0; s--) {
      if (isNumber(row, s) && isName(row, s - gap)) {
        return s;
      }
    }
    return -1;
  }

  private static boolean isName(TableRow row, int i) {
    String t = row.text(i);
    return t != null && Texts.number(t) == null && !FormParser.isLevel1(Texts.compact(t))
        && !FormParser.isLevel2(Texts.compact(t));
  }

  /**
   * Index of 得分 in a row read by the header: the header's own 得分 column when the row is as
   * wide as the header and numbers stand there, else the rightmost number whose 分值 cell (the
   * header's distance to the left) is a number too; -1 when there is none.
   */
  private int headerAnchor(TableRow row) {
    int gap = headerAt.get("score") - headerAt.get("weight");
    int hs = headerAt.get("score");
    if (row.size() == headerWidth && isNumber(row, hs) && isNumber(row, hs - gap)) {
      return hs;
    }
    for (int s = row.size() - 1; s - gap >= 0; s--) {
      if (isNumber(row, s) && isNumber(row, s - gap)) {
        return s;
      }
    }
    return -1;
  }

  private static boolean isNumber(TableRow row, int i) {
    return Texts.number(row.text(i)) != null;
  }

  /** The row's cell under a header column, placed by its distance from 得分; null when none. */
  private String under(TableRow row, int s, String column) {
    Integer h = headerAt.get(column);
    return h == null ? null : row.text(s - (headerAt.get("score") - h));
  }

  /**
   * A row read by the header's columns. The target is 指标性质 when that holds a comparator,
   * then 指标值, then 度量单位 (≤ | 30 | 万元 is ≤30万元); 评分标准 is never a value or a reason.
   */
  private void readByHeader(TableRow row, int s) {
    int nameAt = s - (headerAt.get("score") - headerAt.get("name"));
    if (levelWeights()) {
      readLevelsByHeader(row, s);
    } else {
      readLevels(row, nameAt);
    }
    String name = row.text(nameAt);
    String nature = under(row, s, "nature");
    String value = under(row, s, "target");
    String measure = under(row, s, "measure");
    String target = value;
    if (value != null) {
      boolean comparator = nature != null && COMPARATOR.matcher(Texts.compact(nature)).matches();
      String unit = measure == null || Texts.compact(measure).matches(PLACEHOLDER)
          || Texts.compact(value).endsWith(Texts.compact(measure)) ? "" : measure;
      target = (comparator ? normalComparator(Texts.compact(nature)) : "") + value + unit;
      if (comparator) {
        warnings.add(new Warning("COMPARATOR_JOINED", "a target printed in separate cells was "
            + "read as one: " + target, row.line()));
      }
    }
    List<String> inherited = new ArrayList<>();
    String[] nameAndTarget = inherit(name, target, inherited, row.line());
    name = nameAndTarget[0];
    target = nameAndTarget[1];
    String weightText = under(row, s, "weight");
    String reason = under(row, s, "reason");
    out.add(new Indicator(out.size(), level1, level1Weight, level2, name, target,
        under(row, s, "actual"), Texts.number(weightText), Texts.number(row.text(s)), weightText,
        row.text(s), reason, List.copyOf(inherited), row.line()));
  }

  /**
   * True when the header gives the 一级指标's points a column of their own (分解目标 | 自评权重 |
   * 二级指标, the unit-wide scheme): the level cells are then read by position.
   */
  private boolean levelWeights() {
    return headerAt.containsKey("level1_weight") && headerAt.containsKey("level1")
        && headerAt.containsKey("level2");
  }

  /**
   * The level cells of a row under a 分解目标 | 自评权重 | 二级指标 header, whatever their words
   * (this scheme's 二级指标 under 管理指标 are no national level names, and OCR may scramble a
   * vertical cell): a 一级指标 cell brings its points from the 自评权重 cell; an empty cell keeps
   * the level of the row above, as a merged cell does.
   */
  private void readLevelsByHeader(TableRow row, int s) {
    String l1 = under(row, s, "level1");
    if (l1 != null && !Texts.compact(l1).isEmpty()) {
      level1 = Texts.compact(l1);
      level1Weight = Texts.number(under(row, s, "level1_weight"));
      level2 = null;
    }
    String l2 = under(row, s, "level2");
    if (l2 != null && !Texts.compact(l2).isEmpty()) {
      level2 = Texts.compact(l2);
    }
  }

  /** What stands in an empty cell or a template's unfilled row: '/', '—', '…', '指标2:'. */
  private static final String PLACEHOLDER = "[/／\\\\…．.、—\\-]+";
  private static final java.util.regex.Pattern NUMBERED_SLOT =
      java.util.regex.Pattern.compile("指标\\d+[:：]?");

  /**
   * A template row left unfilled: every cell empty, a placeholder ({@code /}, {@code ……},
   * {@code -}) or a numbered slot ({@code 指标2:}), level labels aside. Skipped without a
   * warning: it holds nothing that was lost.
   */
  static boolean isPlaceholderRow(TableRow row) {
    boolean slot = false;
    boolean placeholder = false;
    for (Cell c : row.cells()) {
      String t = c.compact();
      if (t.isEmpty() || FormParser.isLevel1(t) || FormParser.isLevel2(t)) {
        continue;
      }
      if (NUMBERED_SLOT.matcher(t).matches()) {
        slot = true;
      } else if (t.matches(PLACEHOLDER)) {
        placeholder = true;
      } else {
        return false;
      }
    }
    return slot || placeholder;
  }

  /**
   * A row with scores but no name continues the row above: its name (and target, when blank)
   * are taken from it, listed in {@code inherited} and said in a warning.
   */
  private String[] inherit(String name, String target, List<String> inherited, int line) {
    Indicator previous = out.isEmpty() ? null : out.get(out.size() - 1);
    if (name != null || previous == null) {
      return new String[] {name, target};
    }
    inherited.add("name");
    String t = target;
    if (t == null) {
      t = previous.targetText();
      inherited.add("target_text");
    }
    warnings.add(new Warning("INHERITED_CELLS", "row continues the one above; "
        + String.join(" and ", inherited) + " taken from it", line));
    return new String[] {previous.name(), t};
  }

  private static final java.util.regex.Pattern COMPARATOR =
      java.util.regex.Pattern.compile("[≥≤≧≦＞＜><=＝═]{1,2}");
  private static final java.util.regex.Pattern UNIT_WORD =
      java.util.regex.Pattern.compile("[\\p{IsHan}%‰a-zA-Z/]{1,6}");

  /**
   * A target printed in three cells — comparator, value, unit ({@code ≧ | 735 | 人次}) — read as
   * one ({@code ≥735人次}), comparators normalised; the row says so in a warning.
   */
  private TableRow joinComparators(TableRow row) {
    List<Cell> cells = row.cells();
    for (int i = 0; i + 2 < cells.size(); i++) {
      String op = cells.get(i).compact();
      String value = cells.get(i + 1).compact();
      String unit = cells.get(i + 2).compact();
      if (!COMPARATOR.matcher(op).matches()
          || Texts.number(value.endsWith("%") ? value.substring(0, value.length() - 1) : value)
          == null) {
        continue;
      }
      boolean withUnit = UNIT_WORD.matcher(unit).matches() && Texts.number(unit) == null;
      String joined = normalComparator(op) + cells.get(i + 1).text()
          + (withUnit ? cells.get(i + 2).text() : "");
      List<Cell> out = new ArrayList<>(cells.subList(0, i));
      out.add(new Cell(joined, cells.get(i).line(), cells.get(withUnit ? i + 2 : i + 1)
          .lastLine()));
      out.addAll(cells.subList(i + (withUnit ? 3 : 2), cells.size()));
      warnings.add(new Warning("COMPARATOR_JOINED", "a target printed in separate cells was "
          + "read as one: " + joined, row.line()));
      return new TableRow(out);
    }
    return row;
  }

  private static String normalComparator(String op) {
    return op.replace('≧', '≥').replace('≦', '≤').replace('＞', '>').replace('＜', '<')
        .replace('＝', '=').replace('═', '=');
  }

  /**
   * A lone 0 in the deviation reason column (OCR noise or a filler) where the rightmost pair of
   * numbers was looked for: the row is as wide as the header, the 0 stands in the column after
   * 得分, and the two numbers before it fit as 分值 and 得分 (得分 ≤ 分值). Read as the score, it
   * would shift 得分 into 分值 and 分值 into 实际完成值; it is dropped with a warning.
   */
  private boolean isStrayZero(TableRow row, int s) {
    if (s < 2 || headerScore < 0 || row.size() != headerWidth || s != headerScore + 1) {
      return false;
    }
    BigDecimal zero = Texts.number(row.text(s));
    BigDecimal score = Texts.number(row.text(s - 1));
    BigDecimal weight = Texts.number(row.text(s - 2));
    if (zero == null || zero.signum() != 0 || score == null || weight == null
        || score.compareTo(weight) > 0) {
      return false;
    }
    warnings.add(new Warning("STRAY_ZERO_REASON", "a lone 0 in the deviation reason column was "
        + "not read as the row's 得分", row.line()));
    return true;
  }

  /** Index of 得分: the rightmost cell that, with the one before it, is a number. */
  private static int scoreAnchor(TableRow row) {
    for (int s = row.size() - 1; s >= 1; s--) {
      if (Texts.number(row.text(s)) != null && Texts.number(row.text(s - 1)) != null) {
        return s;
      }
      if (row.text(s) != null && Texts.number(row.text(s)) != null) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Reads the level labels left of 三级指标. With two labels the first is 一级 and the second
   * 二级; a lone label is 一级 only when it is one of 产出/效益/满意度指标 (成本指标 is 一级 in some
   * templates and 二级 in others, so it takes the level its neighbour leaves it).
   */
  private void readLevels(TableRow row, int before) {
    List<Cell> labels = new ArrayList<>();
    Cell pointsOnly = null;
    for (int i = 0; i < before && i < row.size(); i++) {
      String c = row.cells().get(i).compact();
      if (c.isEmpty() || c.equals("绩效指标")) {
        continue;
      }
      if (POINTS_ONLY.matcher(c).matches() && labels.isEmpty()) {
        pointsOnly = row.cells().get(i);
      } else if (FormParser.isLevel1(c) || FormParser.isLevel2(c)
          || Vocabulary.isExactLabel("level2_short_names", c)) {
        // a 二级指标 printed without 指标 (服务对象满意度) is one only in a level cell: as a row's
        // text it is a common 三级指标 name
        labels.add(row.cells().get(i));
      } else {
        warnings.add(new Warning("UNEXPECTED_CELL",
            "cell left of 三级指标 is not a level label: " + row.text(i),
            row.cells().get(i).line()));
      }
    }
    if (labels.size() >= 2) {
      setLevel1(labels.get(0).compact());
      level2 = FormParser.levelAndPoints(labels.get(1).compact())[0];
    } else if (labels.size() == 1) {
      String c = labels.get(0).compact();
      if (FormParser.isStrictLevel1(c)) {
        setLevel1(c);
        level2 = null;
      } else {
        level2 = FormParser.levelAndPoints(c)[0];
      }
    }
    if (pointsOnly != null) {
      levelFromPoints(pointsOnly);
    }
  }

  /** A 一级指标 cell printed as its points only, "(50分)". */
  private static final java.util.regex.Pattern POINTS_ONLY =
      java.util.regex.Pattern.compile("[(（](\\d+(?:\\.\\d+)?)分[)）]");

  /**
   * A first level printed only as its points: the weight is read, the name is the one the
   * national framework gives the row's 二级指标 (数量指标 → 产出指标), said in a warning; null
   * where the framework does not tell.
   */
  private void levelFromPoints(Cell cell) {
    java.util.regex.Matcher m = POINTS_ONLY.matcher(cell.compact());
    m.matches();
    level1Weight = new BigDecimal(m.group(1));
    level1 = Vocabulary.level1Of(level2);
    warnings.add(new Warning("LEVEL1_FROM_LEVEL2", "一级指标 printed as its points only ("
        + cell.text() + "); " + (level1 == null ? "its name is left null"
        : "named " + level1 + " after its 二级指标 " + level2), cell.line()));
  }

  private void setLevel1(String compact) {
    String[] lp = FormParser.levelAndPoints(compact);
    level1 = lp[0];
    level1Weight = lp[1] == null ? null : new BigDecimal(lp[1]);
  }

  /**
   * The last row of a table the document ends inside (an excerpt cut mid-row): read as any row
   * when it holds its 分值 and 得分; else its level cells and its name, the first text cell after
   * them, are kept (nothing after the name is placed: which column a cut row's later cells are
   * under is not known), with TRUNCATED_ROW.
   */
  void readCut(TableRow row) {
    final int before = out.size();
    final int warned = warnings.size();
    readingCut = true;
    read(row);
    readingCut = false;
    if (out.size() > before || warnings.size() != warned + 1
        || !warnings.get(warned).code().equals("ROW_NOT_UNDERSTOOD")) {
      return;
    }
    int nameAt = 0;
    while (nameAt < row.size() && (row.cells().get(nameAt).compact().isEmpty()
        || row.cells().get(nameAt).compact().equals("绩效指标")
        || FormParser.isLevel1(row.cells().get(nameAt).compact())
        || FormParser.isLevel2(row.cells().get(nameAt).compact())
        || POINTS_ONLY.matcher(row.cells().get(nameAt).compact()).matches())) {
      nameAt++;
    }
    String name = row.text(nameAt);
    String compactName = name == null ? "" : row.cells().get(nameAt).compact();
    if (!CUT_NAME.matcher(compactName).matches() || compactName.contains(":")
        || compactName.contains("：")) {
      return;
    }
    warnings.remove(warned);
    readLevels(row, nameAt);
    warnings.add(new Warning("TRUNCATED_ROW", "the document ends inside this indicator row: "
        + "its levels and name kept, its other cells not placed: " + row.describe(),
        row.line()));
    out.add(new Indicator(out.size(), level1, level1Weight, level2, name, null, null, null,
        null, null, null, null, List.of(), row.line()));
    unconfirmed.clear(); // the name-only rows before this one were mid-table
    unconfirmedWarnings.clear();
  }

  /**
   * A row that is a name in the header's 三级指标 column, level names (or nothing) before it and
   * nothing after it: an indicator whose values were not printed or that the layout reader left
   * empty (a glued row whose digits split more than one way). A heading printed across the row
   * starts before that column, and a label with a colon (其中：) names no indicator.
   */
  private boolean nameOnly(TableRow row) {
    Integer at = headerAt.get("name");
    if (at == null || at >= row.size() || row.text(at) == null) {
      return false;
    }
    String name = row.cells().get(at).compact();
    if (!CUT_NAME.matcher(name).matches() || name.contains(":") || name.contains("：")
        || FormParser.isLevel1(name) || FormParser.isLevel2(name)) {
      return false;
    }
    for (int i = 0; i < row.size(); i++) {
      String c = row.cells().get(i).compact();
      boolean label = c.isEmpty() || FormParser.isLevel1(c) || FormParser.isLevel2(c);
      if (i < at && !label || i > at && !c.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** A name: text with at least two CJK characters, not a comparator, number or placeholder. */
  private static final java.util.regex.Pattern CUT_NAME =
      java.util.regex.Pattern.compile(".*\\p{IsHan}.*\\p{IsHan}.*");

  /** Category rows set the levels; placeholder rows are skipped; anything else is a warning. */
  private void readRowWithoutScores(TableRow row) {
    boolean onlyLabels = true;
    boolean onlyPlaceholders = true;
    for (Cell c : row.cells()) {
      String t = c.compact();
      if (t.isEmpty()) {
        continue;
      }
      if (!FormParser.isLevel1(t) && !FormParser.isLevel2(t) && !t.equals("绩效指标")) {
        onlyLabels = false;
      }
      if (!t.matches("[/／…．.、—\\-]+")) {
        onlyPlaceholders = false;
      }
    }
    if (onlyLabels) {
      readLevels(row, row.size());
    } else if (!readingCut && nameOnly(row)) {
      readLevels(row, headerAt.get("name"));
      Warning w = new Warning("ROW_VALUES_EMPTY", "indicator row whose cells after its name are "
          + "empty (not printed, or left empty by the layout reader) before other rows: its "
          + "levels and name kept, its figures null: " + row.describe(), row.line());
      warnings.add(w);
      unconfirmed.add(out.size());
      unconfirmedWarnings.add(w);
      out.add(new Indicator(out.size(), level1, level1Weight, level2, row.text(headerAt.get(
          "name")), null, null, null, null, null, null, null, List.of(), row.line()));
    } else if (!onlyPlaceholders) {
      warnings.add(new Warning("ROW_NOT_UNDERSTOOD", "indicator row without a numeric 分值 and "
          + "得分 (header has " + headerWidth + " columns): " + row.describe(), row.line()));
    }
  }
}
