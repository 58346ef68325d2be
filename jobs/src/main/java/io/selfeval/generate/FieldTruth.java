package io.selfeval.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a reader should find in a generated document, as printed (a cell printed blank is
 * null), written to the manifest beside the document's layout and noises: what
 * the {@code evaluate} command's field scorer compares the extractor's records with.
 */
final class FieldTruth {

  private FieldTruth() {}

  @SuppressWarnings("unchecked")
  static void add(Map<String, Object> doc, LayoutPrinter.Layout layout,
      Set<LayoutPrinter.Noise> noises, List<GenForm> forms) {
    doc.put("layout", layout.name().toLowerCase(java.util.Locale.ROOT));
    doc.put("noises", LayoutPrinter.names(noises));
    List<Map<String, Object>> maps = (List<Map<String, Object>>) doc.get("forms");
    for (int i = 0; i < forms.size(); i++) {
      maps.get(i).put("fields", fields(forms.get(i)));
    }
  }

  /**
   * The fields of the headerless tail a document starts with ({@link ReportText#tail}): form 0's
   * rows from {@code from} on, its total and grade, as printed; no budget, names or levels.
   */
  static void addTail(Map<String, Object> doc, GenForm f, int from) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total", f.printedTotal);
    m.put("grade", f.printedGrade);
    m.put("indicators", rows(f.rows.subList(from, f.rows.size()), false));
    doc.put("tail", m);
  }

  private static Map<String, Object> fields(GenForm f) {
    Map<String, Object> m = new LinkedHashMap<>();
    boolean lost = f.printedAmountsLost;
    m.put("initial", f.printedInitialBlank || lost ? null : money(f.initial));
    m.put("adjusted", lost ? null : money(f.adjusted));
    m.put("executed", lost ? null : money(f.executed));
    m.put("weight", BigDecimal.TEN);
    m.put("rate", f.printedScoresBlank ? null
        : f.printedRate.movePointLeft(2).stripTrailingZeros());
    m.put("score", f.printedScoresBlank ? null : f.printedBudgetScore);
    if (f.printedBySource != null) { // 合计, 执行数 and 执行率 only
      m.put("initial", null);
      m.put("weight", null);
      m.put("rate", f.printedBySource.ratePercent().movePointLeft(2).stripTrailingZeros());
      m.put("score", null);
    }
    m.put("total", f.printedTotal);
    m.put("grade", f.printedTotalAsField || f.printedWithoutGrade ? null : f.printedGrade);
    List<Map<String, Object>> rows = new ArrayList<>();
    if (f.printedItems != null) {
      for (ItemScores.Item it : f.printedItems.items()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("name", it.name);
        x.put("target", null);
        x.put("actual", null);
        x.put("weight", it.weight);
        x.put("score", it.score);
        x.put("line", it.line);
        rows.add(x);
      }
    }
    rows.addAll(rows(f.rows, f.printedWithoutWeights));
    m.put("indicators", rows);
    return m;
  }

  private static List<Map<String, Object>> rows(List<GenRow> printed, boolean withoutWeights) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (GenRow r : printed) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("name", r.printedName == null ? r.name : r.printedName);
      x.put("target", r.printedTarget == null ? r.targetText() : r.printedTarget);
      x.put("actual", r.actualText());
      x.put("weight", withoutWeights ? null : r.weight);
      x.put("score", r.score);
      x.put("line", r.line);
      rows.add(x);
    }
    return rows;
  }

  private static BigDecimal money(BigDecimal v) {
    return v.setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
