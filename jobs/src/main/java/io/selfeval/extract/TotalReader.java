package io.selfeval.extract;

import io.selfeval.extract.vocab.Vocabulary;
import io.selfeval.model.Figure;
import io.selfeval.model.Grade;
import io.selfeval.model.Indicator;
import io.selfeval.model.Warning;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The totals of a form and the foot under them, where real forms print them: a 总分 row (total
 * weight, total, grade: {@code 总分 | 100 | 96 | 优}), a 合计 row closing the indicator table,
 * a header field ({@code 自评得分：98}), and the sign-off rows (负责人, 填表人, 联系电话 …,
 * {@code sign_off_labels} in vocabulary.json) under the total. A 合计 row with a single number is
 * the total weight or the total only where the form's own sums say which; otherwise it is left
 * null with a warning.
 */
final class TotalReader {

  private static final Pattern GRADE = Pattern.compile("(?:等级|评级|评价等级)?[:：]?(优|良|中|差)");
  /** A label and its number in one cell: "自评得分：98", "总分:95分". */
  private static final Pattern FIELD = Pattern.compile("^(.+?)[:：]([0-9]+(?:\\.[0-9]+)?)分?$");
  /**
   * A total field without a colon, or its label in a cell of its own: "项目总得分99分",
   * "自评总分(分)97.6", "自评得分 | 98". The label is one of {@code total_field_labels} other than a
   * bare 总分 (a 总分 row's label), after at most a short prefix (项目, 部门); group 3 the number.
   */
  private static final Pattern LOOSE_FIELD = Pattern.compile(
      "^([\\p{IsHan}]{0,4}?)(" + fieldLabelsButTotalRow() + ")(?:[(（]分[)）])?[:：]?"
          + "((?:[0-9]{1,3})(?:\\.[0-9]+)?)?分?$");
  private static final BigDecimal MAX_FIELD_TOTAL = BigDecimal.valueOf(100);

  /** {@code total_field_labels} but a bare 总分 (a 总分 row's label), as regex alternatives. */
  private static String fieldLabelsButTotalRow() {
    return Vocabulary.labels("total_field_labels").stream().filter(l -> !l.equals("总分"))
        .map(Pattern::quote).collect(Collectors.joining("|"));
  }

  private final List<Warning> warnings;
  private Figure total;
  private Figure totalWeight;
  private Grade grade;
  private Figure fieldTotal;
  private TableRow sumRow;
  private int lastLine = -1;

  TotalReader(List<Warning> warnings) {
    this.warnings = warnings;
  }

  /** A row labelled 总分 (总分值, 总分合计 …) or exactly one of {@code total_labels}. */
  static boolean isTotalRow(TableRow row) {
    return row.find(TotalReader::isTotalLabel) >= 0;
  }

  private static boolean isTotalLabel(String compact) {
    return compact.startsWith("总分") && !FIELD.matcher(compact).matches()
        || Vocabulary.isExactLabel("total_labels", compact);
  }

  /**
   * A row that closes the indicator table with a sum: its first cell 合计 (or 总计), every other
   * cell empty or a number, at least one number.
   */
  static boolean isSumRow(TableRow row) {
    boolean labelled = false;
    int numbers = 0;
    for (Cell c : row.cells()) {
      if (c.text() == null) {
        continue;
      }
      if (!labelled) {
        if (!Vocabulary.isExactLabel("indicator_sum_labels", c.compact())) {
          return false;
        }
        labelled = true;
      } else if (Texts.number(c.text()) != null) {
        numbers++;
      } else {
        return false;
      }
    }
    return numbers > 0;
  }

  /**
   * A row under the total that holds only sign-off fields, or opens with a foot label (评价结论,
   * 存在问题, 改进措施 …: the form's closing remarks): the form's foot, not lost data.
   */
  static boolean isSignOff(TableRow row) {
    int first = row.find(c -> c != null && !c.isEmpty());
    if (first >= 0
        && Vocabulary.isExactLabel("form_foot_labels", row.cells().get(first).compact())) {
      return true;
    }
    for (Cell c : row.cells()) {
      String t = c.compact();
      if (t != null && !t.isEmpty() && !Vocabulary.startsWithLabel("sign_off_labels", t)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Looks in any row of the form for a total printed as a field, {@code 自评得分：98}; the first
   * one is kept and used only when the form prints no total row.
   */
  void lookForField(TableRow row) {
    if (fieldTotal != null) {
      return;
    }
    List<Cell> cells = row.cells();
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      Matcher m = FIELD.matcher(c.compact());
      if (m.matches() && Vocabulary.isExactLabel("total_field_labels", m.group(1))) {
        fieldTotal = new Figure(new BigDecimal(m.group(2)), c.text(), c.line());
        return;
      }
      m = LOOSE_FIELD.matcher(c.compact());
      if (!m.matches()) {
        continue;
      }
      if (m.group(3) != null) {
        BigDecimal v = new BigDecimal(m.group(3));
        if (v.compareTo(MAX_FIELD_TOTAL) <= 0) {
          fieldTotal = new Figure(v, c.text(), c.line());
          return;
        }
        continue;
      }
      int next = i + 1;
      while (next < cells.size() && cells.get(next).text() == null) {
        next++;
      }
      BigDecimal v = next < cells.size() ? Texts.number(cells.get(next).text()) : null;
      if (v != null && v.signum() >= 0 && v.compareTo(MAX_FIELD_TOTAL) <= 0
          && cells.get(next).compact().matches("[0-9.]+分?")) {
        fieldTotal = new Figure(v, cells.get(next).text(), cells.get(next).line());
        return;
      }
    }
  }

  /** The 总分 row: after its label, a grade where one is printed, then weight and total. */
  void readTotalRow(TableRow row) {
    int at = row.find(TotalReader::isTotalLabel);
    List<Cell> values = new ArrayList<>();
    for (int i = at + 1; i < row.size(); i++) {
      Cell c = row.cells().get(i);
      if (c.text() == null) {
        continue;
      }
      Matcher g = GRADE.matcher(c.compact());
      if (g.matches()) {
        grade = new Grade(g.group(1), c.text(), c.line());
      } else {
        values.add(c);
      }
    }
    if (values.size() >= 2) {
      totalWeight = figure(values.get(0));
      total = figure(values.get(1));
    } else if (values.size() == 1) {
      total = figure(values.get(0));
    }
    if (total != null && total.value() == null) {
      warn("NUMBER_UNREADABLE", "total is not a number: " + total.text(), total.line());
    }
    lastLine = row.lastLine();
  }

  /**
   * A 合计 row under the indicator rows: two numbers are total weight and total; a single one is
   * placed once the whole form is read.
   */
  void readSumRow(TableRow row) {
    List<Cell> values = numbers(row);
    if (values.size() >= 2) {
      totalWeight = figure(values.get(0));
      total = figure(values.get(1));
    } else {
      sumRow = row;
    }
    lastLine = row.lastLine();
  }

  private static List<Cell> numbers(TableRow row) {
    List<Cell> values = new ArrayList<>();
    for (Cell c : row.cells()) {
      if (c.text() != null && Texts.number(c.text()) != null) {
        values.add(c);
      }
    }
    return values;
  }

  /**
   * Settles what was found: a 合计 row with one number is the total weight or the total, the one
   * the form's sums confirm (Σ 分值 or Σ 得分 of the indicator rows and the budget row), null
   * with TOTAL_AMBIGUOUS when neither or both fit. A header field is the total when no row is.
   */
  void finish(List<Indicator> indicators, Figure budgetWeight, Figure budgetScore) {
    if (total == null && totalWeight == null && sumRow != null) {
      placeSumRow(indicators, budgetWeight, budgetScore);
    }
    if (total == null && fieldTotal != null) {
      total = fieldTotal;
      warn("TOTAL_FROM_FIELD", "no total row; the total printed as a field was taken: "
          + fieldTotal.text(), fieldTotal.line());
    }
  }

  private void placeSumRow(List<Indicator> indicators, Figure budgetWeight,
      Figure budgetScore) {
    List<Cell> values = numbers(sumRow);
    BigDecimal value = Texts.number(values.get(0).text());
    BigDecimal weights = sum(indicators, true, budgetWeight);
    BigDecimal scores = sum(indicators, false, budgetScore);
    boolean isWeight = weights != null && weights.compareTo(value) == 0;
    boolean isScore = scores != null && scores.compareTo(value) == 0;
    if (isWeight && !isScore) {
      totalWeight = figure(values.get(0));
    } else if (isScore && !isWeight) {
      total = figure(values.get(0));
    } else {
      warn("TOTAL_AMBIGUOUS", "a 合计 row with one number that the form's sums do not tell "
          + "apart as total weight or total; left null: " + sumRow.describe(), sumRow.line());
    }
  }

  /** Σ 分值 (or Σ 得分) of the rows and the budget row; null when one of them is not printed. */
  private static BigDecimal sum(List<Indicator> indicators, boolean weights, Figure budget) {
    if (indicators.isEmpty()) {
      return null;
    }
    BigDecimal s = budget == null || budget.value() == null ? BigDecimal.ZERO : budget.value();
    for (Indicator i : indicators) {
      BigDecimal v = weights ? i.weight() : i.score();
      if (v == null) {
        return null;
      }
      s = s.add(v);
    }
    return s;
  }

  private static Figure figure(Cell c) {
    return new Figure(Texts.number(c.text()), c.text(), c.line());
  }

  Figure total() {
    return total;
  }

  Figure totalWeight() {
    return totalWeight;
  }

  Grade grade() {
    return grade;
  }

  /** True once a 总分 or 合计 row was read. */
  boolean rowRead() {
    return lastLine >= 0;
  }

  /** The last line of the total row, -1 before one is read. */
  int lastLine() {
    return lastLine;
  }

  private void warn(String code, String message, int line) {
    warnings.add(new Warning(code, message, line));
  }
}
