package io.selfeval.analyse;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.char_length;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import io.selfeval.warehouse.Tables;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Links one entity across years when its name changed: a unit renamed (株洲市城市管理局, then
 * 株洲市城市管理和综合执法局) or an indicator reworded from one year's form to the next
 * (执法案件数量, then 执法案件数). Rows of {@code int_links} ({@code schemas/tables/int_links.ddl}).
 *
 * <p>Names are normalised (everything but letters and digits removed, lower case) and cut into
 * distinct character bigrams, Chinese having no spaces to split words on; a one-character name is
 * its own unigram, and an empty one is left out. Candidate indicator pairs are every pair of
 * rows within one unit and form from one year to the next (an equi-join: few rows each). Candidate
 * unit pairs, which may be any two units, come from MinHash LSH (MLlib
 * {@link MinHashLSH}, {@value #HASH_TABLES} hash tables, seeded) over binary hashed bigram
 * vectors ({@link HashingTF}, 2^18 features) through {@code approxSimilarityJoin}. A pair at
 * Jaccard distance d shares a table's bucket with probability 1 - d, so it is found with
 * probability 1 - d^{@value #HASH_TABLES}: 99.9 % at d = 0.5, 99.4 % at 0.6, all but one in
 * ten million at 0.2.
 * The exact Jaccard distance of the two bigram arrays (array_intersect and array_union sizes, not
 * the hashed vectors) then decides, together with the conditions of each kind of link.
 */
public final class Links {

  /*
   * The largest distance is flags.json's link_max_distance (0.5), the one default; worked
   * examples (bigrams of each name, shared, in all, distance):
   *   株洲市城市管理局, then 株洲市城市综合管理局: 7 and 9 bigrams, 6 shared, 10 in all: 0.4, linked;
   *   执法案件数量, then 执法案件数: 5 and 4, 4 shared, 5 in all: 0.2, linked;
   *   培训人次, then 培训人数: 3 and 3, 2 shared (培训 训人), 4 in all: 0.5, linked;
   *   株洲市城市管理局, then 株洲市城市管理和综合执法局: 7 and 12, 6 shared, 13 in all: 0.538, not
   *     linked (a whole clause gained; 0.6 would link it, and more unrelated pairs with it);
   *   株洲市城市管理局 and 株洲市财政局: 7 and 5, 2 shared (株洲 洲市), 10 in all: 0.8, not linked;
   *   群众满意度 and 服务对象满意度: 4 and 6, 2 shared (满意 意度), 8 in all: 0.75, not linked.
   * So 0.5 keeps a name that gained or lost a word as long as it keeps most of its bigrams, and
   * drops pairs whose common part is a prefix or suffix shared by many unrelated names.
   */

  /** MinHash tables: a candidate needs one equal hash (OR-amplification). */
  static final int HASH_TABLES = 10;

  /** The {@code method} column of unit links. */
  static final String METHOD = "minhash_lsh char-2gram";

  /** The {@code method} column of indicator links: every pair within a form is compared. */
  static final String INDICATOR_METHOD = "exact char-2gram";

  private static final int FEATURES = 1 << 18;

  /** The join keeps distances strictly below its threshold; this lets maxDistance itself in. */
  private static final double SLACK = 1e-6;

  /** Greedy one-to-one choice among the candidates of a group, sorted best first. */
  private static final String GREEDY = "aggregate(array_sort(pairs), filter(pairs, x -> false), "
      + "(taken, p) -> if(exists(taken, t -> t.l_key = p.l_key or t.r_key = p.r_key), taken, "
      + "concat(taken, array(p))))";

  private Links() {}

  private static final UserDefinedFunction RENAME_SHAPED = udf(
      (UDF2<String, String, Boolean>) Links::renameShaped, DataTypes.BooleanType)
      .asNonNullable();

  /**
   * Whether {@code newer} has the shape of a new name for {@code older}: once their longest
   * common beginning and end are set aside (letters and digits only, lower case), what is left of
   * one lies within what is left of the other: words added (城市管理局 → 城市管理和综合执法局),
   * expanded (城管局 → 城市管理局) or dropped. Two different units whose names merely share a
   * long part fail: siblings (…执法支队直属三大队 / …执法支队站场执法大队: 直属三 vs 站场执法) and
   * units of two cities (株洲市… / 岳阳市…), which bigram distance alone would let through.
   */
  static boolean renameShaped(String older, String newer) {
    String a = older == null ? "" : older.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase();
    String b = newer == null ? "" : newer.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase();
    int shorter = Math.min(a.length(), b.length());
    int prefix = 0;
    while (prefix < shorter && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < shorter - prefix
        && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
      suffix++;
    }
    String restA = a.substring(prefix, a.length() - suffix);
    String restB = b.substring(prefix, b.length() - suffix);
    return restA.length() <= restB.length() ? restB.contains(restA) : restA.contains(restB);
  }

  /**
   * Units renamed between years: input columns unit_id, canonical_name and years_seen
   * ({@code ARRAY<INT>}) as in {@code units}. A pair of different units is linked when every
   * year of one comes before every year of the other (the old name stops, the new one starts)
   * and the exact distance of their canonical names is at most {@code maxDistance}; left is the
   * earlier, and the names have the shape of a rename ({@link #renameShaped}). Of those, only
   * mutual nearest pairs are kept: the old name's closest successor
   * whose own closest predecessor it is (ties by name), so two units renamed the same way in
   * different cities (岳阳市城市管理事务中心 → 岳阳市城市综合管理事务中心, 衡阳市城市管理事务中心 →
   * 衡阳市城市综合管理事务中心) are not crossed; splits and mergers are not linked. names_seen is
   * not read: the spellings of one unit share its name key, so the canonical name stands for
   * them.
   */
  public static Dataset<Row> units(Dataset<Row> units, double maxDistance, long seed) {
    Dataset<Row> sides = grams(units.select(col("unit_id").as("key"),
        col("canonical_name").as("name"), array_sort(array_compact(col("years_seen")))
            .as("years")).where(col("key").isNotNull().and(size(col("years")).gt(0))));
    Dataset<Row> pairs = candidates(sides, sides, seed, maxDistance);
    if (pairs == null) {
      return empty(units);
    }
    Column threshold = threshold(maxDistance);
    Dataset<Row> qualified = pairs.withColumn("distance", distance())
        .where(col("l_key").notEqual(col("r_key"))
            .and(array_max(col("l_years")).lt(array_min(col("r_years"))))
            .and(col("distance").leq(threshold))
            .and(RENAME_SHAPED.apply(col("l_name"), col("r_name"))));
    // mutual nearest: the old name's closest successor whose closest predecessor it is
    Dataset<Row> linked = qualified
        .withColumn("l_rank", row_number().over(Window.partitionBy(col("l_key"))
            .orderBy(col("distance"), col("r_name"), col("r_key"))))
        .withColumn("r_rank", row_number().over(Window.partitionBy(col("r_key"))
            .orderBy(col("distance"), col("l_name"), col("l_key"))))
        .where(col("l_rank").equalTo(1).and(col("r_rank").equalTo(1)));
    return Tables.LINKS.conform(linked.select(lit("unit").as("link_kind"),
        col("l_key").as("left_key"), col("r_key").as("right_key"),
        col("l_name").as("left_name"), col("r_name").as("right_name"),
        lit(null).cast("string").as("unit_id"), lit(null).cast("string").as("form_key"),
        array_max(col("l_years")).as("left_year"), array_min(col("r_years")).as("right_year"),
        col("l_years").as("left_years"), col("r_years").as("right_years"),
        col("distance").as("jaccard_distance"), lit(METHOD).as("method"),
        threshold.as("threshold")));
  }

  /**
   * Indicators reworded between two years of the same form: input columns indicator_id, unit_id,
   * fiscal_year, name and form_key (what identifies the same form across years; supplied by the
   * caller), as in {@code int_indicator_deviations} plus form_key. A row of year y1 is linked to a
   * row of year y2 of the same unit and form_key when y2 is the next year that form_key has after
   * y1 (a missing year is skipped over), the left name does not appear among y2's names and the
   * right name not among y1's (both compared normalised: a rewording replaces a name), and their
   * exact distance is at most {@code maxDistance}. Each row is linked at most once: candidates are
   * taken greedily in order of distance, then right name, left name, right key and left key, a
   * pair being skipped when its left or right row is already linked.
   */
  public static Dataset<Row> indicators(Dataset<Row> deviations, double maxDistance) {
    Dataset<Row> rows = grams(deviations.select(col("indicator_id").as("key"), col("unit_id"),
        col("form_key"), col("fiscal_year").as("year"), col("name"))
        .where(col("key").isNotNull().and(col("unit_id").isNotNull())
            .and(col("form_key").isNotNull()).and(col("year").isNotNull())));
    WindowSpec form = Window.partitionBy(col("unit_id"), col("form_key")).orderBy(col("year"));
    Dataset<Row> years = rows.select(col("unit_id"), col("form_key"), col("year")).distinct()
        .withColumn("next_year", lead(col("year"), 1).over(form))
        .withColumn("prev_year", lag(col("year"), 1).over(form));
    Dataset<Row> names = rows.groupBy(col("unit_id"), col("form_key"), col("year"))
        .agg(collect_set(col("norm")).as("names"));
    Dataset<Row> placed = rows.join(years, new String[] {"unit_id", "form_key", "year"},
        "inner");
    Dataset<Row> gone = placed.join(names.withColumnRenamed("year", "next_year"),
        new String[] {"unit_id", "form_key", "next_year"}, "inner")
        .where(not(expr("array_contains(names, norm)"))).drop("names", "prev_year");
    Dataset<Row> arrived = placed.join(names.withColumnRenamed("year", "prev_year"),
        new String[] {"unit_id", "form_key", "prev_year"}, "inner")
        .where(not(expr("array_contains(names, norm)"))).drop("names", "next_year");
    // Every pair that can be linked lies within one unit and form_key and one year to the
    // next: an equi-join on those finds each of them, in time linear in the rows (an LSH join
    // over all indicators would bucket together the same wording in every unit, and miss a
    // pair now and then)
    Column threshold = threshold(maxDistance);
    Dataset<Row> candidates = prefixed(gone, "l_").join(prefixed(arrived, "r_"),
            col("l_unit_id").equalTo(col("r_unit_id"))
                .and(col("l_form_key").equalTo(col("r_form_key")))
                .and(col("r_year").equalTo(col("l_next_year"))), "inner")
        .withColumn("distance", distance())
        .where(col("distance").leq(threshold));
    Dataset<Row> chosen = candidates.groupBy(col("l_unit_id").as("unit_id"),
        col("l_form_key").as("form_key"), col("l_year").as("left_year"))
        .agg(collect_list(struct(col("distance"), col("r_name"), col("l_name"), col("r_key"),
            col("l_key"), col("r_year"))).as("pairs"))
        .selectExpr("unit_id", "form_key", "left_year", "explode(" + GREEDY + ") as p");
    return Tables.LINKS.conform(chosen.select(lit("indicator").as("link_kind"),
        col("p.l_key").as("left_key"), col("p.r_key").as("right_key"),
        col("p.l_name").as("left_name"), col("p.r_name").as("right_name"), col("unit_id"),
        col("form_key"), col("left_year"), col("p.r_year").as("right_year"),
        array(col("left_year")).as("left_years"), array(col("p.r_year")).as("right_years"),
        col("p.distance").as("jaccard_distance"), lit(INDICATOR_METHOD).as("method"),
        threshold.as("threshold")));
  }

  /** Adds norm (the normalised name) and grams (its distinct bigrams); drops empty names. */
  private static Dataset<Row> grams(Dataset<Row> named) {
    return named.withColumn("norm", lower(regexp_replace(col("name"), "[^\\p{L}\\p{N}]", "")))
        .where(char_length(col("norm")).gt(0))
        .withColumn("grams", expr("if(char_length(norm) = 1, array(norm), array_distinct("
            + "transform(sequence(1, char_length(norm) - 1), i -> substring(norm, i, 2))))"));
  }

  /**
   * Pairs (left, right) the LSH join finds, each side's columns prefixed l_ and r_; null when a
   * side is empty (the model cannot be fitted without a row).
   */
  private static Dataset<Row> candidates(Dataset<Row> left, Dataset<Row> right, long seed,
      double maxDistance) {
    if (left.isEmpty() || right.isEmpty()) {
      return null;
    }
    HashingTF vectors = new HashingTF().setInputCol("grams").setOutputCol("vector")
        .setNumFeatures(FEATURES).setBinary(true);
    Dataset<Row> a = vectors.transform(left);
    Dataset<Row> b = left == right ? a : vectors.transform(right);
    MinHashLSHModel model = new MinHashLSH().setNumHashTables(HASH_TABLES).setSeed(seed)
        .setInputCol("vector").setOutputCol("hashes").fit(a);
    Dataset<Row> joined = model.approxSimilarityJoin(a, b,
        Math.min(maxDistance, 1.0) + SLACK, "lsh_distance").toDF();
    List<Column> out = new ArrayList<>();
    for (String c : left.columns()) {
      out.add(col("datasetA." + c).as("l_" + c));
    }
    for (String c : right.columns()) {
      out.add(col("datasetB." + c).as("r_" + c));
    }
    return joined.select(out.toArray(Column[]::new));
  }

  /** The columns of {@code rows}, each name prefixed. */
  private static Dataset<Row> prefixed(Dataset<Row> rows, String prefix) {
    return rows.select(Arrays.stream(rows.columns()).map(c -> col(c).as(prefix + c))
        .toArray(Column[]::new));
  }

  /** Exact Jaccard distance of l_grams and r_grams, rounded to 6 decimals. */
  private static Column distance() {
    Column all = size(array_union(col("l_grams"), col("r_grams")));
    Column shared = size(array_intersect(col("l_grams"), col("r_grams")));
    return all.minus(shared).cast("double").divide(all).cast("decimal(22,6)");
  }

  private static Column threshold(double maxDistance) {
    return lit(BigDecimal.valueOf(maxDistance).setScale(6, RoundingMode.HALF_UP))
        .cast("decimal(22,6)");
  }

  private static Dataset<Row> empty(Dataset<Row> any) {
    return any.sparkSession().createDataFrame(List.of(), Tables.LINKS.schema());
  }
}
