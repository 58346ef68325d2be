package io.selfeval.site;

import static org.apache.spark.sql.functions.col;

import io.selfeval.model.Schemas;
import io.selfeval.site.SiteRows.BudgetLine;
import io.selfeval.site.SiteRows.Flag;
import io.selfeval.site.SiteRows.Form;
import io.selfeval.site.SiteRows.Indicator;
import io.selfeval.site.SiteRows.UnitLink;
import io.selfeval.site.SiteRows.UnitYear;
import io.selfeval.warehouse.MartNames;
import io.selfeval.warehouse.Tables;
import io.selfeval.warehouse.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Collects what the pages show from the published marts (read through {@code <marts>/<mart>},
 * the version readers see) and from the Delta tables the marts do not carry (budget lines, the
 * lines of 总分 and of the budget block, unit links). Only the columns a page shows are
 * collected, so the driver holds a few hundred bytes per form and indicator row; rows come
 * unordered (no shuffle) and the pages order them.
 */
public final class SiteLoader {

  private final SparkSession spark;
  private final Warehouse warehouse;

  public SiteLoader(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /** Every row the site needs. */
  public SiteData load() {
    String runId = martRunId();
    if (runId == null) {
      throw new IllegalStateException("no published marts under " + warehouse.root()
          + "/marts: run publish (or run) first");
    }
    Dataset<Row> lines = warehouse.read(spark, Tables.FORMS).select(col("form_id").as("l_form_id"),
        col("budget_line"), col("reported_total_line"));
    List<Form> forms = collect(mart(MartNames.FORM_SCORECARD)
        .join(lines, col("form_id").equalTo(col("l_form_id")), "left_outer"),
        SiteLoader::form);
    List<BudgetLine> budget = collect(warehouse.read(spark, Tables.BUDGET_LINES),
        r -> new BudgetLine(r.getAs("form_id"),
            r.<Integer>getAs("position"), r.getAs("label"), r.getAs("initial_wan_yuan"),
            r.getAs("adjusted_wan_yuan"), r.getAs("executed_wan_yuan"),
            r.getAs("amount_wan_yuan"), r.<Integer>getAs("line")));
    List<Indicator> indicators = collect(mart(MartNames.INDICATOR_DEVIATIONS).select("form_id",
        "position", "level1", "level2", "name", "target_text", "actual_text", "deviation_reason",
        "status", "weight", "score", "expected_score", "score_excess", "scoring_rule", "line"),
        r -> new Indicator(r.getAs("form_id"),
            r.<Integer>getAs("position"), r.getAs("level1"), r.getAs("level2"), r.getAs("name"),
            r.getAs("target_text"), r.getAs("actual_text"), r.getAs("deviation_reason"),
            r.getAs("status"), r.getAs("weight"), r.getAs("score"), r.getAs("expected_score"),
            r.getAs("score_excess"), r.getAs("scoring_rule"), r.<Integer>getAs("line")));
    List<Flag> flags = collect(mart(MartNames.INFLATION_FLAGS).drop("evidence_json"), r -> new Flag(
            r.getAs("flag_id"), r.getAs("rule_id"), r.getAs("severity"), r.getAs("unit_id"),
            r.getAs("unit_name"), r.getAs("fiscal_year"), r.getAs("form_id"),
            r.getAs("project_name"), r.getAs("indicator_name"), r.getAs("evidence"),
            r.getAs("source_file"), r.getAs("source_line")));
    List<UnitYear> unitYears = collect(mart(MartNames.UNIT_YEAR_PROFILES),
        r -> new UnitYear(r.getAs("unit_id"),
            r.<Integer>getAs("fiscal_year"), r.getAs("unit_name"), r.getAs("unit_kind"),
            r.<Integer>getAs("forms"), r.getAs("execution_rate"), r.getAs("reported_total"),
            r.getAs("fair_total"), r.getAs("inflation_points"), r.getAs("anomaly_score"),
            r.<Integer>getAs("flags"), r.<Integer>getAs("high_flags")));
    List<UnitLink> links = !warehouse.has(spark, Tables.LINKS) ? List.of()
        : collect(warehouse.read(spark, Tables.LINKS).where(col("link_kind").equalTo("unit")),
            r -> new UnitLink(r.getAs("left_key"),
                r.getAs("left_name"), r.<Integer>getAs("left_year"), r.getAs("right_key"),
                r.getAs("right_name"), r.<Integer>getAs("right_year"),
                r.getAs("jaccard_distance")));
    return new SiteData(runId, forms, budget, indicators, flags, unitYears, links);
  }

  /** The run that published the marts read here (their {@code _RUN_ID} file), or null. */
  private String martRunId() {
    Path marker = new Path(warehouse.root() + "/marts/" + MartNames.FORM_SCORECARD + "/_RUN_ID");
    try {
      FileSystem fs = marker.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(marker)) {
        return null;
      }
      try (InputStream in = fs.open(marker)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A published mart, read with its declared schema. */
  private Dataset<Row> mart(String name) {
    return spark.read().schema(Schemas.ddl(MartNames.ddlFile(name)))
        .parquet(warehouse.root() + "/marts/" + name);
  }

  private static <T> List<T> collect(Dataset<Row> rows, Function<Row, T> map) {
    return rows.collectAsList().stream().map(map).toList();
  }

  private static Form form(Row r) {
    return new Form(r.getAs("form_id"), r.getAs("unit_id"), r.getAs("unit_name"),
        r.getAs("fiscal_year"), r.getAs("form_kind"), r.getAs("project_name"),
        r.getAs("initial_wan_yuan"), r.getAs("adjusted_wan_yuan"), r.getAs("executed_wan_yuan"),
        r.getAs("execution_rate"), r.getAs("reported_rate"), r.getAs("budget_weight"),
        r.getAs("reported_budget_score"), r.getAs("recomputed_budget_score"),
        r.getAs("reported_total"), r.getAs("reported_grade"), r.getAs("grade_of_total"),
        r.getAs("indicator_score_sum"), r.getAs("expected_score_sum"),
        r.getAs("recomputed_total"), r.getAs("fair_total"), r.getAs("inflation_points"),
        r.<Integer>getAs("flags_high"), r.<Integer>getAs("flags_medium"),
        r.<Integer>getAs("flags_low"), r.<Integer>getAs("flags_total"),
        r.<BigDecimal>getAs("risk_score"), r.getAs("source_file"), r.getAs("document_sha256"),
        r.<Integer>getAs("line_start"), r.<Integer>getAs("line_end"), r.getAs("budget_line"),
        r.getAs("reported_total_line"));
  }
}
