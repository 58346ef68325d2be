package io.selfeval.extract.layout;

import io.selfeval.model.Warning;
import java.util.List;

/**
 * A document's text in table-scanner form, with the line each output line came from: a flattened
 * form (a whole table on one line) yields several rows with the same source line.
 *
 * @param lines the output lines (null: a line the layout drops, such as a page footer)
 * @param source the 1-based source line of each output line
 * @param cellLines per output line, the source line of each tab-separated cell, or null when
 *     every cell stands on {@code source}
 * @param warnings what the layout layer could not place (cells left out of a row)
 */
public record TableText(String[] lines, int[] source, int[][] cellLines,
    List<Warning> warnings) {

  /** The source line of cell {@code cell} of output line {@code line} (both 0-based). */
  public int lineOf(int line, int cell) {
    int[] c = cellLines[line];
    return c != null && cell < c.length ? c[cell] : source[line];
  }
}
