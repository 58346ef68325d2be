package io.selfeval.extract.layout;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indicator rows of a glued form: the text after the header is cut at the level names
 * (产出指标(70分), 数量指标 …) into groups, each group's text into rows by {@link GluedRows}; the
 * readings of the groups under one 一级指标 whose 分值 add up to its stated points are kept, and a
 * cell is emitted only where every kept reading agrees on it.
 */
final class GluedTable {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** One 二级指标 group: its level names (spans or null), level-1 points, body span. */
  private static final class Group {
    int[] level1;
    /** The level's points in a column of their own (自评权重), or null. */
    int[] level1Points;
    BigDecimal points;
    int[] level2;
    int from;
    int to;
    List<List<GluedRows.Row>> readings;
  }

  private final GluedForm form;
  private final GluedText text;
  private final List<GluedRows.Col> order;
  private final boolean reason;
  private final GluedLevels levels;

  /** The header names no 一级指标 column (its cell garbled by OCR): level-1 cells are dropped. */
  private boolean noLevel1Column;

  GluedTable(GluedForm form, GluedText t, List<GluedRows.Col> order, boolean reason,
      GluedLevels levels) {
    this.form = form;
    this.text = t;
    this.order = order;
    this.reason = reason;
    this.levels = levels;
  }

  /** This table's header has no 一级指标 column when {@code none}. */
  GluedTable withoutLevel1Column(boolean none) {
    noLevel1Column = none;
    return this;
  }

  void read(int start) {
    List<Group> groups = new ArrayList<>();
    int q = start;
    Group g = new Group();
    g.from = q;
    int[] level1 = null;
    BigDecimal points = null;
    while (q < text.length() && !form.endsRows(q)) {
      GluedLevels.Level1 l1 = levels.level1At(q);
      int l2 = levels.level2At(q);
      if (l1 == null && l2 == 0) {
        q++;
        continue;
      }
      g.to = q;
      groups.add(g);
      g = new Group();
      if (l1 != null) {
        // a bracketed (70分) stays in the level's cell; bare points have a column of their own
        level1 = new int[] {q, levels.weighted() ? l1.nameEnd() : l1.end()};
        points = l1.points();
        g.level1 = level1;
        g.level1Points = levels.weighted() && l1.end() > l1.nameEnd()
            ? new int[] {l1.nameEnd(), l1.end()} : null;
        q = l1.end();
      } else {
        g.level2 = new int[] {q, q + l2};
        q += l2;
      }
      g.points = points;
      g.from = q;
    }
    g.to = q;
    groups.add(g);
    form.moveTo(q);
    List<Group> filled = new ArrayList<>();
    for (Group x : byOrdinals(groups)) {
      int to = GluedForm.withoutPlaceholders(text, x.from, x.to);
      x.to = noLevel1Column ? withoutLevel1Cell(x, to) : to;
      to = x.to;
      if (to > x.from) {
        BigDecimal bound = x.points == null ? HUNDRED : x.points;
        x.readings = GluedRows.readings(text.folded.substring(x.from, to), order, bound);
      }
      filled.add(x);
    }
    keepSums(filled);
    weightFirstRows(filled);
    if (!order.contains(GluedRows.Col.WEIGHT)) {
      GluedScoreSum.keep(form, text, filled.stream().filter(x -> x.readings != null)
          .map(x -> new GluedScoreSum.Part(x.from, x.to, x.readings, r -> x.readings = r))
          .toList(), q);
    }
    emit(filled);
  }

  /**
   * The end of a group's rows in a table whose header has no 一级指标 column: OCR garbled that
   * column's cells as it garbled its header ({@code 出标产指}, 产出指标 scrambled), and they stand
   * where no row does — text with no digit before the first 二级指标, or after the last number of
   * a group whose rows end in 得分. Such text is dropped with a warning, never read as a row.
   */
  private int withoutLevel1Cell(Group x, int to) {
    int end = to;
    if (order.get(order.size() - 1) != GluedRows.Col.REASON) {
      while (end > x.from && !Character.isDigit(text.at(end - 1)) && text.at(end - 1) != '%') {
        end--;
      }
    }
    if (x.level2 == null && x.level1 == null && end == x.from || end < to) {
      form.warn("a level-1 cell under a header without 一级指标 (garbled) was not read: "
          + text.text(end, to), end);
    }
    return end;
  }

  /**
   * Groups whose rows are numbered by the template ({@code 指标1…指标2…}, each number after a
   * row's end) are cut at those labels: a row start that is certain, so a row that no reading
   * fits (garbled, cut by a page) leaves the group's other rows readable.
   */
  private List<Group> byOrdinals(List<Group> groups) {
    List<Group> out = new ArrayList<>();
    for (Group x : groups) {
      List<Integer> starts = new ArrayList<>();
      Matcher m = GluedRows.ORDINAL.matcher(text.folded).region(x.from, x.to);
      while (m.find()) {
        if (m.start() == x.from || Character.isDigit(text.at(m.start() - 1))
            || text.at(m.start() - 1) == '。') {
          starts.add(m.start()); // at the group's start, after a 得分 or a reason
        }
      }
      if (starts.size() < 2 || starts.get(0) != x.from) {
        out.add(x);
        continue;
      }
      starts.add(x.to);
      for (int k = 0; k + 1 < starts.size(); k++) {
        Group part = new Group();
        part.level1 = k == 0 ? x.level1 : null;
        part.level2 = k == 0 ? x.level2 : null;
        part.points = x.points;
        part.from = starts.get(k);
        part.to = starts.get(k + 1);
        out.add(part);
      }
    }
    return out;
  }

  /**
   * Numbered rows that no reading fits, or whose name has two readings, under a header with 分值
   * right after the name: read by {@link GluedWeightFirstRow} (分值 and 得分 only), kept where the
   * 分值 read under their 一级指标 do not go past its points (and add up to them when every row
   * of the level has its 分值).
   */
  private void weightFirstRows(List<Group> groups) {
    if (!GluedWeightFirstRow.applies(order)) {
      return;
    }
    int i = 0;
    while (i < groups.size()) {
      int j = i + 1;
      while (j < groups.size() && groups.get(j).level1 == null) {
        j++;
      }
      List<Group> block = groups.subList(i, j);
      List<Group> read = new ArrayList<>();
      for (Group x : block) {
        if (x.readings != null && (x.readings.isEmpty() || namesDiffer(x))) {
          GluedRows.Row r = GluedWeightFirstRow.read(text.folded.substring(x.from, x.to),
              block.get(0).points);
          if (r != null && block.get(0).points != null) {
            read.add(x);
            x.readings = GluedWeightFirstRow.asReadings(r);
          }
        }
      }
      if (!read.isEmpty() && !GluedWeightFirstRow.sumFits(block.stream()
          .map(x -> x.readings).toList(), block.get(0).points)) {
        read.forEach(x -> x.readings = List.of());
      }
      i = j;
    }
  }

  /** The group's readings disagree on the first row's name. */
  private static boolean namesDiffer(Group x) {
    GluedRows.Row f = x.readings.get(0).get(0);
    return x.readings.stream().anyMatch(r -> r.get(0).nameFrom() != f.nameFrom()
        || r.get(0).nameTo() != f.nameTo());
  }

  /** Under each 一级指标 with points, keeps the readings whose 分值 add up to them. */
  private void keepSums(List<Group> groups) {
    int i = 0;
    while (i < groups.size()) {
      int j = i + 1;
      while (j < groups.size() && groups.get(j).level1 == null) {
        j++;
      }
      List<Group> block = new ArrayList<>();
      for (Group x : groups.subList(i, j)) {
        if (x.readings != null) {
          block.add(x);
        }
      }
      BigDecimal points = groups.get(i).points;
      if (points != null && !block.isEmpty() && order.contains(GluedRows.Col.WEIGHT)) {
        filterBySum(block, points);
      }
      i = j;
    }
  }

  private void filterBySum(List<Group> block, BigDecimal points) {
    GluedScoreSum.bySum(block.stream().map(x -> new GluedScoreSum.Part(x.from, x.to, x.readings,
        r -> x.readings = r)).toList(), points, GluedRows.Row::weight);
  }


  private void emit(List<Group> groups) {
    int[] level1 = null;
    int[] level1Points = null;
    boolean level1Shown = true;
    for (Group g : groups) {
      if (g.level1 != null) {
        level1 = g.level1;
        level1Points = g.level1Points;
        level1Shown = false;
      }
      int[] level2 = g.level2;
      if (g.readings == null) {
        continue;
      }
      if (g.readings.isEmpty() || g.readings.size() > GluedRows.MAX_READINGS
          || g.readings.stream().map(List::size).distinct().count() != 1) {
        form.warn((g.readings.isEmpty() ? "no reading" : "more than one reading") + " of glued "
            + "indicator rows fits the header's columns and the form's sums; left out: "
            + text.text(g.from, g.to), g.from);
        continue;
      }
      List<GluedRows.Row> first = g.readings.get(0);
      for (int r = 0; r < first.size(); r++) {
        final int idx = r;
        GluedRows.Row row = first.get(r);
        boolean sameName = g.readings.stream().allMatch(x -> x.get(idx).nameFrom()
            == row.nameFrom() && x.get(idx).nameTo() == row.nameTo());
        if (!sameName) {
          form.warn("glued indicator row whose name has more than one reading; left out: "
              + text.text(g.from + row.nameFrom(), g.to), g.from + row.nameFrom());
          continue;
        }
        boolean sameValues = g.readings.stream().allMatch(x -> x.get(idx).valuesFrom()
            == row.valuesFrom() && x.get(idx).valuesTo() == row.valuesTo());
        String[] ta = sameValues && row.valuesFrom() >= 0 ? GluedRows.split(
            text.folded.substring(g.from + row.valuesFrom(), g.from + row.valuesTo())) : null;
        ta = ta != null && GluedWeightFirstRow.applies(order)
            && !GluedWeightFirstRow.valuesCertain(ta) ? null : ta;
        if (ta == null && sameValues && row.valuesFrom() >= 0 && row.valuesFrom() == row.nameTo()
            && !GluedRows.isComparatorChar(text.folded.charAt(g.from + row.valuesFrom()))) {
          // values glued to the name that do not part into target and actual may hold the end
          // of the name too (业务收入超上年度增收27万元: 超上年度 is the target)
          form.warn("glued indicator row whose values do not part, so its name's end is not "
              + "certain; left out: " + text.text(g.from + row.nameFrom(), g.from + rowEnd(row)),
              g.from + row.nameFrom());
          continue;
        }
        List<int[]> cells = new ArrayList<>();
        cells.add(level1Shown ? null : level1);
        if (levels.weighted()) {
          cells.add(level1Shown ? null : level1Points);
        }
        cells.add(level2);
        level1Shown = true;
        level2 = null;
        cells.add(span(g, row.nameFrom(), row.nameTo()));
        if (ta == null) {
          cells.add(null);
          cells.add(null);
        } else {
          int mid = g.from + row.valuesFrom() + ta[0].length();
          cells.add(new int[] {g.from + row.valuesFrom(), mid});
          cells.add(new int[] {mid, g.from + row.valuesTo()});
        }
        boolean sameWeight = g.readings.stream().allMatch(x -> x.get(idx).weightFrom()
            == row.weightFrom() && x.get(idx).weightTo() == row.weightTo());
        boolean sameScore = g.readings.stream().allMatch(x -> x.get(idx).scoreFrom()
            == row.scoreFrom() && x.get(idx).scoreTo() == row.scoreTo());
        cells.add(sameWeight ? span(g, row.weightFrom(), row.weightTo()) : null);
        cells.add(sameScore ? span(g, row.scoreFrom(), row.scoreTo()) : null);
        if (reason) {
          boolean sameReason = g.readings.stream().allMatch(x -> x.get(idx).reasonFrom()
              == row.reasonFrom() && x.get(idx).reasonTo() == row.reasonTo());
          cells.add(sameReason ? span(g, row.reasonFrom(), row.reasonTo()) : null);
        }
        if (!sameWeight || !sameScore) {
          form.warn("glued 分值/得分 with more than one reading left empty: "
              + text.text(g.from + row.nameFrom(), g.from + row.nameTo()), g.from);
        }
        form.row(cells);
      }
    }
  }

  private static int rowEnd(GluedRows.Row r) {
    return Math.max(Math.max(r.valuesTo(), r.weightTo()), Math.max(r.scoreTo(), r.reasonTo()));
  }

  private static int[] span(Group g, int from, int to) {
    return from < 0 || to <= from ? null : new int[] {g.from + from, g.from + to};
  }
}
