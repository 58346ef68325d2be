package io.selfeval.extract.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The header words of self-evaluation forms, loaded from the versioned resource
 * {@code io/selfeval/extract/vocabulary.json}: which column of the budget block or indicator table
 * a header cell names, and which labels name the unit, project, totals. Cells are matched in
 * folded form ({@link #fold}): without blanks, full-width forms and zero-width characters
 * normalised, traditional characters turned simplified by ICU4J's Traditional-Simplified
 * transliterator. Only matching sees the folded form; records keep the text as printed.
 */
public final class Vocabulary {

  public static final String RESOURCE = "/io/selfeval/extract/vocabulary.json";

  public static final String TRADITIONAL_RESOURCE = "/io/selfeval/extract/traditional-chars.txt";
  /**
   * Ideographs ICU's Traditional-Simplified transliterator changes when they stand alone, listed
   * in {@code traditional-chars.txt} (generated from ICU; a test keeps the two equal): a string
   * without any is returned as it is, and the transliterator (seconds to build) is only built for
   * a document that prints traditional characters.
   */
  private static final BitSet TRADITIONAL = listedTraditionalChars();
  private static final Map<String, String> FOLDED = new ConcurrentHashMap<>();
  private static final int CACHE_MAX = 50_000;
  private static final Vocabulary INSTANCE = load();

  private final String version;
  private final Map<String, List<String>> budgetColumns;
  private final Map<String, List<String>> indicatorColumns;
  private final Map<String, List<String>> labels = new LinkedHashMap<>();
  private final Map<String, String> level1OfLevel2 = new LinkedHashMap<>();

  private Vocabulary(JsonNode root) {
    version = root.get("version").asText();
    budgetColumns = groups(root.get("budget_columns"));
    indicatorColumns = groups(root.get("indicator_columns"));
    groups(root.get("level1_of_level2")).forEach((level1, level2s) ->
        level2s.forEach(level2 -> level1OfLevel2.put(level2, level1)));
    for (String key : List.of("budget_single_column", "budget_total_labels", "total_labels",
        "total_field_labels", "indicator_sum_labels", "sign_off_labels", "form_foot_labels",
        "project_form_labels", "unit_labels",
        "implementing_labels", "project_labels")) {
      labels.put(key, words(root.get(key)));
    }
    // every other list of the resource is a label group too (the flattened-form reader's words)
    root.fields().forEachRemaining(e -> {
      if (e.getValue().isArray()) {
        labels.putIfAbsent(e.getKey(), words(e.getValue()));
      }
    });
  }

  private static BitSet listedTraditionalChars() {
    BitSet set = new BitSet(0x10000);
    try (InputStream in = Vocabulary.class.getResourceAsStream(TRADITIONAL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + TRADITIONAL_RESOURCE);
      }
      new String(in.readAllBytes(), StandardCharsets.UTF_8).chars().forEach(c -> {
        if (c >= 0x3400) {
          set.set(c);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return set;
  }

  /** The ICU transliterator, built on first use. */
  private static final class Icu {
    static final Transliterator T2S = Transliterator.getInstance("Traditional-Simplified");
  }

  /** The characters the transliterator changes alone, as ICU computes them (for the test). */
  static BitSet traditionalCharsFromIcu() {
    BitSet set = new BitSet(0x10000);
    UnicodeSet source = Icu.T2S.getSourceSet();
    for (int c = 0x3400; c < 0xFB00; c++) {
      String one = String.valueOf((char) c);
      if (source.contains(c) && !one.equals(Icu.T2S.transliterate(one))) {
        set.set(c);
      }
    }
    return set;
  }

  static BitSet traditionalChars(boolean fromResource) {
    return fromResource ? (BitSet) TRADITIONAL.clone() : traditionalCharsFromIcu();
  }

  private static Vocabulary load() {
    try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new Vocabulary(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, List<String>> groups(JsonNode node) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), words(e.getValue())));
    return out;
  }

  private static List<String> words(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(fold(io.selfeval.extract.Texts.compact(n.asText()))));
    return List.copyOf(out);
  }

  /** The vocabulary's version, as the resource states it. */
  public static String version() {
    return INSTANCE.version;
  }

  /**
   * A compact text ready for matching: zero-width characters and a sharing site's pinyin
   * annotations ({@link PinyinAnnotations}) removed and traditional characters turned
   * simplified. Cheap for text without traditional characters.
   */
  public static String fold(String compact) {
    if (compact == null || compact.isEmpty()) {
      return compact == null ? "" : compact;
    }
    boolean zeroWidth = false;
    boolean traditional = false;
    boolean pinyin = false;
    for (int i = 0; i < compact.length(); i++) {
      char c = compact.charAt(i);
      if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF') {
        zeroWidth = true;
      } else if (c >= 0x3400 && TRADITIONAL.get(c)) {
        traditional = true;
      } else if (c >= 0xE0 && c < 0x1E40 && PinyinAnnotations.isToneMark(c)) {
        pinyin = true;
      }
    }
    if (!zeroWidth && !traditional && !pinyin) {
      return compact;
    }
    String s = zeroWidth ? compact.replaceAll("[\\u200B-\\u200D\\u2060\\uFEFF]", "") : compact;
    s = pinyin ? PinyinAnnotations.strip(s) : s;
    if (!traditional) {
      return s;
    }
    String cached = FOLDED.get(s);
    if (cached != null) {
      return cached;
    }
    String simplified;
    synchronized (Icu.T2S) {
      simplified = Icu.T2S.transliterate(s);
    }
    if (FOLDED.size() > CACHE_MAX) {
      FOLDED.clear();
    }
    FOLDED.put(s, simplified);
    return simplified;
  }

  /** The budget column a folded header cell names (initial, adjusted, ...), or null. */
  public static String budgetColumn(String folded) {
    return earliest(folded, INSTANCE.budgetColumns, BUDGET_MATCHED);
  }

  /** The indicator column a folded header cell names (level1, name, target, ...), or null. */
  public static String indicatorColumn(String folded) {
    return earliest(folded, INSTANCE.indicatorColumns, INDICATOR_MATCHED);
  }

  /** The folded synonyms of one budget column (initial, adjusted, ...), for scanning text. */
  public static List<String> budgetColumnWords(String column) {
    return INSTANCE.budgetColumns.getOrDefault(column, List.of());
  }

  /** The folded synonyms of one indicator column (level1, name, ...), for scanning text. */
  public static List<String> indicatorColumnWords(String column) {
    return INSTANCE.indicatorColumns.getOrDefault(column, List.of());
  }

  /** True when the folded cell contains one of the labels of the group (e.g. total_labels). */
  public static boolean isLabel(String group, String folded) {
    return indexIn(folded, INSTANCE.labels.get(group)) == 0;
  }

  /**
   * The 一级指标 a 二级指标 belongs to in the national framework (数量指标 → 产出指标), or null
   * where templates differ (成本指标 is 二级 under 产出 in some, 一级 in others).
   */
  public static String level1Of(String level2) {
    return level2 == null ? null : INSTANCE.level1OfLevel2.get(level2);
  }

  /** True when the folded cell starts with one of the labels of the group. */
  public static boolean startsWithLabel(String group, String folded) {
    for (String w : INSTANCE.labels.get(group)) {
      if (folded.startsWith(w)) {
        return true;
      }
    }
    return false;
  }

  /** The labels of a group (e.g. sign_off_labels), folded, in the resource's order. */
  public static List<String> labels(String group) {
    return INSTANCE.labels.get(group);
  }

  /** True when the folded cell is exactly one of the labels of the group. */
  public static boolean isExactLabel(String group, String folded) {
    return INSTANCE.labels.get(group).contains(folded);
  }

  /** How many cells name a budget or indicator column: two or more make a header row. */
  public static int headerWords(Collection<String> cells) {
    int n = 0;
    for (String cell : cells) {
      String f = fold(io.selfeval.extract.Texts.compact(cell));
      if (f.isEmpty() || f.length() > 20) {
        continue;
      }
      if (budgetColumn(f) != null || indicatorColumn(f) != null) {
        n++;
      }
    }
    return n;
  }

  /** Position of the earliest word of the list in the text (the longest at a tie), or -1. */
  private static int indexIn(String text, List<String> words) {
    int best = -1;
    for (String w : words) {
      int at = text.indexOf(w);
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
      }
    }
    return best;
  }

  /** Column names by cell, per group map (cells repeat: labels, headers, numbers). */
  private static final Map<String, String> BUDGET_MATCHED = new ConcurrentHashMap<>();
  private static final Map<String, String> INDICATOR_MATCHED = new ConcurrentHashMap<>();
  private static final String NONE = "";

  private static String earliest(String folded, Map<String, List<String>> groups,
      Map<String, String> cache) {
    if (folded == null || folded.isEmpty() || folded.length() > 40) {
      return null;
    }
    String hit = cache.get(folded);
    if (hit == null) {
      if (cache.size() > CACHE_MAX) {
        cache.clear();
      }
      String found = search(folded, groups);
      hit = found == null ? NONE : found;
      cache.put(folded, hit);
    }
    return hit.isEmpty() ? null : hit;
  }

  private static String search(String folded, Map<String, List<String>> groups) {
    String found = null;
    int foundAt = Integer.MAX_VALUE;
    int foundLength = 0;
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      for (String w : g.getValue()) {
        int at = folded.indexOf(w);
        if (at >= 0 && (at < foundAt || at == foundAt && w.length() > foundLength)) {
          found = g.getKey();
          foundAt = at;
          foundLength = w.length();
        }
      }
    }
    return found;
  }
}
