package io.selfeval.extract;

import io.selfeval.model.Figure;
import io.selfeval.model.Warning;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Places the numbers of a budget total row (资金总额 / 合计) in their columns by the identities
 * every form obeys, when reading by position cannot: a row with fewer cells than its header (an
 * empty cell dropped), or numbers glued into one cell ({@code 10001000100%20}). The identities:
 * 执行率 = 全年执行数 / 全年预算数 (年初预算数 when the header has no 全年预算数), and budget 得分 =
 * 分值 × 执行率 capped at 分值. Every order-keeping assignment of the row's numbers (and every split
 * of glued digits) is tried; those that break an identity or a bound are dropped, and the ones
 * that check the most identities are kept. A column is filled only when all of these agree on it
 * and at least one identity checked; otherwise it is left null with a warning.
 */
final class BudgetPlacer {

  private static final Pattern PART = Pattern.compile("(?:0|[1-9]\\d*)(?:\\.\\d+)?%?");
  private static final Pattern GLUED = Pattern.compile("[0-9.%]{4,}");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final int MAX_READINGS = 4000;
  /** A cell of digits that OCR may have read as letters: O/o for 0, I/l/| for 1. */
  private static final Pattern OCR_DIGITS =
      Pattern.compile("[0-9.%OoIl|]*[0-9][0-9.%OoIl|]*|[OoIl|][0-9.%OoIl|]+");

  /**
   * One number the row holds: its value (a rate as a fraction), text, line and cell; {@code ocr}
   * when it was read by undoing OCR's letter-for-digit confusions.
   */
  private record Token(BigDecimal value, String text, int line, int cell, boolean percent,
      boolean split, boolean ocr) {}

  private final Columns columns;
  private final List<Warning> warnings;
  private BigDecimal expectedWeight;
  private BigDecimal expectedScore;

  BudgetPlacer(Columns columns, List<Warning> warnings) {
    this.columns = columns;
    this.warnings = warnings;
  }

  /**
   * What the rest of the form says the budget 分值 and 得分 are (total weight less the indicator
   * weights; total less the indicator scores), null when it does not say. These confirm a
   * placement that agrees with them but never rule one out (a form's total may be misprinted).
   */
  void expect(BigDecimal weight, BigDecimal score) {
    expectedWeight = weight;
    expectedScore = score;
  }

  /** {@link #expect} from the form's indicator rows and 总分 row, when it prints all of them. */
  void expectFromForm(List<io.selfeval.model.Indicator> indicators, Figure totalWeight,
      Figure total) {
    BigDecimal weights = BigDecimal.ZERO;
    BigDecimal scores = BigDecimal.ZERO;
    boolean complete = !indicators.isEmpty();
    for (io.selfeval.model.Indicator i : indicators) {
      complete &= i.weight() != null && i.score() != null;
      weights = i.weight() == null ? weights : weights.add(i.weight());
      scores = i.score() == null ? scores : scores.add(i.score());
    }
    if (complete) {
      expect(totalWeight == null || totalWeight.value() == null ? null
          : totalWeight.value().subtract(weights), total == null || total.value() == null
          ? null : total.value().subtract(scores));
    }
  }

  /**
   * Figures for INITIAL … SCORE (null where not placed) from the cells right of the label;
   * {@code ownCell[k]} is the index (in {@code cells}) of column k's own cell by position.
   */
  Figure[] place(List<Cell> cells, int[] ownCell, int line) {
    List<List<List<Token>>> perCell = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      if (c.text() == null || c.compact().matches("[/／\\\\…．.、—\\-]+")) {
        continue;
      }
      List<List<Token>> readings = readings(c, i);
      if (readings.isEmpty()) {
        warn("BUDGET_CELLS_UNPLACED", "a budget cell is neither a number nor numbers glued "
            + "together, so the row's numbers were not placed: " + c.text(), line);
        return new Figure[6];
      }
      perCell.add(readings);
    }
    List<Integer> order = columns.order();
    List<Token[]> best = new ArrayList<>();
    List<Integer> bestMasks = new ArrayList<>();
    int bestChecks = 0;
    int bestViolations = 0;
    List<Token[]> feasible = new ArrayList<>();
    for (List<Token> tokens : product(perCell)) {
      if (tokens.size() > order.size() || tokens.isEmpty()) {
        continue;
      }
      for (int[] pick : choose(order.size(), tokens.size())) {
        Token[] at = new Token[6];
        for (int t = 0; t < pick.length; t++) {
          at[order.get(pick[t])] = tokens.get(t);
        }
        if (!inBounds(at)) {
          continue;
        }
        feasible.add(at);
        int result = checks(at);
        int checks = result & 0xF;
        int violations = result >> 4 & 0xF;
        if (checks > bestChecks || checks == bestChecks && violations < bestViolations) {
          bestChecks = checks;
          bestViolations = violations;
          best.clear();
          bestMasks.clear();
        }
        if (checks == bestChecks && violations == bestViolations && checks > 0) {
          best.add(at);
          bestMasks.add(result >> 8);
        }
      }
    }
    Figure[] out = new Figure[6];
    if (best.isEmpty()) {
      warn("BUDGET_CELLS_UNPLACED", "the budget row's numbers could not be placed in their "
          + "columns with an identity to confirm them; left empty", line);
      return out;
    }
    boolean[] agreed = new boolean[6];
    boolean[] confirmedAll = new boolean[6];
    for (int k = 0; k < 6; k++) {
      agreed[k] = true;
      confirmedAll[k] = true;
      for (int b = 0; b < best.size(); b++) {
        agreed[k] &= same(best.get(b)[k], best.get(0)[k]);
        confirmedAll[k] &= (bestMasks.get(b) & bit(k)) != 0;
      }
    }
    int unforced = unforced(feasible, best.get(0), agreed, confirmedAll);
    List<String> ambiguous = new ArrayList<>();
    List<String> unconfirmed = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      Token first = best.get(0)[k];
      boolean agree = agreed[k];
      // an OCR correction stands only where an identity confirms its column and none is broken
      boolean confirmed = first != null && first.ocr()
          ? confirmedAll[k] && bestViolations == 0
          : confirmedAll[k] || (unforced & bit(k)) == 0;
      if (!agree) {
        ambiguous.add(Columns.NAMES.get(k));
      } else if (first != null && !confirmed) {
        unconfirmed.add(Columns.NAMES.get(k));
      } else if (first != null) {
        boolean own = !first.split() && first.cell() == ownCell[k];
        BigDecimal v = k == Columns.RATE ? rate(first).stripTrailingZeros() : first.value();
        out[k] = new Figure(v, first.text(), first.line(),
            own ? Figure.CONFIRMED : Figure.DERIVED);
        if (first.ocr()) {
          warn("OCR_CORRECTED", "the budget cell " + first.text() + " read as "
              + v.toPlainString() + " (OCR letters for digits), confirmed by the form's "
              + "arithmetic", first.line());
        }
      }
    }
    if (!ambiguous.isEmpty()) {
      warn("BUDGET_PLACEMENT_AMBIGUOUS", "two placements of the budget row fit the form's "
          + "arithmetic equally; left empty: " + String.join(", ", ambiguous), line);
    }
    if (!unconfirmed.isEmpty()) {
      warn("BUDGET_CELLS_UNPLACED", "no identity of the form confirms the column of: "
          + String.join(", ", unconfirmed) + "; left empty", line);
    }
    warn("BUDGET_PLACED_BY_ARITHMETIC", "the budget row's cells did not match its header (a "
        + "dropped or glued cell); numbers placed by the form's identities", line);
    return out;
  }

  /**
   * Columns whose number is not forced: among the in-bounds placements that keep the numbers
   * the identities confirmed (the anchors) where they are, some put another number there. A
   * number the order of the row leaves no other place for, once the anchors stand, is forced.
   */
  private static int unforced(List<Token[]> feasible, Token[] best, boolean[] agreed,
      boolean[] confirmed) {
    int unforced = 0;
    Token[] seen = null;
    for (Token[] at : feasible) {
      boolean keepsAnchors = true;
      for (int k = 0; k < 6 && keepsAnchors; k++) {
        if (agreed[k] && confirmed[k] && best[k] != null) {
          keepsAnchors = same(at[k], best[k]);
        }
      }
      if (!keepsAnchors) {
        continue;
      }
      if (seen == null) {
        seen = at;
      }
      for (int k = 0; k < 6; k++) {
        if (!same(seen[k], at[k])) {
          unforced |= bit(k);
        }
      }
    }
    return unforced;
  }

  /** The ways a cell reads as numbers: one for a number, every valid split of glued digits. */
  private List<List<Token>> readings(Cell c, int cell) {
    String printed = c.compact();
    String corrected = ocrDigits(printed);
    boolean ocr = corrected != null;
    String t = ocr ? corrected : printed;
    List<List<Token>> out = new ArrayList<>();
    Token whole = token(t, c, cell, false, ocr);
    if (whole != null) {
      out.add(List.of(whole));
      return out;
    }
    if (!GLUED.matcher(t).matches()) {
      return out;
    }
    split(t, 0, new ArrayList<>(), c, cell, out, ocr);
    return out;
  }

  /**
   * The digits a cell holds once OCR's letter-for-digit confusions are undone (O/o → 0,
   * I/l/| → 1), or null when the cell has none of them or is no run of digits: {@code 1O0} is
   * 100, {@code 9O%} is 90%. A corrected number is only kept where an identity confirms it.
   */
  static String ocrDigits(String compact) {
    if (compact == null || !OCR_DIGITS.matcher(compact).matches()
        || compact.chars().allMatch(ch -> ch >= '0' && ch <= '9' || ch == '.' || ch == '%')) {
      return null;
    }
    return compact.replace('O', '0').replace('o', '0').replace('I', '1').replace('l', '1')
        .replace('|', '1');
  }

  private void split(String t, int from, List<Token> acc, Cell c, int cell,
      List<List<Token>> out, boolean ocr) {
    if (from == t.length()) {
      if (acc.size() >= 2) {
        out.add(List.copyOf(acc));
      }
      return;
    }
    if (acc.size() >= columns.count() || out.size() > MAX_READINGS) {
      return;
    }
    for (int end = from + 1; end <= t.length(); end++) {
      String part = t.substring(from, end);
      if (!PART.matcher(part).matches()) {
        continue;
      }
      if (end < t.length() && t.charAt(end) == '%') {
        continue; // a % belongs to the digits before it
      }
      acc.add(token(part, c, cell, true, ocr));
      split(t, end, acc, c, cell, out, ocr);
      acc.remove(acc.size() - 1);
    }
  }

  private Token token(String part, Cell c, int cell, boolean split, boolean ocr) {
    boolean percent = part.endsWith("%");
    BigDecimal v = Texts.number(percent ? part.substring(0, part.length() - 1) : part);
    if (v == null) {
      return null;
    }
    return new Token(v, split ? part : c.text(), c.line(), cell, percent, split, ocr);
  }

  /**
   * Identities an assignment checks (low four bits), those it breaks (next four: a form may
   * misprint its rate or score, which the flags report, so a broken identity only ranks a
   * placement lower) and the columns the checked ones confirm (a bit per column, above).
   */
  private int checks(Token[] at) {
    BigDecimal rate = at[Columns.RATE] == null ? null : rate(at[Columns.RATE]);
    BigDecimal weight = value(at[Columns.WEIGHT]);
    BigDecimal score = value(at[Columns.SCORE]);
    int checks = 0;
    int violations = 0;
    int confirmed = 0;
    int denomColumn = columns.has(Columns.ADJUSTED) ? Columns.ADJUSTED : Columns.INITIAL;
    BigDecimal executed = value(at[Columns.EXECUTED]);
    Token denomToken = at[denomColumn];
    BigDecimal denom = value(denomToken);
    BigDecimal computed = executed != null && denom != null && denom.signum() > 0
        ? executed.divide(denom, MathContext.DECIMAL64) : null;
    if (rate != null && computed != null) {
      BigDecimal tol = rateUnit(at[Columns.RATE]);
      if (rate.subtract(computed).abs().compareTo(tol) > 0) {
        violations++;
      } else {
        checks++;
        confirmed |= bit(Columns.RATE) | bit(Columns.EXECUTED) | bit(denomColumn);
      }
    }
    BigDecimal r = rate != null ? rate : computed;
    if (score != null && weight != null && r != null) {
      BigDecimal expected = weight.multiply(r.min(BigDecimal.ONE));
      BigDecimal tol = unit(score).add(weight.multiply(rate != null
          ? rateUnit(at[Columns.RATE]) : new BigDecimal("0.0001")));
      if (score.subtract(expected).abs().compareTo(tol) > 0) {
        violations++;
      } else {
        checks++;
        confirmed |= bit(Columns.SCORE) | bit(Columns.WEIGHT) | (rate != null
            ? bit(Columns.RATE) : bit(Columns.EXECUTED) | bit(denomColumn));
      }
    }
    if (weight != null && expectedWeight != null
        && weight.subtract(expectedWeight).abs().compareTo(new BigDecimal("0.001")) <= 0) {
      checks++;
      confirmed |= bit(Columns.WEIGHT);
    }
    if (score != null && expectedScore != null
        && score.subtract(expectedScore).abs().compareTo(new BigDecimal("0.011")) <= 0) {
      checks++;
      confirmed |= bit(Columns.SCORE);
    }
    return checks | violations << 4 | confirmed << 8;
  }

  /** The bounds every placement keeps: a % only under 执行率, 分值 in (0, 100], 得分 ≤ 分值. */
  private boolean inBounds(Token[] at) {
    for (int k = 0; k < 6; k++) {
      if (at[k] != null && (at[k].percent() && k != Columns.RATE
          || !at[k].percent() && k == Columns.RATE && !columns.ratePercent())) {
        return false;
      }
    }
    BigDecimal rate = at[Columns.RATE] == null ? null : rate(at[Columns.RATE]);
    BigDecimal weight = value(at[Columns.WEIGHT]);
    BigDecimal score = value(at[Columns.SCORE]);
    return !(weight != null && (weight.signum() <= 0 || weight.compareTo(HUNDRED) > 0)
        || score != null && weight != null && score.compareTo(weight.add(unit(score))) > 0
        || rate != null && rate.compareTo(BigDecimal.valueOf(2)) > 0);
  }

  private static boolean same(Token a, Token b) {
    return a == b || a != null && b != null && a.text().equals(b.text()) && a.cell() == b.cell()
        && a.value().compareTo(b.value()) == 0;
  }

  private static int bit(int column) {
    return 1 << column;
  }

  private BigDecimal rate(Token t) {
    if (t.percent() || columns.ratePercent() || t.value().compareTo(new BigDecimal("1.5")) > 0) {
      return t.value().movePointLeft(2);
    }
    return t.value();
  }

  /** One unit of the rate's last printed digit, as a fraction. */
  private BigDecimal rateUnit(Token t) {
    BigDecimal u = unit(t.value());
    return t.percent() || columns.ratePercent() || t.value().compareTo(new BigDecimal("1.5")) > 0
        ? u.movePointLeft(2) : u;
  }

  private static BigDecimal unit(BigDecimal v) {
    return BigDecimal.ONE.movePointLeft(Math.max(0, v.scale()));
  }

  private static BigDecimal value(Token t) {
    return t == null ? null : t.value();
  }

  private static List<List<Token>> product(List<List<List<Token>>> perCell) {
    List<List<Token>> out = new ArrayList<>();
    out.add(List.of());
    for (List<List<Token>> readings : perCell) {
      List<List<Token>> next = new ArrayList<>();
      for (List<Token> prefix : out) {
        for (List<Token> r : readings) {
          if (next.size() > MAX_READINGS) {
            break;
          }
          List<Token> joined = new ArrayList<>(prefix);
          joined.addAll(r);
          next.add(joined);
        }
      }
      out = next;
    }
    return out;
  }

  /** Every increasing choice of k positions out of n. */
  private static List<int[]> choose(int n, int k) {
    List<int[]> out = new ArrayList<>();
    choose(n, k, 0, new int[k], 0, out);
    return out;
  }

  private static void choose(int n, int k, int from, int[] acc, int depth, List<int[]> out) {
    if (depth == k) {
      out.add(acc.clone());
      return;
    }
    for (int i = from; i <= n - (k - depth); i++) {
      acc[depth] = i;
      choose(n, k, i + 1, acc, depth + 1, out);
    }
  }

  private void warn(String code, String message, int line) {
    warnings.add(new Warning(code, message, line));
  }
}
