package io.selfeval.extract;

import io.selfeval.extract.vocab.Vocabulary;
import io.selfeval.model.Budget;
import io.selfeval.model.Indicator;
import io.selfeval.model.Warning;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the indicator rows of a table whose header is not in the document: a table continued
 * after a page break that does not repeat its header, or an excerpt that starts mid-table. With
 * no header to say which column a cell is under, a row is read only where its shape says it:
 * level names from the vocabulary ({@code flat_level1_names}, {@code flat_level2_names}), a
 * name, an optional 指标性质 cell ({@code indicator_nature_values}), a target that carries a
 * comparator or a unit (or any text after a 指标性质 cell), then exactly three cells — 实际完成值,
 * 分值, 得分 — whose last two are numbers with 得分 ≤ 分值, and at most a text cell after them
 * (the deviation reason); a text target without either only where the table's other rows fixed
 * the columns ({@link #read}). A row with only two cells after its
 * target fits two readings (分值 and 得分, or 实际完成值 and 分值): it is left out with
 * HEADERLESS_ROW_AMBIGUOUS. A row with no numbers is tried with the next one (a row wrapped over
 * two lines). The table must end in a 总分 or 合计 row, hold two rows read and one level name;
 * where the rows' 分值 or 得分 add up to more than the total row's, nothing is placed.
 */
final class HeaderlessRows {

  /** A target cell: a comparator before a number, or a number followed by a unit. */
  private static final Pattern TARGET = Pattern.compile(
      "[≥≤≧≦＞＜><=＝═]{1,2}[0-9.]+.{0,6}|[0-9.]+(?:%|‰|\\p{IsHan}{1,4})");
  private static final Pattern COMPARATOR = Pattern.compile("[≥≤≧≦＞＜><=＝═]{1,2}");
  private static final Pattern UNIT = Pattern.compile("[\\p{IsHan}%‰a-zA-Z/]{1,6}");
  private static final Pattern POINTS = Pattern.compile("[(（][0-9.]+分[)）]$");
  /** Fewest rows read for a table to be taken as a headerless tail. */
  private static final int MIN_ROWS = 2;

  private final List<Warning> warnings = new ArrayList<>();
  private final List<Indicator> indicators = new ArrayList<>();
  /** Whether a target may be any text: the table's other rows fixed its columns. */
  private final boolean textTargets;
  private String level1;
  private String level2;
  private boolean levelSeen;
  /** Rows read whose target is one cell with a comparator or a unit. */
  private int oneCellTargets;
  /** Rows read whose target is split over cells or follows a 指标性质 cell. */
  private int otherTargets;

  private HeaderlessRows(boolean textTargets) {
    this.textTargets = textTargets;
  }

  /**
   * The rows of a table with no header, read as a form of {@code kind} with no budget block and
   * no names; null when the table is not such a tail. When two rows or more were read and every
   * one has its target in one cell right after its name (name | target | actual | 分值 | 得分),
   * those rows fix the table's columns, and a row of the same cells whose target is text
   * without a comparator or unit (明显提升) is read too.
   */
  static ParsedForm read(TableBlock block, String kind) {
    HeaderlessRows strict = new HeaderlessRows(false);
    ParsedForm form = strict.readBlock(block, kind);
    if (form == null || strict.oneCellTargets < MIN_ROWS || strict.otherTargets > 0) {
      return form;
    }
    return new HeaderlessRows(true).readBlock(block, kind);
  }

  private ParsedForm readBlock(TableBlock block, String kind) {
    List<TableRow> rows = block.rows();
    TotalReader totals = new TotalReader(warnings);
    int r = 0;
    while (r < rows.size()) {
      TableRow row = rows.get(r);
      if (TotalReader.isTotalRow(row) || TotalReader.isSumRow(row)) {
        if (TotalReader.isTotalRow(row)) {
          totals.readTotalRow(row);
        } else {
          totals.readSumRow(row);
        }
        break;
      }
      r += readRow(row, r + 1 < rows.size() ? rows.get(r + 1) : null);
    }
    if (!totals.rowRead() || indicators.size() < MIN_ROWS || !levelSeen) {
      return null;
    }
    totals.finish(indicators, null, null);
    List<Indicator> placed = checkSums(totals);
    warnings.add(0, new Warning("HEADERLESS_ROWS", "a table with no header above its rows: "
        + placed.size() + " indicator rows read by their shape", block.firstLine()));
    return new ParsedForm(kind, null, null, null, Budget.empty(), null, List.copyOf(placed),
        totals.total(), totals.totalWeight(), totals.grade(), block.firstLine(),
        totals.lastLine(), List.copyOf(warnings));
  }

  /** Reads one row, or it with the next when it holds no numbers; returns the rows used. */
  private int readRow(TableRow row, TableRow next) {
    List<Cell> cells = filled(row.cells());
    if (readCells(cells, row.line())) {
      return 1;
    }
    if (next != null && !hasNumber(cells) && !TotalReader.isTotalRow(next)
        && !TotalReader.isSumRow(next)) {
      List<Cell> joined = new ArrayList<>(cells);
      joined.addAll(filled(next.cells()));
      if (levelCount(filled(next.cells())) == 0 && readCells(joined, row.line())) {
        return 2;
      }
    }
    if (hasNumber(cells)) {
      String code = ambiguous(cells) ? "HEADERLESS_ROW_AMBIGUOUS" : "ROW_NOT_UNDERSTOOD";
      warnings.add(new Warning(code, "a row with no header above it whose numbers cannot be "
          + "placed by its shape; left out: " + row.describe(), row.line()));
    }
    return 1;
  }

  /** Reads a row's filled cells when their shape is the one the class names. */
  private boolean readCells(List<Cell> cells, int line) {
    int levels = levelCount(cells);
    int at = levels;
    if (at >= cells.size() || !isName(cells.get(at).compact())) {
      return false;
    }
    final String name = cells.get(at++).text();
    boolean nature = at < cells.size()
        && Vocabulary.isExactLabel("indicator_nature_values", cells.get(at).compact());
    at += nature ? 1 : 0;
    int targetEnd = targetEnd(cells, at, nature || textTargets);
    int after = targetEnd < 0 ? -1 : cells.size() - targetEnd;
    String reason = after == 4 ? cells.get(cells.size() - 1).text() : null;
    if (after != 3 && (after != 4 || Texts.number(reason) != null)) {
      return false;
    }
    BigDecimal weight = Texts.number(cells.get(targetEnd + 1).text());
    BigDecimal score = Texts.number(cells.get(targetEnd + 2).text());
    if (weight == null || score == null || score.compareTo(weight) > 0) {
      return false;
    }
    readLevels(cells.subList(0, levels));
    if (nature || targetEnd - at > 1) {
      otherTargets++;
    } else if (TARGET.matcher(cells.get(at).compact()).matches()) {
      oneCellTargets++;
    }
    indicators.add(new Indicator(indicators.size(), level1, null, level2, name,
        target(cells.subList(at, targetEnd)), cells.get(targetEnd).text(), weight, score,
        cells.get(targetEnd + 1).text(), cells.get(targetEnd + 2).text(), reason, List.of(),
        line));
    return true;
  }

  /**
   * The index after a row's target starting at {@code at}: comparator, number and unit in
   * separate cells; one cell with a comparator or a unit; any text (not a number) when
   * {@code anyText} (after a 指标性质 cell, or in a table whose rows fixed the columns). -1 when
   * no target stands there.
   */
  private static int targetEnd(List<Cell> cells, int at, boolean anyText) {
    if (at >= cells.size()) {
      return -1;
    }
    String first = cells.get(at).compact();
    if (COMPARATOR.matcher(first).matches() && at + 1 < cells.size()
        && Texts.number(cells.get(at + 1).text()) != null) {
      boolean unit = at + 2 < cells.size() && UNIT.matcher(cells.get(at + 2).compact()).matches()
          && Texts.number(cells.get(at + 2).text()) == null;
      return at + (unit ? 3 : 2);
    }
    if (TARGET.matcher(first).matches() || anyText && Texts.number(first) == null) {
      return at + 1;
    }
    return -1;
  }

  /** The target as one text: a comparator normalised, value and unit joined. */
  private String target(List<Cell> cells) {
    if (cells.size() == 1) {
      return cells.get(0).text();
    }
    StringBuilder sb = new StringBuilder();
    for (Cell c : cells) {
      sb.append(c.text());
    }
    String joined = sb.toString().replace('≧', '≥').replace('≦', '≤').replace('＞', '>')
        .replace('＜', '<').replace('＝', '=').replace('═', '=');
    warnings.add(new Warning("COMPARATOR_JOINED", "a target printed in separate cells was "
        + "read as one: " + joined, cells.get(0).line()));
    return joined;
  }

  /**
   * Two level names are 一级 and 二级; a lone one is 一级 when {@code flat_level1_names} lists it,
   * else 二级 under the 一级 above. A row with none inherits both (merged cells).
   */
  private void readLevels(List<Cell> labels) {
    if (labels.isEmpty()) {
      return;
    }
    levelSeen = true;
    String first = levelName(labels.get(0).compact());
    if (labels.size() >= 2) {
      level1 = first;
      level2 = levelName(labels.get(1).compact());
    } else if (Vocabulary.isExactLabel("flat_level1_names", first)) {
      level1 = first;
      level2 = null;
    } else {
      level2 = first;
    }
  }

  /** The leading cells that are level names (at most two). */
  private static int levelCount(List<Cell> cells) {
    int n = 0;
    while (n < cells.size() && n < 2 && isLevel(cells.get(n).compact())) {
      n++;
    }
    return n;
  }

  private static boolean isLevel(String compact) {
    String name = levelName(compact);
    return Vocabulary.isExactLabel("flat_level1_names", name)
        || Vocabulary.isExactLabel("flat_level2_names", name);
  }

  /** A level label without its points: 产出指标(50分) is 产出指标. */
  private static String levelName(String compact) {
    return POINTS.matcher(compact).replaceFirst("");
  }

  /** An indicator's name: text, not a number, a comparator, a target or a level name. */
  private static boolean isName(String compact) {
    return !compact.isEmpty() && Texts.number(compact) == null
        && !COMPARATOR.matcher(compact).matches() && !TARGET.matcher(compact).matches()
        && !isLevel(compact);
  }

  /**
   * Two numbers at the row's end (before a reason, if any) with a target before them and nothing
   * between.
   */
  private static boolean ambiguous(List<Cell> cells) {
    int n = cells.size() - (Texts.number(cells.get(cells.size() - 1).text()) == null ? 1 : 0);
    return n >= 3 && Texts.number(cells.get(n - 1).text()) != null
        && Texts.number(cells.get(n - 2).text()) != null
        && TARGET.matcher(cells.get(n - 3).compact()).matches();
  }

  /**
   * The rows as read, or with their 分值 and 得分 null when they add up to more than the total
   * row's weight or total: a tail is part of its form, never more.
   */
  private List<Indicator> checkSums(TotalReader totals) {
    BigDecimal weights = BigDecimal.ZERO;
    BigDecimal scores = BigDecimal.ZERO;
    for (Indicator i : indicators) {
      weights = weights.add(i.weight());
      scores = scores.add(i.score());
    }
    boolean over = exceeds(weights, totals.totalWeight()) || exceeds(scores, totals.total());
    if (!over) {
      return indicators;
    }
    warnings.add(new Warning("HEADERLESS_SUMS_DISAGREE", "the rows' 分值 (" + weights
        + ") or 得分 (" + scores + ") add up to more than the total row's; left null",
        indicators.get(0).line()));
    List<Indicator> out = new ArrayList<>();
    for (Indicator i : indicators) {
      out.add(new Indicator(i.position(), i.level1(), null, i.level2(), i.name(),
          i.targetText(), i.actualText(), null, null, i.weightText(), i.scoreText(), null,
          i.inherited(), i.line()));
    }
    return out;
  }

  private static boolean exceeds(BigDecimal sum, io.selfeval.model.Figure total) {
    return total != null && total.value() != null && sum.compareTo(total.value()) > 0;
  }

  private static List<Cell> filled(List<Cell> cells) {
    return cells.stream().filter(c -> c.text() != null).toList();
  }

  private static boolean hasNumber(List<Cell> cells) {
    return cells.stream().anyMatch(c -> Texts.number(c.text()) != null);
  }
}
