package io.selfeval.extract;

import io.selfeval.extract.vocab.Vocabulary;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of a labelled field of a form's head (单位名称, 项目名称, 实施单位), cut where the
 * next field begins: layouts that lose cell borders (a flattened PDF, a row of words separated
 * by spaces, a head line {@code 单位名称:X 填报日期:Y}) leave the next field's label, or a line of
 * checkboxes, in the same text.
 */
public final class FieldText {

  /** A checkbox: the start of a 项目类别 / 项目属性 choice line, never part of a name. */
  private static final Pattern CHECKBOX = Pattern.compile("[□☑☐■√]");
  /** A head field printed as label and value in one cell: {@code 单位名称:区商务局}. */
  private static final Pattern LABELLED = Pattern.compile("^(.{2,12}?)\\s*[:：]\\s*(.+)$");
  /** A value that is only a remark such as (盖章). */
  private static final Pattern REMARK_ONLY = Pattern.compile("[(（][^)）]*[)）]");

  private FieldText() {}

  /**
   * The value up to the first checkbox or the first label of another field
   * ({@code next_field_labels} in vocabulary.json) that follows a blank or is followed by a
   * colon; null when nothing is left.
   */
  static String untilNextField(String value) {
    if (value == null) {
      return null;
    }
    int end = value.length();
    Matcher box = CHECKBOX.matcher(value);
    if (box.find()) {
      end = box.start();
    }
    for (String label : Vocabulary.labels("next_field_labels")) {
      for (int k = value.indexOf(label, 1); k > 0 && k < end; k = value.indexOf(label, k + 1)) {
        int after = k + label.length();
        boolean blankBefore = Character.isWhitespace(value.charAt(k - 1));
        boolean colonAfter = after < value.length() && ":：".indexOf(value.charAt(after)) >= 0;
        if (blankBefore || colonAfter) {
          end = k;
          break;
        }
      }
    }
    return Texts.clean(value.substring(0, end));
  }

  /**
   * The unit a head field names in one cell ({@code 单位名称:区商务局 填报日期:…}, a label of
   * {@code unit_labels} other than 主管部门), cut before the next field; null for any other cell.
   */
  public static String unitField(String cell) {
    if (cell == null) {
      return null;
    }
    Matcher m = LABELLED.matcher(cell.strip());
    if (!m.matches()) {
      return null;
    }
    String label = Vocabulary.fold(Texts.compact(m.group(1)));
    if (label.equals("主管部门") || !Vocabulary.isExactLabel("unit_labels", label)) {
      return null;
    }
    String value = untilNextField(m.group(2));
    return value == null || REMARK_ONLY.matcher(Texts.compact(value)).matches() ? null : value;
  }
}
