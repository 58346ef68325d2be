package io.selfeval.extract.layout;

import io.selfeval.extract.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the head of a flattened form (the words between its title and its first block) into
 * field rows: a name label ({@code 项目名称}, {@code 实施单位}) and the words up to the next field.
 * A PDF's text puts a label's last character apart ({@code 项目主管单 位}) and prints fields side by
 * side, so a field also ends at a label of {@code next_field_labels} (with its last character
 * apart too) and at a word ending in a colon ({@code 自评总分: 95}): neither is ever part of a
 * name. Two cells of one value ({@code 主管单位} and {@code 实施单位} both the same unit, printed
 * after their labels) come out as the same word twice: the label's value is the first, the
 * second a cell of its own.
 */
final class HeadFields {

  private final List<FlatForm.Token> words;
  private final int start;
  private final List<List<int[]>> rows = new ArrayList<>();

  private HeadFields(List<FlatForm.Token> words, int start) {
    this.words = words;
    this.start = start;
  }

  /** The field rows of words [from, start), each a list of cell spans; up to a block label. */
  static List<List<int[]>> rows(List<FlatForm.Token> words, int from, int start) {
    HeadFields h = new HeadFields(words, start);
    h.read(from);
    return h.rows;
  }

  /** Where the fields end: the first block label (项目资金, 年度资金总额), or start. */
  static int end(List<FlatForm.Token> words, int from, int start) {
    int i = from;
    while (i < start && !FlatForm.isBlockLabel(words.get(i))) {
      i++;
    }
    return i;
  }

  private void read(int from) {
    int end = end(words, from, start);
    int i = from;
    while (i < end) {
      int name = nameLabelEnd(i);
      int label = name > 0 ? name : otherLabelEnd(i);
      int valueFrom = label > 0 ? label : i + 1;
      int j = valueFrom;
      while (j < end && !stops(j)) {
        j++;
      }
      if (name > 0 && j > valueFrom) {
        List<int[]> cells = new ArrayList<>(List.of(new int[] {i, label}));
        if (j > valueFrom + 1 && words.get(valueFrom).folded()
            .equals(words.get(valueFrom + 1).folded())) {
          cells.add(new int[] {valueFrom, valueFrom + 1});
          cells.add(new int[] {valueFrom + 1, j});
        } else {
          cells.add(new int[] {valueFrom, j});
        }
        rows.add(cells);
      } else if (label > 0) {
        // a label of its own row, its value (if any) in one cell: never a one-cell row, which
        // the table scanner would join with its neighbours as a cell per line
        rows.add(java.util.Arrays.asList(new int[] {i, label}, j > valueFrom
            ? new int[] {valueFrom, j} : null));
      } else {
        rows.add(List.of(new int[] {i, j}));
      }
      i = j;
    }
  }

  private boolean stops(int j) {
    return nameLabelEnd(j) > 0 || otherLabelEnd(j) > 0;
  }

  /** The end of a next field's label or of a word ending in a colon at word i, or -1. */
  private int otherLabelEnd(int i) {
    String f = words.get(i).folded();
    return f.endsWith(":") || f.endsWith("：") ? i + 1 : fieldLabelEnd(i);
  }

  /** The end of a name label at word i (its last character possibly apart), or -1. */
  private int nameLabelEnd(int i) {
    if (FlatForm.isNameLabel(words.get(i))) {
      return i + 1;
    }
    return lastCharApart(i) && FlatForm.isNameLabel(joined(i)) ? i + 2 : -1;
  }

  /** The end of a {@code next_field_labels} label at word i (last character apart too), or -1. */
  private int fieldLabelEnd(int i) {
    if (Vocabulary.isExactLabel("next_field_labels", words.get(i).folded())) {
      return i + 1;
    }
    return lastCharApart(i) && Vocabulary.isExactLabel("next_field_labels", joined(i).folded())
        ? i + 2 : -1;
  }

  /** True when word i+1 is one Chinese character on word i's line (a cell's wrapped end). */
  private boolean lastCharApart(int i) {
    if (i + 1 >= start) {
      return false;
    }
    FlatForm.Token next = words.get(i + 1);
    return next.line() == words.get(i).line() && next.folded().length() == 1
        && Character.UnicodeScript.of(next.folded().charAt(0)) == Character.UnicodeScript.HAN;
  }

  private FlatForm.Token joined(int i) {
    FlatForm.Token a = words.get(i);
    FlatForm.Token b = words.get(i + 1);
    return new FlatForm.Token(a.text() + b.text(), a.folded() + b.folded(), a.line());
  }
}
