package io.selfeval.cli;

import io.selfeval.publish.PublishJob;
import io.selfeval.warehouse.Warehouse;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code selfeval publish}: the parquet marts. */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {
        "Writes the parquet marts for BI tools under <warehouse>/marts/<name>/, partitioned "
            + "by fiscal_year: form_scorecard, indicator_deviations, inflation_flags, "
            + "unit_year_profiles (schemas: schemas/marts/).",
        "Each mart is written as a new version and checked (declared schema, unique non-null "
            + "keys, row counts against the Delta tables, flag counts) before readers see it; "
            + "a failed check stops the publish and leaves the previous marts in place."})
final class PublishCommand extends StageCommand {

  @Spec
  CommandSpec spec;

  /**
   * What the marts are built from, when {@code run} knows it (see PublishJob#upToDate); else
   * what the analysis stamped on its tables.
   */
  String source;

  @Override
  String stageName() {
    return "publish";
  }

  @Override
  int run(SparkSession spark) {
    String id = runId();
    PublishJob job = new PublishJob(spark, new Warehouse(common.warehouse()));
    List<PublishJob.Published> marts = job.run(id, source != null ? source
        : job.analysedSource());
    StringBuilder sb = new StringBuilder("publish: ");
    for (PublishJob.Published p : marts) {
      sb.append(p.mart()).append(' ').append(p.rows()).append(" rows, ");
    }
    sb.append("run ").append(id).append("\n  marts: ").append(common.warehouse())
        .append("/marts");
    spec.commandLine().getOut().println(sb);
    return ExitCodes.OK;
  }
}
