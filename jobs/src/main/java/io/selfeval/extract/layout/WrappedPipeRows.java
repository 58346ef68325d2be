package io.selfeval.extract.layout;

import io.selfeval.extract.Texts;
import io.selfeval.extract.vocab.Vocabulary;
import java.util.List;

/**
 * Joins a pipe-table row printed over two lines (a cell holding a line break, as a web page's
 * table copied to text gives it) with its continuation. A row is joined only when the table's
 * indicator header says it is short and nothing else fits: the first line has fewer cells than
 * the header and no 分值 and 得分 at its end, the next line has the rest, ending in two numbers,
 * and the two add up to the header's cells, either with the wrapped cell empty (the first line
 * ends with {@code |}, the next starts with one: {@code 定性 | 好坏 |} / {@code | 好坏 | 5 | 5 |})
 * or with its text split between the two lines (neither marks it). Read apart, the continuation
 * would pass for a row of its own and take the name of the row above.
 */
final class WrappedPipeRows {

  private WrappedPipeRows() {}

  /** Joins wrapped rows in {@code out} (pipe lines as tab rows); the continuation becomes null. */
  static void join(String[] in, String[] out) {
    int width = -1;
    for (int i = 0; i < in.length; i++) {
      List<String> cells = RowSyntax.pipeCells(in[i]);
      if (cells == null || out[i] == null || out[i].indexOf('\t') < 0) {
        continue;
      }
      if (isIndicatorHeader(cells)) {
        width = cells.size();
        continue;
      }
      int j = next(out, i);
      List<String> rest = j < 0 ? null : RowSyntax.pipeCells(in[j]);
      if (width < 0 || rest == null || cells.size() >= width || endsInScores(cells)
          || !endsInScores(rest) || isLabel(rest.get(0))) {
        continue;
      }
      boolean closed = in[i].strip().endsWith("|");
      boolean opened = in[j].strip().startsWith("|");
      if (closed && opened && cells.size() + 1 + rest.size() == width) {
        out[i] = String.join("\t", cells) + "\t\t" + String.join("\t", rest);
        out[j] = null;
      } else if (!closed && !opened && cells.size() + rest.size() - 1 == width) {
        String split = cells.get(cells.size() - 1) + rest.get(0);
        out[i] = String.join("\t", cells.subList(0, cells.size() - 1)) + "\t" + split + "\t"
            + String.join("\t", rest.subList(1, rest.size()));
        out[j] = null;
      }
    }
  }

  private static int next(String[] out, int i) {
    for (int j = i + 1; j < out.length; j++) {
      if (out[j] != null && !out[j].isBlank()) {
        return j;
      }
    }
    return -1;
  }

  private static boolean isIndicatorHeader(List<String> cells) {
    boolean name = false;
    boolean score = false;
    for (String c : cells) {
      String col = c.length() > 20 ? null : Vocabulary.indicatorColumn(
          Vocabulary.fold(Texts.compact(c)));
      name |= "name".equals(col);
      score |= "score".equals(col);
    }
    return name && score;
  }

  /**
   * The row's last two numbers (分值 and 得分) stand side by side at its end, followed at most by
   * two text cells (评分标准, the deviation reason).
   */
  private static boolean endsInScores(List<String> cells) {
    int k = cells.size() - 1;
    int texts = 0;
    while (k >= 0 && (cells.get(k).isEmpty() || Texts.number(cells.get(k)) == null)) {
      texts += cells.get(k).isEmpty() ? 0 : 1;
      k--;
    }
    return texts <= 2 && k >= 1 && Texts.number(cells.get(k - 1)) != null;
  }

  /** A cell that starts a row of its own: a total, a sum or a level name. */
  private static boolean isLabel(String cell) {
    String f = Vocabulary.fold(Texts.compact(cell));
    return Vocabulary.isLabel("total_labels", f) || Vocabulary.isLabel("indicator_sum_labels", f)
        || Vocabulary.isLabel("budget_total_labels", f)
        || Vocabulary.isLabel("flat_level1_names", f) || Vocabulary.isLabel("flat_level2_names", f);
  }
}
