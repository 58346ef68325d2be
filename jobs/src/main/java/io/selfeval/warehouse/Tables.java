package io.selfeval.warehouse;

import io.selfeval.model.Schemas;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The Delta tables of a warehouse, each with its name (its folder under {@code delta/}), the
 * DDL file that declares its columns ({@code schemas/tables/<name>.ddl}) and its key columns: the
 * one list of tables, so no stage spells a table's name itself.
 */
public final class Tables {

  /** A Delta table of the warehouse. */
  public record Table(String name, List<String> keys) {

    /** Its DDL file under {@code schemas/}, e.g. {@code tables/forms.ddl}. */
    public String ddl() {
      return "tables/" + name + ".ddl";
    }

    /** Its columns and types, as declared. */
    public StructType schema() {
      return Schemas.ddl(ddl());
    }

    /** The contract select that ends a transformation writing this table. */
    public Dataset<Row> conform(Dataset<Row> rows) {
      return Schemas.conformTo(rows, ddl());
    }

    /** Its only key column; fails for a table keyed on several. */
    public String key() {
      if (keys.size() != 1) {
        throw new IllegalStateException(name + " is keyed on " + keys);
      }
      return keys.get(0);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  // extract: the catalogue of documents seen
  public static final Table DOCUMENTS = new Table("documents", List.of("file"));
  // load
  public static final Table FORMS = new Table("forms", List.of("form_id"));
  public static final Table BUDGET_LINES = new Table("budget_lines", List.of("budget_line_id"));
  public static final Table INDICATORS = new Table("indicators", List.of("indicator_id"));
  public static final Table FACTS = new Table("facts", List.of("fact_id"));
  public static final Table UNITS = new Table("units", List.of("unit_id"));
  public static final Table REJECTS = new Table("rejects", List.of("reject_id"));
  public static final Table SUPERSEDED_FORMS = new Table("superseded_forms",
      List.of("form_id"));
  // every stage
  public static final Table RUNS = new Table("runs", List.of("run_id", "stage"));
  // analyse
  public static final Table INDICATOR_DEVIATIONS = new Table("int_indicator_deviations",
      List.of("indicator_id"));
  public static final Table FORM_EXECUTION = new Table("int_form_execution",
      List.of("form_id"));
  public static final Table LINKS = new Table("int_links",
      List.of("link_kind", "left_key", "right_key"));
  public static final Table TARGET_CHANGES = new Table("int_target_changes",
      List.of("indicator_id"));
  public static final Table FLAGS = new Table("int_flags", List.of("flag_id"));
  public static final Table UNIT_YEAR_PROFILES = new Table("int_unit_year_profiles",
      List.of("unit_id", "fiscal_year"));

  /** What the load stage writes, {@code rejects} included. */
  public static final List<Table> LOADED = List.of(FORMS, BUDGET_LINES, INDICATORS, FACTS, UNITS,
      REJECTS, SUPERSEDED_FORMS);
  /** What the analyse stage writes. */
  public static final List<Table> ANALYSED = List.of(INDICATOR_DEVIATIONS, FORM_EXECUTION, LINKS,
      TARGET_CHANGES, FLAGS, UNIT_YEAR_PROFILES);
  /** Every table, in the order the README lists them. */
  public static final List<Table> ALL = List.of(DOCUMENTS, FORMS, BUDGET_LINES, INDICATORS,
      FACTS, UNITS, REJECTS, SUPERSEDED_FORMS, RUNS, INDICATOR_DEVIATIONS, FORM_EXECUTION, FLAGS,
      UNIT_YEAR_PROFILES, LINKS, TARGET_CHANGES);

  private Tables() {}
}
