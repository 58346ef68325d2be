package io.selfeval.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.tables.DeltaTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of a Delta table that differ between two of its versions, read from the files the
 * commits in between added and removed (the Delta protocol's {@code add} and {@code remove}
 * actions): a MERGE rewrites whole files, so a row copied unchanged into a new file is in both
 * and cancels out (multiset difference over a hash of the whole row). Costs a read of the
 * files those commits touched, not of the table.
 *
 * <p>Answers "cannot tell" (an empty Optional, with the reason logged) rather than a guess: when
 * a commit in between is gone (log clean-up), changed the table's schema or layout (a
 * {@code metaData} action), uses deletion vectors, or the table maps column names; the caller
 * then recomputes in full.
 */
public final class TableChanges {

  private static final Logger LOG = LoggerFactory.getLogger(TableChanges.class);
  /** The column of the result: {@code added} (in the newer version) or {@code removed}. */
  public static final String CHANGE = "_change";
  private static final String HASH = "_row_hash";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TableChanges() {}

  /** One data file an action names, with the partition values it carries. */
  private record DataFile(String path, Map<String, String> partition) {}

  /**
   * The rows of the table at {@code path} that are in version {@code to} and not in
   * {@code from} ({@link #CHANGE} {@code added}) or the other way ({@code removed}), projected
   * on {@code columns}; empty when it cannot tell. A row counts as changed when any of
   * {@code compared} changed (null: any column).
   */
  public static Optional<Dataset<Row>> between(SparkSession spark, String path, long from,
      long to, List<String> columns, List<String> compared) {
    Dataset<Row> current = spark.read().format("delta").load(path);
    StructType schema = current.schema();
    if (from < 0 || to < from) {
      return unknown(path, "no version " + from + " to compare with");
    }
    if (from == to) {
      return Optional.of(spark.createDataFrame(List.of(), projected(schema, columns)));
    }
    List<DataFile> added = new ArrayList<>();
    List<DataFile> removed = new ArrayList<>();
    try {
      FileSystem fs = new Path(path).getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (long v = from + 1; v <= to; v++) {
        Path commit = new Path(path + "/_delta_log/" + String.format("%020d.json", v));
        if (!fs.exists(commit)) {
          return unknown(path, "commit " + v + " is no longer in the log");
        }
        String why = actions(fs, commit, added, removed);
        if (why != null) {
          return unknown(path, "commit " + v + " " + why);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Delta log of " + path, e);
    }
    Row detail = DeltaTable.forPath(spark, path).detail()
        .select("partitionColumns", "properties").first();
    Map<String, String> properties = detail.getJavaMap(1);
    String mapping = properties.getOrDefault("delta.columnMapping.mode", "none");
    if (!"none".equals(mapping)) {
      return unknown(path, "maps column names (" + mapping + ")");
    }
    List<String> partitions = detail.getList(0);
    Dataset<Row> after = rows(spark, path, schema, partitions, added);
    Dataset<Row> before = rows(spark, path, schema, partitions, removed);
    List<Column> kept = new ArrayList<>();
    for (String c : columns) {
      kept.add(col(c));
    }
    Column[] hashed = (compared == null ? Arrays.asList(schema.fieldNames()) : compared).stream()
        .map(c -> col(c)).toArray(Column[]::new);
    kept.add(sha2(to_json(struct(hashed)), 256).as(HASH));
    Column[] out = kept.toArray(Column[]::new);
    Dataset<Row> a = after.select(out);
    Dataset<Row> b = before.select(out);
    return Optional.of(a.exceptAll(b).withColumn(CHANGE, lit("added"))
        .unionByName(b.exceptAll(a).withColumn(CHANGE, lit("removed"))).drop(HASH));
  }

  /**
   * Collects the data files {@code commit} adds and removes; returns why the changes cannot be
   * told from them, or null.
   */
  private static String actions(FileSystem fs, Path commit, List<DataFile> added,
      List<DataFile> removed) throws IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(commit),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode action = JSON.readTree(line);
        if (action.has("metaData")) {
          return "changed the table's schema or layout";
        }
        for (String kind : List.of("add", "remove")) {
          JsonNode file = action.get(kind);
          if (file == null) {
            continue;
          }
          if (file.hasNonNull("deletionVector")) {
            return "uses a deletion vector";
          }
          Map<String, String> partition = new LinkedHashMap<>();
          JsonNode values = file.get("partitionValues");
          if (values != null) {
            values.fields().forEachRemaining(e -> partition.put(e.getKey(),
                e.getValue().isNull() ? null : e.getValue().asText()));
          }
          (kind.equals("add") ? added : removed).add(new DataFile(file.get("path").asText(),
              partition));
        }
      }
    }
    return null;
  }

  /** The rows of {@code files}, with their partition columns. */
  private static Dataset<Row> rows(SparkSession spark, String table, StructType schema,
      List<String> partitions, List<DataFile> files) {
    StructType data = new StructType(Arrays.stream(schema.fields())
        .filter(f -> !partitions.contains(f.name())).toArray(StructField[]::new));
    Map<Map<String, String>, List<String>> byPartition = new LinkedHashMap<>();
    for (DataFile f : files) {
      byPartition.computeIfAbsent(f.partition(), k -> new ArrayList<>())
          .add(absolute(table, f.path()));
    }
    Dataset<Row> all = spark.createDataFrame(List.of(), schema);
    for (Map.Entry<Map<String, String>, List<String>> e : byPartition.entrySet()) {
      Dataset<Row> part = spark.read().schema(data).parquet(e.getValue().toArray(String[]::new));
      for (String p : partitions) {
        part = part.withColumn(p, lit(e.getKey().get(p)).cast(schema.apply(p).dataType()));
      }
      all = all.unionByName(part);
    }
    return all;
  }

  private static String absolute(String table, String path) {
    try {
      URI uri = new URI(path);
      return uri.isAbsolute() ? uri.toString() : new Path(new Path(table), new Path(uri))
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a Delta log names a file it cannot parse: " + path, e);
    }
  }

  private static StructType projected(StructType schema, List<String> columns) {
    List<StructField> fields = new ArrayList<>();
    for (String c : columns) {
      fields.add(schema.apply(c));
    }
    fields.add(new StructField(CHANGE, org.apache.spark.sql.types.DataTypes.StringType, false,
        org.apache.spark.sql.types.Metadata.empty()));
    return new StructType(fields.toArray(StructField[]::new));
  }

  private static Optional<Dataset<Row>> unknown(String path, String why) {
    LOG.info("changes of {} cannot be told: {}", path, why);
    return Optional.empty();
  }
}
