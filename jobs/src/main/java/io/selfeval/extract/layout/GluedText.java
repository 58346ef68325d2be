package io.selfeval.extract.layout;

import io.selfeval.extract.Texts;
import io.selfeval.extract.vocab.PinyinAnnotations;
import io.selfeval.extract.vocab.Vocabulary;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The characters of a run of lines with every blank removed, as a document-sharing page or an
 * extractor gives a Word/Excel form (each cell glued to the next): printed and folded for
 * matching (one folded character per printed one), each with its 1-based source line. The
 * site's banner ({@code 《….docx》由会员分享…搜索。}), a line that is only the shared file's name
 * and the page prefixes at the start of a line ({@code 1、} … {@code 2、}, counting up from 1,
 * or 1 again where the next form starts)
 * are left out: they sit inside the form's text but belong to the page. A sharing site's pinyin
 * annotations ({@code 預(yù)算}) are kept in the printed text (cells keep them) but left out of
 * the folded one, so header words and labels match across them.
 */
final class GluedText {

  private static final Pattern PAGE_PREFIX = Pattern.compile("^\\s*(\\d{1,2})、");
  private static final Pattern FILE_NAME =
      Pattern.compile("\\S{1,120}\\.(?:docx?|xlsx?|pdf|wps)", Pattern.CASE_INSENSITIVE);

  private static final int DROPPED = -1;
  /** {@link #foldedChar} per char plus 2 (0: not computed yet); a racing write stores the same. */
  private static final int[] FOLDED_CHARS = new int[Character.MAX_VALUE + 1];

  final String printed;
  final String folded;
  private final int[] lines;
  /** The index in printed of each folded character, and printed's length after the last. */
  private final int[] printedAt;

  private GluedText(String printed, String folded, int[] lines, int[] printedAt) {
    this.printed = printed;
    this.folded = folded;
    this.lines = lines;
    this.printedAt = printedAt;
  }

  /** Lines {@code from}..{@code to} (0-based, inclusive; null lines skipped). */
  static GluedText of(String[] in, int from, int to) {
    return of(in, from, to, false);
  }

  /** As {@link #of(String[], int, int)}; with keepBlanks a blank stays (as a space). */
  static GluedText of(String[] in, int from, int to, boolean keepBlanks) {
    StringBuilder p = new StringBuilder();
    StringBuilder f = new StringBuilder();
    int[] ln = new int[64];
    int[] at = new int[64];
    int page = 1;
    for (int i = from; i <= to; i++) {
      String line = in[i];
      if (line == null) {
        continue;
      }
      line = withoutBanner(line);
      if (FILE_NAME.matcher(Texts.compact(line)).matches()) {
        continue;
      }
      Matcher m = PAGE_PREFIX.matcher(line);
      if (m.find() && (Integer.parseInt(m.group(1)) == page || m.group(1).equals("1"))) {
        page = Integer.parseInt(m.group(1)) + 1; // 1、 again: the next form's first page
        line = line.substring(m.end());
      }
      if (keepBlanks && p.length() > 0) {
        line = " " + line; // a line break parts words as a blank does
      }
      for (int k = 0; k < line.length(); k++) {
        int annotationEnd = PinyinAnnotations.endAt(line, k);
        if (annotationEnd > k) {
          // 預(yù)算: printed as it is, left out of what matching sees
          p.append(line, k, annotationEnd);
          k = annotationEnd - 1;
          continue;
        }
        char c = line.charAt(k);
        if (Character.isWhitespace(c) || Texts.isBlankChar(c)) {
          if (!keepBlanks) {
            continue;
          }
          c = ' ';
        }
        int folded = c == ' ' ? ' ' : foldedChar(c);
        if (folded == DROPPED) {
          continue;
        }
        if (f.length() + 1 > ln.length) {
          ln = java.util.Arrays.copyOf(ln, ln.length * 2);
          at = java.util.Arrays.copyOf(at, at.length * 2);
        }
        ln[f.length()] = i + 1;
        at[f.length()] = p.length();
        p.append(c);
        f.append((char) folded);
      }
    }
    at = java.util.Arrays.copyOf(at, f.length() + 1);
    at[f.length()] = p.length();
    return new GluedText(p.toString(), f.toString(), ln, at);
  }

  /**
   * The character as matching sees it ({@link Vocabulary#fold} of its compact form; itself when
   * that is longer than one character), or DROPPED when nothing is left: computed once per char.
   */
  private static int foldedChar(char c) {
    int known = FOLDED_CHARS[c];
    if (known == 0) {
      String one = Vocabulary.fold(Texts.compact(String.valueOf(c)));
      known = (one.isEmpty() ? DROPPED : one.length() == 1 ? one.charAt(0) : c) + 2;
      FOLDED_CHARS[c] = known;
    }
    return known - 2;
  }

  /** The line without a document-sharing site's banner sentence. */
  private static String withoutBanner(String line) {
    for (String mark : Vocabulary.labels("glued_banner_marks")) {
      int at = line.indexOf(mark);
      if (at < 0) {
        continue;
      }
      int open = line.lastIndexOf('《', at);
      int close = line.indexOf('。', at);
      return (open < 0 ? "" : line.substring(0, open))
          + (close < 0 ? "" : line.substring(close + 1));
    }
    return line;
  }

  int length() {
    return folded.length();
  }

  char at(int i) {
    return folded.charAt(i);
  }

  /** The printed text of [from, to), with the pinyin annotations printed inside or after it. */
  String text(int from, int to) {
    return printed.substring(printedAt[from], printedAt[to]);
  }

  /** The source line of character i. */
  int line(int i) {
    return lines[Math.min(Math.max(i, 0), folded.length() - 1)];
  }

  /** Length of the longest label of the group that starts at i (0: none). */
  int labelAt(String group, int i) {
    int best = 0;
    for (String w : Vocabulary.labels(group)) {
      if (w.length() > best && folded.startsWith(w, i)) {
        best = w.length();
      }
    }
    return best;
  }
}
