package io.selfeval.extract;

import io.selfeval.extract.vocab.Vocabulary;
import io.selfeval.model.Budget;
import io.selfeval.model.BudgetLine;
import io.selfeval.model.Figure;
import io.selfeval.model.Goals;
import io.selfeval.model.Indicator;
import io.selfeval.model.Warning;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one self-evaluation form (整体支出 or 项目支出 绩效自评表) from its table rows: the names,
 * the budget block, the goals, the indicator rows and the total. Rows are read by what their cells
 * say, not only where they stand, because printed tables shift cells and merge them.
 */
final class FormParser {

  private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})年");
  private static final Pattern LEVEL_WITH_POINTS =
      Pattern.compile("^(.*?)[(（](\\d+(?:\\.\\d+)?)分[)）]$");
  private static final Pattern LEVEL1 = Pattern.compile("^(产出|效益|满意度|效果|影响|成本)指标.*");
  private static final Pattern LEVEL2 = Pattern.compile(
      "^(数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度|"
          + "经济成本|社会成本|生态环境成本|效益)指标.*|.*指标$");
  /** What stands in an empty cell: '/', '—', '…' and the like. */
  private static final String PLACEHOLDER = "[/／\\\\…．.、—\\-]+";
  private static final Pattern LABELLED_AMOUNT =
      Pattern.compile("^(?:其中[:：])?(.+?)[:：]([+-]?[0-9.,]+)$");

  private final TableBlock block;
  private final String kind;
  private final List<Warning> warnings = new ArrayList<>();

  private String unitName;
  /** The unit a head field names ({@code 单位名称:X} above the table): the unit that reports. */
  private String headUnit;
  private String projectName;
  private boolean unitFromImplementing;
  private boolean unitFromParent;
  private Columns budgetColumns;
  private TableRow budgetHeader;
  /** The row above named 一级指标 but no 三级指标: the first row of a two-row header. */
  private boolean level1Above;
  private String amountUnit;
  private Figure initial;
  private Figure adjusted;
  private Figure executed;
  private Figure weight;
  private Figure rate;
  private Figure score;
  private final List<BudgetLine> budgetLines = new ArrayList<>();
  private Goals goals;
  private final List<Indicator> indicators = new ArrayList<>();
  private final TotalReader totals = new TotalReader(warnings);
  /** A budget total row whose cells do not line up: placed once the whole form is read. */
  private TableRow misfitRow;
  private int misfitLabelAt;
  private int[] misfitOwn;
  /** A budget row's label printed on a line of its own: its numbers are on the next row. */
  private Cell pendingLabel;
  private int lineEnd;

  private FormParser(TableBlock block, String kind) {
    this.block = block;
    this.kind = kind;
  }

  static ParsedForm parse(TableBlock block, String kind) {
    return new FormParser(block, kind).read();
  }

  private enum Section { HEAD, BUDGET, GOALS, AFTER_GOALS, INDICATORS, DONE }

  private ParsedForm read() {
    Section section = Section.HEAD;
    IndicatorReader indicatorReader = null;
    lineEnd = block.lastLine();
    for (TableRow row : block.rows()) {
      if (section == Section.DONE) {
        if (!row.isEmpty() && !TotalReader.isSignOff(row)) {
          warn("CELLS_AFTER_TOTAL", "cells after the total row ignored: " + row.describe(),
              row.line());
        }
        continue;
      }
      readNames(row);
      totals.lookForField(row);
      Columns header = section == Section.INDICATORS ? null : Columns.ofBudgetHeader(row);
      if (header != null) {
        budgetColumns = header;
        budgetHeader = row;
        amountUnit = amountUnitOf(row, false);
        if (amountUnit == null) {
          // OCR reads 元 as 兀: in a header's unit (万兀, (兀), 单位:兀) nothing else is meant
          amountUnit = amountUnitOf(row, true);
          if (amountUnit != null) {
            warn("OCR_CORRECTED", "the budget header's amount unit printed with 兀 read as "
                + amountUnit + " (OCR's 兀 for 元)", row.line());
          }
        }
        section = Section.BUDGET;
        continue;
      }
      if (TotalReader.isTotalRow(row)
          || section == Section.INDICATORS && TotalReader.isSumRow(row)) {
        if (TotalReader.isTotalRow(row)) {
          totals.readTotalRow(row);
        } else {
          totals.readSumRow(row);
        }
        lineEnd = totals.lastLine();
        section = Section.DONE;
        continue;
      }
      boolean level1Column = row.find(c -> c.contains("一级指标")
          || "level1".equals(Vocabulary.indicatorColumn(c))) >= 0;
      if (row.find(c -> c.contains("三级指标")) >= 0 && (level1Column || level1Above)) {
        if (indicatorReader != null) {
          indicatorReader.finish();
        }
        indicatorReader = new IndicatorReader(row, indicators,
            warnings);
        section = Section.INDICATORS;
        level1Above = false;
        continue;
      }
      // a header printed over two rows (绩效指标 | 一级指标 above 二级指标 | 三级指标 | …, as a web
      // page's merged cells leave it)
      level1Above = level1Column && section != Section.INDICATORS;
      if (level1Above) {
        continue;
      }
      if (row.find(c -> c.contains("预期目标")) >= 0) {
        section = Section.GOALS;
        continue;
      }
      switch (section) {
        case BUDGET -> readBudgetRow(row);
        case GOALS -> {
          readGoals(row);
          section = Section.AFTER_GOALS;
        }
        case INDICATORS -> {
          if (block.truncated() && row == block.rows().get(block.rows().size() - 1)
              && !TotalReader.isSignOff(row)) {
            indicatorReader.readCut(row);
          } else {
            indicatorReader.read(row);
          }
        }
        default -> {
          // rows outside the blocks this parser reads
        }
      }
    }
    if (indicatorReader != null) {
      indicatorReader.finish();
    }
    if (!totals.rowRead() && block.truncated()) {
      warn("TRUNCATED_TABLE", "the document ends inside this table; no total row", lineEnd);
    } else if (!totals.rowRead() && !indicators.isEmpty()) {
      warn("NO_TOTAL_ROW", "no 总分 row found", lineEnd);
    }
    if (amountUnit == null) {
      amountUnit = "万元";
      if (initial != null) {
        warn("AMOUNT_UNIT_ASSUMED", "the budget block names no unit; 万元 assumed",
            initial.line());
      }
    }
    if (misfitRow != null) {
      placeMisfitRow();
    }
    totals.finish(indicators, weight, score);
    Budget budget = new Budget(initial, adjusted, executed, weight, rate, score, amountUnit,
        List.copyOf(budgetLines));
    return new ParsedForm(kind, headUnit != null ? headUnit : unitName, projectName,
        yearOf(block.title()), budget, goals,
        List.copyOf(indicators), totals.total(), totals.totalWeight(), totals.grade(),
        block.titleLine(), lineEnd,
        warnings);
  }

  static Integer yearOf(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = YEAR.matcher(Texts.compact(text));
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /** A remark after a label: "实施单位(盖章)", "单位名称：". */
  private static final Pattern LABEL_REMARK =
      Pattern.compile("(?:[(（](?:盖章|公章|签章|章)[)）])?[:：]?$");

  /**
   * Names by their labels ({@code unit_labels}, {@code implementing_labels},
   * {@code project_labels} in vocabulary.json). A project form's unit is its 实施单位, else the
   * unit a 单位名称-like label names; 主管部门 is the parent department, the unit only of a unit
   * form that names no other. A head field printed as label and value in one cell
   * ({@code 单位名称:X 填报日期:Y} above the table) names the unit that reports: it comes first.
   * Values are cut before the next field's label or a checkbox ({@link FieldText}).
   */
  private void readNames(TableRow row) {
    for (Cell c : row.cells()) {
      String field = headUnit == null ? FieldText.unitField(c.text()) : null;
      if (field != null) {
        headUnit = field;
      }
    }
    for (int i = 0; i + 1 < row.size(); i++) {
      String label = LABEL_REMARK.matcher(row.cells().get(i).compact()).replaceFirst("");
      String value = FieldText.untilNextField(row.text(i + 1));
      if (value == null || label.isEmpty()) {
        continue;
      }
      boolean project = FormKind.PROJECT.equals(kind);
      if (Vocabulary.isExactLabel("project_labels", label)) {
        projectName = value;
      } else if (Vocabulary.isExactLabel("implementing_labels", label)) {
        if (project) {
          unitName = value;
          unitFromImplementing = true;
        }
      } else if (label.equals("主管部门")) {
        if (!project && unitName == null) {
          unitName = value;
          unitFromParent = true;
        }
      } else if (Vocabulary.isExactLabel("unit_labels", label)
          && (unitName == null || unitFromParent) && !unitFromImplementing) {
        unitName = value;
        unitFromParent = false;
      }
    }
  }

  /** The amount unit the budget header names; {@code ocr}: with 兀 read as 元. */
  private static String amountUnitOf(TableRow header, boolean ocr) {
    for (Cell c : header.cells()) {
      String t = ocr ? c.compact().replace('兀', '元') : c.compact();
      if (t.contains("万元")) {
        return "万元";
      }
      if (t.contains("(元)") || t.contains("单位:元")) {
        return "元";
      }
    }
    return null;
  }

  private void readBudgetRow(TableRow row) {
    int labelAt = -1;
    for (int i = 0; i < row.size(); i++) {
      if (row.text(i) != null && Texts.number(row.text(i)) == null) {
        labelAt = i;
        break;
      }
    }
    Cell pending = pendingLabel;
    pendingLabel = null;
    if (pending != null && !row.isEmpty() && row.cells().stream().allMatch(c -> c.text() == null
        || Texts.number(c.text()) != null || Texts.fraction(c.text()) != null)) {
      // a row split over two lines: its label alone, then its numbers (a web page's cells)
      List<Cell> joined = new ArrayList<>();
      joined.add(pending);
      row.cells().stream().filter(c -> c.text() != null).forEach(joined::add);
      warn("BUDGET_ROW_SPLIT", "a budget row printed over two lines (its label, then its "
          + "numbers) read as one: " + pending.text(), row.line());
      readBudgetRow(new TableRow(joined));
      return;
    }
    String alone = labelAt >= 0 && onlyCell(row, labelAt) ? row.cells().get(labelAt).compact()
        : null;
    if (alone != null && !alone.matches(".*[0-9].*")
        && (Vocabulary.isLabel("budget_total_labels", alone) || sourceCategory(alone) != null)) {
      pendingLabel = row.cells().get(labelAt);
      return;
    }
    if (labelAt < 0) {
      if (!row.isEmpty()) {
        warn("ROW_NOT_UNDERSTOOD", "budget row without a label: " + row.describe(), row.line());
      }
      return;
    }
    Cell labelCell = row.cells().get(labelAt);
    String label = labelCell.compact();
    if (Vocabulary.isLabel("budget_total_labels", label)) {
      readTotalRow(row, labelAt);
      return;
    }
    String category = sourceCategory(label);
    if (category != null && !LABELLED_AMOUNT.matcher(label).matches()) {
      Figure i = figure(row, budgetColumns.at(labelAt, Columns.INITIAL), false);
      Figure a = figure(row, budgetColumns.at(labelAt, Columns.ADJUSTED), false);
      Figure e = figure(row, budgetColumns.at(labelAt, Columns.EXECUTED), false);
      int[] own = ownCells(labelAt);
      final int cells = row.size() - labelAt - 1;
      if (Arrays.stream(own).anyMatch(k -> k >= cells)
          && cells > amountColumns()) {
        // more cells than the amounts, fewer than the header (an empty cell dropped): by
        // position is no reading
        Figure[] f = new BudgetPlacer(budgetColumns, new ArrayList<>())
            .place(row.cells().subList(labelAt + 1, row.size()), own, row.line());
        i = f[Columns.INITIAL];
        a = f[Columns.ADJUSTED];
        e = f[Columns.EXECUTED];
      }
      if (i != null || a != null || e != null) {
        budgetLines.add(new BudgetLine(category, labelCell.text(), i, a, e, null,
            labelCell.line()));
      }
      return;
    }
    for (Cell c : row.cells()) {
      Matcher m = LABELLED_AMOUNT.matcher(c.compact());
      if (!m.matches() || m.group(1).startsWith("按") || Texts.number(m.group(2)) == null) {
        continue;
      }
      String amountText = Texts.clean(c.text().substring(c.text().lastIndexOf(
          c.text().contains("：") ? "：" : ":") + 1));
      budgetLines.add(new BudgetLine(natureCategory(m.group(1)), m.group(1), null, null, null,
          new Figure(Texts.number(amountText), amountText, c.line()), c.line()));
    }
  }

  private int amountColumns() {
    return (budgetColumns.has(Columns.INITIAL) ? 1 : 0)
        + (budgetColumns.has(Columns.ADJUSTED) ? 1 : 0)
        + (budgetColumns.has(Columns.EXECUTED) ? 1 : 0);
  }

  /** True when the row's only non-empty cell is cell {@code at}. */
  private static boolean onlyCell(TableRow row, int at) {
    for (int i = 0; i < row.size(); i++) {
      if (i != at && row.text(i) != null) {
        return false;
      }
    }
    return true;
  }

  /**
   * The budget total row: read by position when every column has its cell; placed by the form's
   * arithmetic ({@link BudgetPlacer}) when cells were dropped or glued together.
   */
  private int[] ownCells(int labelAt) {
    int[] own = new int[6];
    for (int k = 0; k < 6; k++) {
      int at = budgetColumns.at(labelAt, k);
      own[k] = at < 0 ? -1 : at - labelAt - 1;
    }
    return own;
  }

  private void readTotalRow(TableRow row, int labelAt) {
    int[] own = ownCells(labelAt);
    boolean misfit = false;
    for (int k = 0; k < 6; k++) {
      int at = budgetColumns.at(labelAt, k);
      misfit |= at >= row.size();
      String t = at < 0 || at >= row.size() ? null : row.text(at);
      misfit |= t != null && (k == Columns.RATE ? Texts.fraction(t) : Texts.number(t)) == null
          && Texts.compact(t).matches("[0-9.%]{4,}");
    }
    if (misfit) {
      misfitRow = row;
      misfitLabelAt = labelAt;
      misfitOwn = own;
      return;
    }
    Figure[] ocr = ocrCorrections(row, labelAt, own);
    initial = ocr[Columns.INITIAL] != null ? ocr[Columns.INITIAL]
        : figure(row, budgetColumns.at(labelAt, Columns.INITIAL), false);
    adjusted = ocr[Columns.ADJUSTED] != null ? ocr[Columns.ADJUSTED]
        : figure(row, budgetColumns.at(labelAt, Columns.ADJUSTED), false);
    executed = ocr[Columns.EXECUTED] != null ? ocr[Columns.EXECUTED]
        : figure(row, budgetColumns.at(labelAt, Columns.EXECUTED), false);
    weight = ocr[Columns.WEIGHT] != null ? ocr[Columns.WEIGHT]
        : figure(row, budgetColumns.at(labelAt, Columns.WEIGHT), false);
    rate = ocr[Columns.RATE] != null ? ocr[Columns.RATE]
        : figure(row, budgetColumns.at(labelAt, Columns.RATE), true);
    if (ocr[Columns.RATE] == null && budgetColumns.ratePercent() && rate != null
        && rate.value() != null && !rate.text().contains("%")) {
      rate = new Figure(Texts.number(rate.text()).movePointLeft(2).stripTrailingZeros(),
          rate.text(), rate.line());
    }
    score = ocr[Columns.SCORE] != null ? ocr[Columns.SCORE]
        : figure(row, budgetColumns.at(labelAt, Columns.SCORE), false);
    rate = bareRate(rate);
    if (weight == null && !budgetColumns.has(Columns.WEIGHT)) {
      weight = weightFromHeader();
    }
  }

  /** A rate over 150 % printed without '%' is far more likely a percentage than a fraction. */
  private static final BigDecimal BARE_RATE_LIMIT = new BigDecimal("1.5");
  /** How far a percentage printed to the unit may stand from 执行数 / 预算数. */
  private static final BigDecimal RATE_TOLERANCE = new BigDecimal("0.0051");
  /** A budget 得分 is printed to the cent. */
  private static final BigDecimal SCORE_TOLERANCE = new BigDecimal("0.01");

  /**
   * A rate printed as a bare number above 1.5 under a header without (%) ({@code 20} for 20 %):
   * read as a percentage only when 执行数 / 预算数 of the row confirms it, or 分值 × it gives the
   * row's 得分 to the cent (the amounts unread), else its value is left null; either way warned
   * {@code RATE_BARE_PERCENT}.
   */
  private Figure bareRate(Figure printed) {
    if (printed == null || printed.value() == null || printed.text().contains("%")
        || printed.value().compareTo(BARE_RATE_LIMIT) <= 0) {
      return printed;
    }
    Figure budget = adjusted != null && adjusted.value() != null ? adjusted : initial;
    BigDecimal percent = printed.value().movePointLeft(2).stripTrailingZeros();
    boolean confirmed = budget != null && budget.value() != null && executed != null
        && executed.value() != null && budget.value().signum() > 0
        && executed.value().divide(budget.value(), 6, RoundingMode.HALF_UP).subtract(percent)
        .abs().compareTo(RATE_TOLERANCE) <= 0;
    boolean scored = !confirmed && weight != null && weight.value() != null && score != null
        && score.value() != null && weight.value().multiply(percent).subtract(score.value())
        .abs().compareTo(SCORE_TOLERANCE) <= 0;
    confirmed |= scored;
    warn("RATE_BARE_PERCENT", "执行率 printed as a bare " + printed.text() + (confirmed
        ? ": read as " + printed.text() + " %, as " + (scored ? "分值 × 执行率 = 得分"
        : "执行数 / 预算数") + " confirms"
        : ": neither a fraction nor a percentage the row confirms; left unread"),
        printed.line());
    return confirmed ? new Figure(percent, printed.text(), printed.line(), Figure.CONFIRMED)
        : new Figure(null, printed.text(), printed.line());
  }

  /**
   * The budget block's points in its header ({@code 预算执行情况(万元)(20分)}, or the 得分 cell's
   * formula {@code 得分(20分*执行率)}).
   */
  private static final Pattern HEADER_POINTS =
      Pattern.compile("[(（](\\d+(?:\\.\\d+)?)分(?:[)）]|[*×xX]执行率[)）])");

  /**
   * The budget 分值 of a header without a 分值 column, printed as the block's points in a header
   * cell: read only when one value is printed and the row's 得分 does not exceed it (warning
   * {@code BUDGET_WEIGHT_FROM_HEADER}); null otherwise.
   */
  private Figure weightFromHeader() {
    BigDecimal found = null;
    Cell at = null;
    for (Cell c : budgetHeader.cells()) {
      Matcher m = HEADER_POINTS.matcher(c.compact());
      while (m.find()) {
        BigDecimal v = new BigDecimal(m.group(1));
        if (found != null && found.compareTo(v) != 0) {
          return null;
        }
        found = v;
        at = c;
      }
    }
    if (found == null || score != null && score.value() != null
        && score.value().compareTo(found) > 0) {
      return null;
    }
    warn("BUDGET_WEIGHT_FROM_HEADER", "no 分值 column; the budget block's points in its "
        + "header were read as its 分值: " + found.toPlainString(), at.line());
    return new Figure(found, found.toPlainString(), at.line());
  }

  /**
   * Figures of a budget row's cells that OCR misread (I/l for 1, O for 0: {@code IO},
   * {@code 9O%}), corrected only where the row's identities confirm the corrected number in its
   * own column ({@link BudgetPlacer}); null elsewhere, so those cells are read as printed.
   */
  private Figure[] ocrCorrections(TableRow row, int labelAt, int[] own) {
    Figure[] out = new Figure[6];
    boolean any = false;
    for (int k = 0; k < 6; k++) {
      String t = row.text(budgetColumns.at(labelAt, k));
      any |= t != null && Texts.number(t) == null && Texts.fraction(t) == null
          && BudgetPlacer.ocrDigits(Texts.compact(t)) != null;
    }
    if (!any) {
      return out;
    }
    List<Warning> scratch = new ArrayList<>();
    Figure[] placed = new BudgetPlacer(budgetColumns, scratch)
        .place(row.cells().subList(labelAt + 1, row.size()), own, row.line());
    for (int k = 0; k < 6; k++) {
      String t = row.text(budgetColumns.at(labelAt, k));
      if (t != null && placed[k] != null && placed[k].text().equals(t)
          && BudgetPlacer.ocrDigits(Texts.compact(t)) != null) {
        out[k] = placed[k];
      }
    }
    for (Warning w : scratch) {
      if (w.code().equals("OCR_CORRECTED")) {
        warnings.add(w);
      }
    }
    return out;
  }

  /**
   * Places the budget total row by the identities, with two more from the rest of the form:
   * the budget 分值 is the total weight less the indicator weights, and the budget 得分 the total
   * less the indicator scores (when the form prints all of them).
   */
  private void placeMisfitRow() {
    BudgetPlacer placer = new BudgetPlacer(budgetColumns, warnings);
    placer.expectFromForm(indicators, totals.totalWeight(), totals.total());
    Figure[] f = placer.place(misfitRow.cells().subList(misfitLabelAt + 1, misfitRow.size()),
        misfitOwn, misfitRow.line());
    initial = f[Columns.INITIAL];
    adjusted = f[Columns.ADJUSTED];
    executed = f[Columns.EXECUTED];
    weight = f[Columns.WEIGHT];
    rate = f[Columns.RATE];
    score = f[Columns.SCORE];
  }

  private static String sourceCategory(String label) {
    if (label.contains("当年财政拨款") || label.contains("财政拨款")) {
      return "current_year_appropriation";
    }
    if (label.contains("上年结转")) {
      return "prior_year_carryover";
    }
    if (label.startsWith("其他资金")) {
      return "other_funds";
    }
    return null;
  }

  private static String natureCategory(String label) {
    if (label.contains("一般公共预算")) {
      return "general_public_budget";
    }
    if (label.contains("政府性基金")) {
      return "government_fund";
    }
    if (label.contains("非税收入")) {
      return "special_account_non_tax";
    }
    if (label.startsWith("其他资")) {
      return "other_funds";
    }
    if (label.contains("基本支出")) {
      return "basic_expenditure";
    }
    if (label.contains("项目支出")) {
      return "project_expenditure";
    }
    return "other";
  }

  /** The figure in a budget cell, its text kept as printed; a warning when it is no number. */
  private Figure figure(TableRow row, int index, boolean asFraction) {
    if (index < 0 || index >= row.size() || row.text(index) == null) {
      return null;
    }
    Cell c = row.cells().get(index);
    Figure f = new Figure(asFraction ? Texts.fraction(c.text()) : Texts.number(c.text()),
        c.text(), c.line());
    if (f.value() == null && !c.compact().matches(PLACEHOLDER)) {
      warn("NUMBER_UNREADABLE", "budget cell is not a number (kept as text): " + c.text(),
          c.line());
    }
    return f;
  }

  private void readGoals(TableRow row) {
    List<Cell> texts = new ArrayList<>();
    for (Cell c : row.cells()) {
      if (c.text() != null && !c.compact().equals("年度总体目标")) {
        texts.add(c);
      }
    }
    if (!texts.isEmpty()) {
      goals = new Goals(texts.get(0).text(), texts.size() > 1 ? texts.get(1).text() : null,
          texts.get(0).line());
    }
  }

  /** 一级/二级指标 label split from its points: "产出指标(50分)" is ("产出指标", 50). */
  static String[] levelAndPoints(String compact) {
    Matcher m = LEVEL_WITH_POINTS.matcher(compact);
    return m.matches() ? new String[] {m.group(1), m.group(2)} : new String[] {compact, null};
  }

  static boolean isLevel1(String compact) {
    return LEVEL1.matcher(compact).matches() && !compact.contains("一级指标");
  }

  /** 产出/效益/满意度指标: never a 二级指标. */
  static boolean isStrictLevel1(String compact) {
    return isLevel1(compact) && !compact.startsWith("成本");
  }

  static boolean isLevel2(String compact) {
    return LEVEL2.matcher(compact).matches() && !isStrictLevel1(compact)
        && !compact.contains("二级指标") && !compact.equals("绩效指标");
  }

  private void warn(String code, String message, int line) {
    warnings.add(new Warning(code, message, line));
  }
}
