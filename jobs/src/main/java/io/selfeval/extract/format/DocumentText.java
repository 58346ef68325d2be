package io.selfeval.extract.format;

import io.selfeval.model.Warning;
import java.util.List;

/**
 * A document turned into lines for the text reader: one table row per line with its cells
 * separated by tabs, one prose paragraph per line, a blank line between tables and paragraph
 * groups.
 *
 * @param text the lines joined by line breaks (a text file's text exactly as decoded)
 * @param locations where each line came from in the original document ({@code Sheet1!A7:F7},
 *     {@code table 2 row 5}, {@code page 3 line 12}), null for a blank line; null for a text
 *     file, whose line numbers are their own location
 * @param format what the document was read as: {@code text}, {@code docx}, {@code pdf} …
 * @param encoding the character encoding of a text or HTML file, else null
 * @param warnings what was repaired, guessed or skipped while reading
 */
public record DocumentText(String text, List<String> locations, String format,
    String encoding, List<Warning> warnings) {

  /** The location of a 1-based line, or null. */
  public String locationOf(int line) {
    if (locations == null || line < 1 || line > locations.size()) {
      return null;
    }
    return locations.get(line - 1);
  }
}
