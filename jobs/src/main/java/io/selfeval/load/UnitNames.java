package io.selfeval.load;

import io.selfeval.model.Records;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Unit identity. The same unit printed with small differences gets one {@code unit_id}:
 *
 * <ol>
 *   <li>NFKC (full-width letters, digits and brackets become half-width), then every blank and
 *       every character that is neither a letter nor a digit is dropped (brackets, dots, dashes);
 *   <li>a leading province (…省, …自治区) is dropped;
 *   <li>a leading district or county (…区, …县) is dropped when a city (…市) follows it:
 *       "岳阳楼区岳阳市城管支队直属三大队" is "岳阳市城管支队直属三大队".
 * </ol>
 *
 * <p>The id is the first 16 hex digits of SHA-256 over that key. Renames and mergers are not
 * linked here; the flags issue adds fuzzy linking across them.
 */
public final class UnitNames {

  private static final Pattern PROVINCE = Pattern.compile("^\\p{IsHan}{2,3}(省|自治区)");
  private static final Pattern DISTRICT_BEFORE_CITY =
      Pattern.compile("^\\p{IsHan}{1,6}?[区县](?=\\p{IsHan}{2,6}?市)");

  private UnitNames() {}

  /** The normalised name; empty for a null or blank name. */
  public static String key(String name) {
    if (name == null) {
      return "";
    }
    String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder(n.length());
    n.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
    String key = PROVINCE.matcher(sb).replaceFirst("");
    return DISTRICT_BEFORE_CITY.matcher(key).replaceFirst("");
  }

  /** The unit id of a name, or null when it has no name. */
  public static String id(String name) {
    String key = key(name);
    return key.isEmpty() ? null
        : Records.sha256Hex(key.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
  }
}
