package io.selfeval.evaluate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.warehouse.Tables;
import io.selfeval.warehouse.Tables.Table;
import io.selfeval.warehouse.Warehouse;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Scores what the pipeline found in a warehouse against the manifest of the generated corpus it
 * read: precision and recall of each flag rule, and of the unit and indicator links. The
 * pipeline must have read {@code <corpus>/reports} (source files relative to it).
 */
public final class ManifestScorer {

  /** Counts for one rule (or link kind). */
  public record Score(String rule, int expected, int found, int truePositives) {

    public double precision() {
      return found == 0 ? (expected == 0 ? 1.0 : 0.0) : (double) truePositives / found;
    }

    public double recall() {
      return expected == 0 ? (found == 0 ? 1.0 : 0.0) : (double) truePositives / expected;
    }

    public String describe() {
      return String.format("%-26s expected %5d  found %5d  precision %.3f  recall %.3f", rule,
          expected, found, precision(), recall());
    }
  }

  private final SparkSession spark;
  private final Warehouse warehouse;

  public ManifestScorer(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /** One score per rule that was expected or found, then {@code links:unit} and so on. */
  public List<Score> score(File manifest) throws IOException {
    JsonNode m = new ObjectMapper().readTree(manifest);
    Set<String> expected = new TreeSet<>();
    m.get("expected_flags").forEach(n -> expected.add(n.asText()));
    Set<String> found = new TreeSet<>(foundFlags());
    List<Score> scores = new ArrayList<>(byRule(expected, found));
    Set<String> unitTruth = new HashSet<>();
    m.get("expected_unit_links").forEach(n -> unitTruth.add(n.get("old_name").asText() + "→"
        + n.get("new_name").asText()));
    Set<String> indicatorTruth = new HashSet<>();
    m.get("expected_indicator_links").forEach(n -> indicatorTruth.add(n.get("from").asText()
        + "→" + n.get("to").asText()));
    if (exists(Tables.LINKS)) {
      scores.add(compare("links:unit", unitTruth, foundUnitLinks()));
      scores.add(compare("links:indicator", indicatorTruth, foundIndicatorLinks()));
    }
    return scores;
  }

  private static List<Score> byRule(Set<String> expected, Set<String> found) {
    Map<String, Set<String>[]> rules = new TreeMap<>();
    for (String k : expected) {
      slot(rules, k)[0].add(k);
    }
    for (String k : found) {
      slot(rules, k)[1].add(k);
    }
    List<Score> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>[]> e : rules.entrySet()) {
      out.add(compare(e.getKey(), e.getValue()[0], e.getValue()[1]));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Set<String>[] slot(Map<String, Set<String>[]> rules, String key) {
    return rules.computeIfAbsent(key.substring(0, key.indexOf('|')),
        r -> new Set[] {new HashSet<>(), new HashSet<>()});
  }

  private static Score compare(String rule, Set<String> expected, Set<String> found) {
    int hits = 0;
    for (String k : found) {
      hits += expected.contains(k) ? 1 : 0;
    }
    return new Score(rule, expected.size(), found.size(), hits);
  }

  /** The flags in the warehouse, keyed as the manifest keys them. */
  List<String> foundFlags() {
    Dataset<Row> forms = read(Tables.FORMS).select(col("form_id").as("f_id"), col("form_index"));
    Column file = regexp_replace(col("source_file"), "^reports/", "");
    Column rule = col("rule_id");
    Column key = when(rule.equalTo("DIGIT_ANOMALY"), concat(rule, lit("|year:"),
            col("fiscal_year").cast("string"), lit("|test:"), col("evidence_values")
                .getItem("test")))
        .when(rule.isin("PEER_OUTLIER", "HISTORY_OUTLIER"), concat(rule, lit("|"), file))
        .when(rule.equalTo("NARRATIVE_TABLE_MISMATCH"), concat(rule, lit("|"), file,
            lit("|form:"), col("form_index").cast("string"), lit("|figure:"),
            col("evidence_values").getItem("figure")))
        .when(col("indicator_id").isNotNull(), concat(rule, lit("|"), file, lit("|line:"),
            col("source_line").cast("string")))
        .otherwise(concat(rule, lit("|"), file, lit("|form:"),
            col("form_index").cast("string")));
    return read(Tables.FLAGS).join(forms, col("form_id").equalTo(col("f_id")), "left_outer")
        .select(key).distinct().as(Encoders.STRING()).collectAsList();
  }

  private Set<String> foundUnitLinks() {
    return new HashSet<>(read(Tables.LINKS).where(col("link_kind").equalTo("unit"))
        .select(concat(col("left_name"), lit("→"), col("right_name")))
        .as(Encoders.STRING()).collectAsList());
  }

  private Set<String> foundIndicatorLinks() {
    Dataset<Row> rows = read(Tables.INDICATOR_DEVIATIONS).select(col("indicator_id").as("i_id"),
        concat(regexp_replace(col("source_file"), "^reports/", ""), lit("|line:"),
            col("line").cast("string")).as("at"));
    Dataset<Row> links = read(Tables.LINKS).where(col("link_kind").equalTo("indicator"));
    return new HashSet<>(links
        .join(rows.withColumnRenamed("i_id", "l_id").withColumnRenamed("at", "l_at"),
            col("left_key").equalTo(col("l_id")))
        .join(rows.withColumnRenamed("i_id", "r_id").withColumnRenamed("at", "r_at"),
            col("right_key").equalTo(col("r_id")))
        .select(concat(col("l_at"), lit("→"), col("r_at"))).as(Encoders.STRING())
        .collectAsList());
  }

  private boolean exists(Table table) {
    return new File(warehouse.table(table).replaceFirst("^file:", ""), "_delta_log").isDirectory()
        || warehouse.has(spark, table);
  }

  private Dataset<Row> read(Table table) {
    return warehouse.read(spark, table);
  }
}
