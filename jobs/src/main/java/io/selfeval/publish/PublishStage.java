package io.selfeval.publish;

import io.selfeval.spark.SmallInputs;
import io.selfeval.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/** The publish stage as the pipeline calls it: its settings in, the marts it published out. */
public final class PublishStage {

  /**
   * What publish reads and stamps.
   *
   * @param source what the marts are built from, when the caller knows it (see
   *     {@link PublishJob#upToDate}); null: what the analysis stamped on its tables
   * @param config the flag thresholds file the risk weights come from ({@link RiskWeights}),
   *     null for the built-in one
   * @param full write every mart whole (else only the fiscal years that changed)
   */
  public record Settings(String warehouse, String runId, String source, Path config,
      boolean full) {

    /** Settings of a publish that writes only the fiscal years that changed. */
    public Settings(String warehouse, String runId, String source, Path config) {
      this(warehouse, runId, source, config, false);
    }
  }

  /** The marts published. */
  public record Result(List<PublishJob.Published> marts, String warehouse, String runId) {

    /** Lines for the terminal. */
    public String describe() {
      StringBuilder sb = new StringBuilder("publish: ");
      for (PublishJob.Published p : marts) {
        sb.append(p.mart()).append(' ').append(p.rows()).append(" rows, ");
      }
      return sb.append("run ").append(runId).append("\n  marts: ").append(warehouse)
          .append("/marts").toString();
    }
  }

  private PublishStage() {}

  /**
   * Publishes every mart; {@code reached} is told each named point
   * ({@link PublishJob#BEFORE_SWITCH}, {@link PublishJob#AFTER_FIRST_SWITCH}) it passes.
   */
  public static Result run(SparkSession spark, Settings settings, Consumer<String> reached) {
    Warehouse warehouse = new Warehouse(settings.warehouse());
    SmallInputs.tune(spark, "publish", warehouse.forms(spark));
    PublishJob job = new PublishJob(spark, warehouse,
        RiskWeights.load(settings.config()), reached);
    String source = settings.source() != null ? settings.source() : job.analysedSource();
    return new Result(job.run(settings.runId(), source, settings.full()), settings.warehouse(),
        settings.runId());
  }

  /** True when every mart is published and was built from {@code source}. */
  public static boolean upToDate(SparkSession spark, String warehouse, String source) {
    return new PublishJob(spark, new Warehouse(warehouse)).upToDate(source);
  }
}
