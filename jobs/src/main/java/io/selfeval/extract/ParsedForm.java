package io.selfeval.extract;

import io.selfeval.model.Budget;
import io.selfeval.model.Figure;
import io.selfeval.model.Goals;
import io.selfeval.model.Grade;
import io.selfeval.model.Indicator;
import io.selfeval.model.Warning;
import java.util.List;

/** What {@link FormParser} read from one form table, before document-level facts are added. */
record ParsedForm(
    String kind,
    String unitName,
    String projectName,
    Integer fiscalYear,
    Budget budget,
    Goals goals,
    List<Indicator> indicators,
    Figure reportedTotal,
    Figure reportedTotalWeight,
    Grade reportedGrade,
    int lineStart,
    int lineEnd,
    List<Warning> warnings) {

  /** An empty template (名称 '/', no figures, no indicator rows) is not a form. */
  boolean isEmptyTemplate() {
    boolean noName = FormKind.PROJECT.equals(kind)
        ? projectName == null || Texts.number(projectName) == null && isPlaceholder(projectName)
        : false;
    boolean noFigures = budget.initial() == null || budget.initial().value() == null;
    return indicators.isEmpty() && noFigures && (noName || FormKind.UNIT.equals(kind));
  }

  private static boolean isPlaceholder(String s) {
    String c = Texts.compact(s);
    return c.isEmpty() || c.matches("[/／\\\\…．.、—\\-]+");
  }
}
