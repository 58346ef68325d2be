package io.selfeval.analyse;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.nanvl;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups rows (typically unit-year profiles) by k-means over their standardised numeric
 * features, and scores how far each row sits from the centre of its group.
 *
 * <p>Method: the features are cast to double (NaN counts as missing) and each missing value is
 * filled with its column's exact median over the input ({@code median}, not MLlib's
 * {@code Imputer}, whose median is approximate); features that are constant (or wholly missing)
 * carry no information and would divide by a zero deviation, so they are left out. The rest are
 * assembled and standardised (mean 0, standard deviation 1), and k-means (MLlib {@link KMeans},
 * k-means|| initialisation, seeded) is fitted for every k from {@code max(2, minK)} to
 * {@code min(maxK, distinct points - 1)}. The k whose clustering has the highest silhouette
 * ({@link ClusteringEvaluator}, squared euclidean) wins, ties going to the smaller k; a k whose
 * model ends with fewer than k non-empty clusters is not considered.
 *
 * <p>{@code anomaly_score} is the euclidean distance of the row's standardised vector to its
 * cluster centre divided by the median of that distance within the cluster: about 1 is typical
 * of the cluster, 5 is five times as far as its typical member. When the median is 0 (most of
 * the cluster sits on its centre), the distance itself is the score.
 *
 * <p>The points are clustered in one partition, sorted by their features, so that the result
 * does not depend on how the input happens to be partitioned (see {@code assign}). Only the
 * per-column statistics (one row), two counts, the silhouettes and the centres reach the
 * driver.
 */
public final class Clusters {

  private static final Logger LOG = LoggerFactory.getLogger(Clusters.class);
  private static final String TMP = "_clusters_";
  private static final String RAW = TMP + "raw";
  private static final String SCALED = TMP + "scaled";
  private static final String PREDICTION = TMP + "prediction";
  private static final String DISTANCE = TMP + "distance";
  private static final Set<String> OUTPUT = Set.of("cluster", "cluster_k", "anomaly_score");
  /** The most k-means fits run at the same time. */
  private static final int FIT_THREADS = 4;

  private Clusters() {}

  /**
   * The rows of {@code profiles} with {@code cluster} (INT, 0-based), {@code cluster_k} (INT, the
   * k chosen) and {@code anomaly_score} (DECIMAL(22,6)) appended (replacing columns of those
   * names). The three are null on every row when there are fewer than {@code minRows} rows, or
   * too few distinct points for any k in range. The same input and seed give the same result.
   *
   * @param features numeric columns (any numeric type, nulls allowed) to cluster on
   */
  public static Dataset<Row> assign(Dataset<Row> profiles, List<String> features, int minRows,
      int minK, int maxK, long seed) {
    Map<String, Column> doubles = new LinkedHashMap<>();
    for (int i = 0; i < features.size(); i++) {
      Column value = col(quote(features.get(i))).cast("double");
      doubles.put(TMP + i, nanvl(value, lit(null).cast("double")));
    }
    Dataset<Row> typed = profiles.withColumns(doubles);
    List<Column> stats = new ArrayList<>(List.of(count(lit(1))));
    for (String f : doubles.keySet()) {
      stats.addAll(List.of(median(col(f)), min(col(f)), max(col(f))));
    }
    Row row = typed.select(stats.toArray(Column[]::new)).first();
    long rows = row.getLong(0);
    if (rows < minRows) {
      LOG.info("clusters: {} rows, fewer than the {} required; not clustered", rows, minRows);
      return unassigned(profiles);
    }
    Map<String, Column> filled = new LinkedHashMap<>();
    int position = 1;
    for (String f : doubles.keySet()) {
      if (!row.isNullAt(position) && row.getDouble(position + 1) < row.getDouble(position + 2)) {
        filled.put(f, coalesce(col(f), lit(row.getDouble(position))));
      }
      position += 3;
    }
    String[] used = filled.keySet().toArray(String[]::new);
    // k-means|| samples points by partition and position, and the sums behind the scaler and
    // the centres run partition by partition: the same profiles in another layout (another
    // master, other partition counts, files read in another order) clustered differently, k 2
    // on a standalone cluster where local mode chose 3. One partition in feature order makes
    // the layout the same wherever it runs (rows with equal features are interchangeable to
    // k-means); profiles are one row per unit and year, which one task holds easily.
    Dataset<Row> complete = typed.withColumns(filled).repartition(1)
        .sortWithinPartitions(Arrays.stream(used).map(c -> col(c)).toArray(Column[]::new));
    long distinct = used.length == 0 ? 1
        : complete.select(Arrays.stream(used).map(c -> col(c)).toArray(Column[]::new))
            .distinct().count();
    int low = Math.max(2, minK);
    long high = Math.min(maxK, distinct - 1);
    if (low > high) {
      LOG.info("clusters: {} distinct points allow no k in [{}, {}]; not clustered", distinct,
          minK, maxK);
      return unassigned(profiles);
    }
    Dataset<Row> assembled = new VectorAssembler().setInputCols(used).setOutputCol(RAW)
        .transform(complete);
    Dataset<Row> scaled = new StandardScaler().setWithMean(true).setWithStd(true)
        .setInputCol(RAW).setOutputCol(SCALED).fit(assembled).transform(assembled).persist();
    scaled.count(); // cached once here, not by each of the fits that start together below
    // The fits for each k are independent and each is a chain of small jobs on one partition:
    // run side by side, they keep more than one core busy. Which k wins does not depend on the
    // order they finish in: the silhouettes are compared in order of k afterwards.
    ExecutorService pool = Executors.newFixedThreadPool((int) Math.min(FIT_THREADS,
        high - low + 1));
    try {
      List<Future<Fit>> fits = new ArrayList<>();
      for (int k = low; k <= high; k++) {
        final int kk = k;
        fits.add(pool.submit(() -> fit(scaled, kk, seed)));
      }
      KMeansModel best = null;
      double bestSilhouette = Double.NEGATIVE_INFINITY;
      Map<Integer, Double> silhouettes = new LinkedHashMap<>();
      for (Future<Fit> future : fits) {
        Fit fit = done(future);
        if (fit == null) {
          continue;
        }
        silhouettes.put(fit.model().getK(), fit.silhouette());
        if (fit.silhouette() > bestSilhouette) {
          best = fit.model();
          bestSilhouette = fit.silhouette();
        }
      }
      LOG.info("clusters: {} rows on {} features, silhouette by k {}", rows, used.length,
          silhouettes);
      return best == null ? unassigned(profiles) : scored(profiles, scaled, best);
    } finally {
      pool.shutdownNow();
      scaled.unpersist();
    }
  }

  /** A k-means model and its silhouette. */
  private record Fit(KMeansModel model, double silhouette) {}

  /** k-means for one k, or null when it ends with fewer than k non-empty clusters. */
  private static Fit fit(Dataset<Row> scaled, int k, long seed) {
    KMeansModel model = new KMeans().setK(k).setSeed(seed).setFeaturesCol(SCALED)
        .setPredictionCol(PREDICTION).fit(scaled);
    if (Arrays.stream(model.summary().clusterSizes()).filter(s -> s > 0).count() < k) {
      return null;
    }
    return new Fit(model, new ClusteringEvaluator().setFeaturesCol(SCALED)
        .setPredictionCol(PREDICTION).evaluate(model.transform(scaled)));
  }

  private static Fit done(Future<Fit> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("clusters: interrupted while fitting k-means", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("clusters: k-means failed", cause);
    }
  }

  /** The rows with cluster, k and anomaly score under the chosen model. */
  private static Dataset<Row> scored(Dataset<Row> profiles, Dataset<Row> scaled,
      KMeansModel model) {
    List<Column> centres = new ArrayList<>();
    for (Vector centre : model.clusterCenters()) {
      centres.add(array(Arrays.stream(centre.toArray()).mapToObj(d -> lit(d))
          .toArray(Column[]::new)));
    }
    Column typical = median(col(DISTANCE)).over(Window.partitionBy(col(PREDICTION)));
    Column score = when(typical.gt(0), col(DISTANCE).divide(typical)).otherwise(col(DISTANCE));
    List<Column> out = kept(profiles);
    out.add(col(PREDICTION).cast("int").as("cluster"));
    out.add(lit(model.getK()).as("cluster_k"));
    out.add(score.cast("decimal(22,6)").as("anomaly_score"));
    Dataset<Row> predicted = model.transform(scaled)
        .withColumn(TMP + "v", functions.vector_to_array(col(SCALED), "float64"))
        .withColumn(TMP + "c", element_at(array(centres.toArray(Column[]::new)),
            col(PREDICTION).plus(1)))
        .withColumn(DISTANCE, expr("sqrt(aggregate(zip_with(" + TMP + "v, " + TMP + "c, "
            + "(a, b) -> (a - b) * (a - b)), 0D, (s, x) -> s + x))"));
    return predicted.select(out.toArray(Column[]::new));
  }

  private static Dataset<Row> unassigned(Dataset<Row> profiles) {
    List<Column> out = kept(profiles);
    out.add(lit(null).cast("int").as("cluster"));
    out.add(lit(null).cast("int").as("cluster_k"));
    out.add(lit(null).cast("decimal(22,6)").as("anomaly_score"));
    return profiles.select(out.toArray(Column[]::new));
  }

  /** The input's columns, less any the output replaces. */
  private static List<Column> kept(Dataset<Row> profiles) {
    List<Column> out = new ArrayList<>();
    for (String c : profiles.columns()) {
      if (!OUTPUT.contains(c)) {
        out.add(col(quote(c)));
      }
    }
    return out;
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
