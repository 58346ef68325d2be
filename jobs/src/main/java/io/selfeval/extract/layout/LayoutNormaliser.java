package io.selfeval.extract.layout;

import io.selfeval.extract.Texts;
import io.selfeval.extract.vocab.Vocabulary;
import io.selfeval.model.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrites a document's lines into the two table layouts the table scanner reads (a row per
 * line with tab-separated cells; a cell per line led by a tab, blank lines between rows), one
 * output line per input line so every cell keeps its line number. A line the layout does not
 * carry (a page footer, a markdown separator, a table header repeated after a page break) becomes
 * null: it is neither text nor a row break, so it is never glued to a value.
 *
 * <p>Read: tab rows and tab-led cell lines (unchanged); pipe rows {@code | a | b |} with or
 * without separator rows; a cell per line ending in {@code |}; HTML-like rows pasted as text
 * ({@code <tr><td>a</td><td>b</td></tr>}, or a {@code <td>} per line); cells separated by runs of
 * two or more spaces, when neighbouring lines are rows too; a cell per line without any marker
 * after a form title, rows separated by blank lines, or a cell per paragraph with longer runs
 * of blank lines between rows. Layouts may mix within a document.
 */
public final class LayoutNormaliser {

  private static final int NEAR = 3;
  private static final int SHORT_CELL = 30;
  private static final int LONG_LINE = 100;
  /** Fewer words than this hold no flattened form (a header alone has six). */
  private static final int MIN_FLAT_WORDS = 12;
  /** A form title: …表, or …表 followed by its year in brackets (…自评表(2023年度)). */
  public static final Pattern TITLE = Pattern.compile(".*表(?:[(（][^)）]{0,12}[)）])?");
  private static final Pattern TOP_HEADING = Pattern.compile("^[一二三四五六七八九十]+[、.．].*");
  private static final List<String> END_STARTS =
      List.of("附件", "单位负责人", "填表人", "说明:", "备注", "注:");
  private static final List<String> END_ENDS = List.of("自评表", "数据表", "自评报告", "评价报告");

  private final String[] in;
  private final String[] out;
  private final String[] compact;
  private final List<String>[] spaceRow;

  @SuppressWarnings("unchecked")
  private LayoutNormaliser(String[] lines) {
    this.in = lines;
    this.out = new String[lines.length];
    this.compact = new String[lines.length];
    this.spaceRow = new List[lines.length];
  }

  /** The lines in table-scanner form: same length as the input, dropped lines null. */
  public static String[] normalise(String[] lines) {
    return new LayoutNormaliser(lines).run();
  }

  /**
   * The lines in table-scanner form with flattened forms cut into rows ({@link FlatForm}): a run
   * of lines that no other layout reads and whose words hold a form's header becomes the rows it
   * holds, each mapped to its source line.
   */
  public static TableText layout(String[] lines) {
    LayoutNormaliser n = new LayoutNormaliser(lines);
    String[] rows = n.run();
    List<String> outLines = new ArrayList<>(lines.length);
    List<Integer> source = new ArrayList<>(lines.length);
    List<int[]> cellLines = new ArrayList<>(lines.length);
    List<Warning> warnings = new ArrayList<>();
    String[] kept = n.kept();
    int i = 0;
    while (i < lines.length) {
      int end = n.flatRegionEnd(i);
      if (end >= 0 && (n.mayHoldHeader(i, end) || n.mayHoldUnitTable(i, end))
          && GluedForm.applies(kept, i, end)) {
        for (FlatForm.Piece piece : GluedForm.read(kept, i, end, warnings)) {
          outLines.add(piece.render());
          source.add(piece.line());
          cellLines.add(piece.cellLines());
        }
        i = end + 1;
        continue;
      }
      List<FlatForm.Token> tokens = end < 0 || !n.mayHoldHeader(i, end) ? null
          : FlatForm.tokens(kept, i, end);
      if (tokens != null && tokens.size() >= MIN_FLAT_WORDS && FlatForm.hasTable(tokens)) {
        for (FlatForm.Piece piece : FlatForm.read(tokens, warnings)) {
          outLines.add(piece.render());
          source.add(piece.line());
          cellLines.add(piece.cellLines());
        }
        i = end + 1;
        continue;
      }
      for (int j = i; j <= Math.max(i, end); j++) {
        outLines.add(rows[j]);
        source.add(j + 1);
        cellLines.add(null);
      }
      i = Math.max(i, end) + 1;
    }
    return new TableText(outLines.toArray(new String[0]),
        source.stream().mapToInt(Integer::intValue).toArray(),
        cellLines.toArray(new int[0][]), List.copyOf(warnings));
  }

  /**
   * The last line of a run starting at {@code i} of lines no layout read as rows (text without a
   * tab; blank and dropped lines inside the run are skipped), or -1 when line i is not such text.
   */
  private int flatRegionEnd(int i) {
    if (!isUnread(i)) {
      return -1;
    }
    int last = i;
    for (int j = i + 1; j < in.length; j++) {
      if (isUnread(j)) {
        last = j;
      } else if (out[j] != null && !compact[j].isEmpty()) {
        break;
      }
    }
    return last;
  }

  /**
   * A cheap test before the words of lines from..to are read: one of them (with the next, as a
   * wrapped header spans two) names two budget amount columns, or an indicator level column and
   * the name column, or a scored items' name and 自评分 columns ({@link ItemScoreRows}).
   */
  private boolean mayHoldHeader(int from, int to) {
    for (int j = from; j <= to; j++) {
      String c = j < to ? compact[j] + compact[j + 1] : compact[j];
      int amounts = 0;
      for (String col : List.of("initial", "adjusted", "executed")) {
        amounts += containsAny(c, Vocabulary.budgetColumnWords(col)) ? 1 : 0;
      }
      if (amounts >= 2 || containsAny(c, Vocabulary.indicatorColumnWords("name"))
          && (containsAny(c, Vocabulary.indicatorColumnWords("level1"))
          || containsAny(c, Vocabulary.indicatorColumnWords("level2"))
          || containsAny(c, Vocabulary.labels("glued_coefficient_columns")))
          || containsAny(c, Vocabulary.labels("item_name_columns"))
          && containsAny(c, Vocabulary.labels("item_score_columns"))) {
        return true;
      }
    }
    return false;
  }

  /** As {@link #mayHoldHeader}: a line names the name column and a 计量单位 column. */
  private boolean mayHoldUnitTable(int from, int to) {
    for (int j = from; j <= to; j++) {
      if (containsAny(compact[j], Vocabulary.indicatorColumnWords("name"))
          && containsAny(compact[j], Vocabulary.indicatorColumnWords("measure"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(String text, List<String> words) {
    for (String w : words) {
      if (text.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** The input lines without those the layout drops (page footers: never words of a cell). */
  private String[] kept() {
    String[] k = new String[in.length];
    for (int i = 0; i < in.length; i++) {
      k[i] = out[i] == null ? null : in[i];
    }
    return k;
  }

  private boolean isUnread(int i) {
    return out[i] != null && out[i].indexOf('\t') < 0 && !compact[i].isEmpty();
  }

  private String[] run() {
    for (int i = 0; i < in.length; i++) {
      compact[i] = Vocabulary.fold(Texts.compact(in[i]));
      out[i] = convert(i);
    }
    WrappedPipeRows.join(in, out);
    for (int i = 0; i < in.length; i++) {
      if (spaceRow[i] != null && spacesConfirmed(i)) {
        out[i] = String.join("\t", spaceRow[i]);
      }
    }
    for (int i = 0; i < in.length; i++) {
      if (isTitle(i)) {
        i = bareCellRegion(i);
      }
    }
    dropRepeatedHeaders();
    return out;
  }

  /** One line read on its own; space-separated rows are only noted for the second pass. */
  private String convert(int i) {
    String line = in[i];
    if (line.indexOf('\t') >= 0) {
      return line;
    }
    if (line.indexOf('\f') >= 0) {
      line = line.replace('\f', ' ');
      if (Texts.clean(line) == null) {
        return null;
      }
    }
    if (RowSyntax.isFooter(compact[i]) || RowSyntax.isSeparator(line)) {
      return null;
    }
    if (RowSyntax.isHtmlRowTag(line)) {
      return "";
    }
    List<String> cells = RowSyntax.htmlCells(line);
    if (cells == null) {
      cells = RowSyntax.pipeCells(line);
    }
    if (cells != null) {
      List<String> filled = cells.stream().filter(c -> Texts.clean(c) != null).toList();
      if (filled.size() == 1 && TITLE.matcher(Texts.compact(filled.get(0))).matches()) {
        return filled.get(0); // a form title printed as a one-cell row
      }
      if (cells.size() == 1) {
        return "\t" + cells.get(0);
      }
      return String.join("\t", cells);
    }
    List<String> spaced = RowSyntax.spaceCells(line);
    if (spaced.size() >= 4
        || spaced.size() >= 2 && spaced.stream().noneMatch(LayoutNormaliser::isProse)) {
      spaceRow[i] = spaced;
    }
    return line;
  }

  /** A sentence, not a cell (in a line of fewer than four): ends in 。 or runs long. */
  private static boolean isProse(String cell) {
    return cell.endsWith("。") || cell.length() > LONG_LINE / 2;
  }

  /**
   * A space-separated row is taken when a row of three or more cells stands within three
   * non-blank lines, or it is itself a header row: prose with a double space is left alone.
   */
  private boolean spacesConfirmed(int i) {
    if (spaceRow[i].size() >= 3 && Vocabulary.headerWords(spaceRow[i]) >= 2) {
      return true;
    }
    for (int step : new int[] {-1, 1}) {
      int seen = 0;
      for (int j = i + step; j >= 0 && j < in.length && seen < NEAR; j += step) {
        if (compact[j].isEmpty()) {
          continue;
        }
        seen++;
        if (spaceRow[j] != null && spaceRow[j].size() >= 3 || out[j] != null
            && out[j].indexOf('\t') > 0) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isTitle(int i) {
    String c = compact[i];
    return out[i] != null && out[i].indexOf('\t') < 0 && c.length() <= 60
        && TITLE.matcher(c).matches()
        && (c.contains("自评") || c.contains("绩效") || c.contains("评价"));
  }

  /**
   * After a form title whose next lines are short and unmarked, each line is a cell: lead it
   * with a tab up to the line that ends the table. Returns the last line looked at.
   */
  private int bareCellRegion(int title) {
    int looked = 0;
    int shortLines = 0;
    for (int j = title + 1; j < in.length && looked < 12; j++) {
      if (out[j] == null || compact[j].isEmpty()) {
        continue;
      }
      if (out[j].indexOf('\t') >= 0) {
        return title;
      }
      if (ends(j)) {
        break;
      }
      looked++;
      shortLines += compact[j].length() <= SHORT_CELL ? 1 : 0;
    }
    if (looked < 6 || shortLines * 10 < looked * 8) {
      return title;
    }
    int j = title + 1;
    for (; j < in.length; j++) {
      if (out[j] == null || compact[j].isEmpty()) {
        continue;
      }
      if (out[j].indexOf('\t') >= 0 || ends(j)) {
        break;
      }
      out[j] = "\t" + out[j].strip();
    }
    paragraphRows(title + 1, j - 1);
    return j - 1;
  }

  /** A remark printed as a paragraph of its own under a cell: (20分), (万元), (20分*执行率). */
  private static final Pattern CELL_REMARK =
      Pattern.compile("[(（][^()（）]{0,16}(?:分|元|%)[^()（）]{0,16}[)）]");

  /**
   * A cell per paragraph (a web page copied to text): every two cells apart by blank lines, a
   * row's cells by the fewest, rows by runs more than twice as long. The blank lines inside a row
   * are dropped, so only the runs break rows, and a remark paragraph such as {@code (20分)} joins
   * the cell above it. Nothing changes unless both kinds of gap are seen.
   */
  private void paragraphRows(int from, int to) {
    List<Integer> cells = new ArrayList<>();
    for (int j = from; j <= to; j++) {
      if (out[j] != null && !compact[j].isEmpty()) {
        cells.add(j);
      }
    }
    int fewest = Integer.MAX_VALUE;
    int[] gaps = new int[Math.max(0, cells.size() - 1)];
    for (int k = 0; k < gaps.length; k++) {
      for (int j = cells.get(k) + 1; j < cells.get(k + 1); j++) {
        gaps[k] += out[j] != null && compact[j].isEmpty() ? 1 : 0;
      }
      fewest = Math.min(fewest, gaps[k]);
    }
    int runs = 0;
    for (int g : gaps) {
      runs += g > 2 * fewest ? 1 : 0;
    }
    if (fewest < 1 || runs < 2 || runs * 2 > gaps.length) {
      return;
    }
    for (int k = 0; k < gaps.length; k++) {
      if (gaps[k] > 2 * fewest) {
        continue;
      }
      int next = cells.get(k + 1);
      for (int j = cells.get(k) + 1; j < next; j++) {
        if (out[j] != null && compact[j].isEmpty()) {
          out[j] = null;
        }
      }
      if (CELL_REMARK.matcher(compact[next]).matches()
          && Texts.number(Texts.clean(in[cells.get(k)])) == null) {
        out[next] = in[next].strip();
      }
    }
  }

  private boolean ends(int j) {
    String c = compact[j];
    return END_STARTS.stream().anyMatch(c::startsWith) || END_ENDS.stream().anyMatch(c::endsWith)
        || TOP_HEADING.matcher(c).matches() || c.length() > LONG_LINE;
  }

  /**
   * A header row printed again after a page footer (with no form title between) continues the
   * table above: it is dropped. The same header after a new title starts a new form and stays.
   */
  private void dropRepeatedHeaders() {
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    int lastFooter = -1;
    int lastTitle = -1;
    for (int i = 0; i < in.length; i++) {
      if (out[i] == null) {
        if (!compact[i].isEmpty() && RowSyntax.isFooter(compact[i])) {
          lastFooter = i;
        }
        continue;
      }
      if (out[i].indexOf('\t') < 0) {
        if (isTitle(i)) {
          lastTitle = i;
        }
        continue;
      }
      List<String> cells = List.of(out[i].split("\t", -1));
      if (Vocabulary.headerWords(cells) < 2) {
        continue;
      }
      String key = compact[i];
      Integer before = seen.put(key, i);
      if (before != null && lastFooter > before && lastTitle < before) {
        out[i] = null;
        seen.put(key, before);
      }
    }
  }
}
