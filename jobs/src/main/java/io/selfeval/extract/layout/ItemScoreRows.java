package io.selfeval.extract.layout;

import io.selfeval.extract.vocab.Vocabulary;
import io.selfeval.model.Warning;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads, in a flattened form, the scored items some provincial templates print before their
 * indicator table (Hubei's and Hunan's 项目决策 / 项目管理 blocks): a header {@code 评价内容 | 分值 |
 * 自评分} (then 复核分 and 评价标准及依据 columns), rows {@code 名称 | 分值 | 自评分}, and each block's
 * label with its points in a merged cell ({@code 项目管理 13 分}) that a PDF's text prints beside
 * the middle of its rows. The 评价标准 column is scoring instructions full of numbers ({@code 1、…1
 * 分;}); none of them is ever read. A row is a name (Chinese characters only) followed by two bare
 * numbers, 自评分 ≤ 分值, not followed by 分 (an instruction's points). The rows are kept only when
 * the form's own arithmetic places every one of them: the blocks' points, in order, are the sums
 * of consecutive runs of the rows' 分值, and each label lies between the runs before and after
 * its own. Otherwise nothing is read and a warning says why: a gap, never a guess.
 *
 * <p>The rows come out under an indicator header in the vocabulary's words (三级指标 | 分值 | 得分
 * with empty level and value columns), as {@link FlatForm} gives a budget row without its label
 * the block's label, so the form reader places them as it places any indicator row; each cell
 * keeps the source line of the word it came from.
 */
final class ItemScoreRows {

  static final String UNCONFIRMED = "ITEM_ROWS_UNCONFIRMED";
  /** The header the rows are emitted under: level columns, name, values, 分值, 得分. */
  private static final List<String> HEADER =
      List.of("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
  private static final Pattern NAME = Pattern.compile("\\p{IsHan}{2,12}");
  /** A block's label and points in one word: 项目决策(20分), 项目管理20分. */
  private static final Pattern LEVEL_WORD =
      Pattern.compile("(\\p{IsHan}{2,8})[(（]?([0-9]+(?:\\.[0-9]+)?)分[)）]?");
  private static final int MAX_COLUMN_WORD = 8;

  /** A block label and its points; {@code at} the word it starts at, {@code end} after it. */
  private record Level(int at, int end, BigDecimal points) {}

  /** The pieces read and the word the items end at (an indicator table's column word, or to). */
  record Result(List<FlatForm.Piece> pieces, int end) {}

  /** A row: its name word, its 分值 and 自评分 words. */
  private record Item(int name, int weight, int score, BigDecimal w) {}

  private final List<FlatForm.Token> words;

  private ItemScoreRows(List<FlatForm.Token> words) {
    this.words = words;
  }

  /**
   * The end (exclusive) of the header 评价内容 | 分值 | 自评分 starting at word {@code i}, or -1:
   * the three columns in that order, each word one of its vocabulary's synonyms.
   */
  static int headerEnd(List<FlatForm.Token> words, int i) {
    String[] groups = {"item_name_columns", "item_weight_columns", "item_score_columns"};
    if (i + groups.length > words.size()) {
      return -1;
    }
    for (int k = 0; k < groups.length; k++) {
      if (!Vocabulary.isExactLabel(groups[k], words.get(i + k).folded())) {
        return -1;
      }
    }
    return i + groups.length;
  }

  /**
   * The rows after the header ending at {@code from}, read up to {@code to} (exclusive; the
   * next section of the form, or an indicator table's column word before it), as pieces: the
   * emitted header then a row per item. Empty, with a warning, when the arithmetic does not
   * place every row.
   */
  static Result read(List<FlatForm.Token> words, int header, int from, int to,
      List<Warning> warnings) {
    ItemScoreRows r = new ItemScoreRows(words);
    int end = r.regionEnd(from, to);
    List<Level> levels = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    r.scan(from, end, levels, items);
    String why = r.unconfirmed(levels, items);
    if (why != null) {
      warnings.add(new Warning(UNCONFIRMED, "scored items (评价内容 | 分值 | 自评分) not read: "
          + why, words.get(header).line()));
      return new Result(List.of(), end);
    }
    List<FlatForm.Piece> out = new ArrayList<>();
    int line = words.get(header).line();
    int[] headerLines = new int[HEADER.size()];
    java.util.Arrays.fill(headerLines, line);
    out.add(new FlatForm.Piece(null, HEADER, headerLines, line));
    for (Item it : items) {
      out.add(r.row(it));
    }
    return new Result(out, end);
  }

  /** Where the items end: before {@code to}, or at an indicator table's column word. */
  private int regionEnd(int from, int to) {
    for (int i = from; i < to; i++) {
      String f = words.get(i).folded();
      String pair = i + 1 < to ? f + words.get(i + 1).folded() : f;
      if (isColumnWord(f) || pair.length() <= MAX_COLUMN_WORD && isColumnWord(pair)) {
        return i;
      }
    }
    return to;
  }

  private static boolean isColumnWord(String folded) {
    String col = folded.length() <= MAX_COLUMN_WORD ? Vocabulary.indicatorColumn(folded) : null;
    return col != null && (col.equals("level1") || col.equals("level2") || col.equals("name"));
  }

  /** Levels and rows of words [from, to), in reading order. */
  private void scan(int from, int to, List<Level> levels, List<Item> items) {
    int i = from;
    while (i < to) {
      Level lv = level(i, to);
      if (lv != null) {
        levels.add(lv);
        i = lv.end();
        continue;
      }
      Item it = item(i, to, levels);
      if (it != null) {
        items.add(it);
        i = it.score() + 1;
        continue;
      }
      i++;
    }
  }

  /** A block label at {@code i}: 项目管理 13 分, or 项目管理(13分) in one word. */
  private Level level(int i, int to) {
    String f = words.get(i).folded();
    Matcher m = LEVEL_WORD.matcher(f);
    if (m.matches()) {
      return new Level(i, i + 1, new BigDecimal(m.group(2)));
    }
    if (i + 2 < to && NAME.matcher(f).matches() && f.length() <= MAX_COLUMN_WORD
        && NUMBER.matcher(words.get(i + 1).folded()).matches()
        && words.get(i + 2).folded().equals("分")) {
      return new Level(i, i + 3, new BigDecimal(words.get(i + 1).folded()));
    }
    return null;
  }

  /**
   * A row at {@code i}: a name, at most a block label (printed beside it), 分值 and 自评分, the
   * word after them not an instruction's 分.
   */
  private Item item(int i, int to, List<Level> levels) {
    if (!NAME.matcher(words.get(i).folded()).matches() || isHeaderWord(words.get(i).folded())) {
      return null;
    }
    int j = i + 1;
    Level between = j < to ? level(j, to) : null;
    if (between != null) {
      j = between.end();
    }
    if (j + 1 >= to || !NUMBER.matcher(words.get(j).folded()).matches()
        || !NUMBER.matcher(words.get(j + 1).folded()).matches()) {
      return null;
    }
    if (j + 2 < words.size() && words.get(j + 2).folded().startsWith("分")) {
      return null;
    }
    BigDecimal w = new BigDecimal(words.get(j).folded());
    BigDecimal s = new BigDecimal(words.get(j + 1).folded());
    if (w.signum() <= 0 || s.compareTo(w) > 0) {
      return null;
    }
    if (between != null) {
      levels.add(between);
    }
    return new Item(i, j, j + 1, w);
  }

  private static boolean isHeaderWord(String folded) {
    return Vocabulary.isExactLabel("item_name_columns", folded)
        || Vocabulary.isExactLabel("item_weight_columns", folded)
        || Vocabulary.isExactLabel("item_score_columns", folded);
  }

  /**
   * Why the rows are not placed, or null when they are: the blocks' points split the rows, in
   * order, into consecutive runs whose 分值 add up to them, and each label stands after the
   * previous run's last name and before the next run's first.
   */
  private String unconfirmed(List<Level> levels, List<Item> items) {
    if (items.isEmpty()) {
      return "no row of a name, 分值 and 自评分";
    }
    if (levels.isEmpty()) {
      return "no block label with its points to check the rows against";
    }
    int k = 0;
    for (int b = 0; b < levels.size(); b++) {
      int first = k;
      BigDecimal sum = BigDecimal.ZERO;
      while (k < items.size() && sum.compareTo(levels.get(b).points()) < 0) {
        sum = sum.add(items.get(k++).w());
      }
      if (sum.compareTo(levels.get(b).points()) != 0 || k == first) {
        return "the rows' 分值 do not add up to block " + (b + 1) + "'s points "
            + levels.get(b).points().toPlainString();
      }
      int at = levels.get(b).at();
      if (first > 0 && at < items.get(first - 1).name()
          || k < items.size() && at > items.get(k).name()) {
        return "block " + (b + 1) + "'s label is printed outside its rows";
      }
    }
    return k == items.size() ? null : "rows after the last block's points";
  }

  private FlatForm.Piece row(Item it) {
    List<String> cells = new ArrayList<>(List.of("", "", words.get(it.name()).text(), "", "",
        words.get(it.weight()).text(), words.get(it.score()).text()));
    int line = words.get(it.name()).line();
    int[] lines = {line, line, line, line, line, words.get(it.weight()).line(),
        words.get(it.score()).line()};
    return new FlatForm.Piece(null, cells, lines, line);
  }
}
