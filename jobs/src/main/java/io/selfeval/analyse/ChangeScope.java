package io.selfeval.analyse;

import static org.apache.spark.sql.functions.col;

import io.selfeval.warehouse.AnalysedStamp;
import io.selfeval.warehouse.TableChanges;
import io.selfeval.warehouse.TableVersions;
import io.selfeval.warehouse.Tables;
import io.selfeval.warehouse.Tables.Table;
import io.selfeval.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the loaded tables changed since the analysis in the warehouse was computed: the forms
 * added, changed or retired (every form of a document any of whose rows changed, so a
 * document's statements are judged with all its forms), and the units whose row changed. Told
 * from the warehouse alone: the table versions the last analysis stamped on its commits against
 * the versions now, through the files the commits in between added and removed
 * ({@link TableChanges}). So it holds when analyse runs alone, or after a run that died.
 *
 * @param forms one row per changed form and version (the old and the new one): form_id,
 *     unit_id, fiscal_year, form_key, document_sha256
 * @param units the unit_ids whose {@code units} row changed
 */
public record ChangeScope(Dataset<Row> forms, Set<String> units, long formCount) {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeScope.class);
  private static final List<String> FORM_COLUMNS = List.of("form_id", "unit_id", "fiscal_year",
      "form_kind", "project_name", "document_sha256");
  static final StructType FORM_SCHEMA = new StructType()
      .add("form_id", DataTypes.StringType)
      .add("unit_id", DataTypes.StringType)
      .add("fiscal_year", DataTypes.IntegerType)
      .add("form_key", DataTypes.StringType)
      .add("document_sha256", DataTypes.StringType);

  /**
   * The changes since the analysis stamped in the warehouse, or empty when they cannot be told
   * with certainty (no analysis yet, one that died half-way, other settings, a log that no
   * longer holds the commits): the caller recomputes in full. The reason is logged.
   */
  public static Optional<ChangeScope> since(SparkSession spark, Warehouse warehouse,
      String settings) {
    String stamp = AnalysedStamp.of(spark, warehouse);
    if (AnalysedStamp.UNKNOWN.equals(stamp)) {
      return full("the analysed tables do not carry one stamp (none yet, or an analysis died "
          + "half-way)");
    }
    if (!AnalysedStamp.settings(stamp).equals(settings)) {
      return full("the analysis settings changed: was '" + AnalysedStamp.settings(stamp)
          + "', now '" + settings + "'");
    }
    Map<String, Long> before = AnalysedStamp.versions(stamp);
    Map<String, Long> now = AnalysedStamp.versions(TableVersions.of(spark, warehouse));
    if (!before.keySet().equals(now.keySet())) {
      return full("the stamp names other tables: " + before.keySet());
    }
    Dataset<Row> changedForms = null;
    Set<String> units = new LinkedHashSet<>();
    for (Table table : TableVersions.LOADED) {
      long from = before.get(table.name());
      long to = now.get(table.name());
      if (from == to) {
        continue;
      }
      boolean isUnits = table.equals(Tables.UNITS);
      List<String> columns = isUnits ? List.of("unit_id")
          : table.equals(Tables.FORMS) ? FORM_COLUMNS : List.of("form_id");
      // a unit's row changes with every year it is seen; the analysis reads only its name
      Optional<Dataset<Row>> changes = TableChanges.between(spark, warehouse.table(table), from,
          to, columns, isUnits ? List.of("unit_id", "canonical_name") : null);
      if (changes.isEmpty()) {
        return full("the changes of " + table + " from version " + from + " to " + to
            + " cannot be told");
      }
      if (isUnits) {
        for (Row r : changes.get().select("unit_id").distinct().collectAsList()) {
          units.add(r.getString(0));
        }
      } else {
        Dataset<Row> ids = table.equals(Tables.FORMS) ? withKey(changes.get())
            : changes.get().select("form_id");
        changedForms = changedForms == null ? ids
            : changedForms.unionByName(ids, true);
      }
    }
    List<Row> rows = new ArrayList<>();
    if (changedForms != null) {
      Dataset<Row> current = withKey(warehouse.read(spark, Tables.FORMS).select(
          FORM_COLUMNS.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new)));
      List<Row> changed = changedForms.collectAsList();
      Set<String> ids = new LinkedHashSet<>();
      Set<String> documents = new LinkedHashSet<>();
      Set<List<Object>> seen = new LinkedHashSet<>();
      for (Row r : changed) {
        ids.add(r.getAs("form_id"));
        if (r.schema().getFieldIndex("document_sha256").isDefined()
            && r.getAs("document_sha256") != null) {
          documents.add(r.getAs("document_sha256"));
          add(rows, seen, r);
        }
      }
      // the current rows of every changed form and of every form of a changed document
      for (Row r : current.where(col("form_id").isin(ids.toArray())
          .or(col("document_sha256").isin(documents.toArray()))).collectAsList()) {
        add(rows, seen, r);
      }
    }
    Dataset<Row> forms = spark.createDataFrame(rows, FORM_SCHEMA);
    long count = rows.stream().map(r -> r.getString(0)).distinct().count();
    LOG.info("analyse: scope since {}: {} forms added, changed or retired, {} units changed",
        before, count, units.size());
    return Optional.of(new ChangeScope(forms, units, count));
  }

  /** The form columns of a scope row, the form key computed as the analysis does. */
  private static Dataset<Row> withKey(Dataset<Row> forms) {
    return forms.select(col("form_id"), col("unit_id"), col("fiscal_year"),
        TargetChanges.formKey().as("form_key"), col("document_sha256"));
  }

  private static void add(List<Row> rows, Set<List<Object>> seen, Row r) {
    List<Object> values = List.of(r.getAs("form_id"), String.valueOf((Object) r.getAs("unit_id")),
        String.valueOf((Object) r.getAs("fiscal_year")), String.valueOf((Object) r.getAs(
            "form_key")));
    if (seen.add(values)) {
      rows.add(RowFactory.create(r.getAs("form_id"), r.getAs("unit_id"), r.getAs("fiscal_year"),
          r.getAs("form_key"), r.getAs("document_sha256")));
    }
  }

  private static Optional<ChangeScope> full(String why) {
    LOG.info("analyse: recomputing everything: {}", why);
    return Optional.empty();
  }
}
