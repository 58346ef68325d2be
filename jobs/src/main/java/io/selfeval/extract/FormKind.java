package io.selfeval.extract;

/** The kinds of table a report holds. */
final class FormKind {
  static final String UNIT = "unit";
  static final String PROJECT = "project";
  static final String BASIC_DATA = "basic_data";

  private FormKind() {}

  /** Classifies a table by its title, then by the labels in its rows; null when it is neither. */
  static String of(TableBlock block) {
    String title = block.compactTitle();
    if (title.contains("基础数据表")) {
      return BASIC_DATA;
    }
    if (title.contains("项目") && title.contains("自评表")) {
      return PROJECT;
    }
    if (title.contains("整体") && title.contains("自评表")) {
      return UNIT;
    }
    boolean indicators = false;
    for (TableRow row : block.rows()) {
      if (row.find(c -> c.startsWith("财政供养人员") || c.startsWith("经费控制情况")) >= 0) {
        return BASIC_DATA;
      }
      if (row.find(c -> c.equals("项目支出名称") || c.equals("项目名称")
          || io.selfeval.extract.vocab.Vocabulary.startsWithLabel("project_form_labels", c)) >= 0) {
        return PROJECT;
      }
      if (row.find(c -> c.contains("一级指标")) >= 0) {
        indicators = true;
      }
    }
    return indicators ? UNIT : null;
  }
}
