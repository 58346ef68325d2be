package io.selfeval.cli;

import io.selfeval.evaluate.FieldScorer;
import io.selfeval.evaluate.ManifestScorer;
import io.selfeval.pipeline.ExitCodes;
import io.selfeval.pipeline.Pipeline;
import io.selfeval.warehouse.Warehouse;
import java.io.File;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code selfeval evaluate}: the flags found against a generated corpus's manifest. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {
        "Scores the flags and links in --warehouse against the manifest of the generated "
            + "corpus the pipeline read (run it with --input <corpus>/reports): precision and "
            + "recall per rule. Exits 0 when every rule reaches --min, 1 otherwise. For a "
            + "corpus generated with --layouts it first prints the extractor's field accuracy "
            + "per layout x field group (right %%, wrong values / gaps, wrong numbers / numbers "
            + "read); with --formats, a line per format (docx, xlsx, xls, html) beside the text "
            + "layouts."})
final class EvaluateCommand extends StageCommand {

  @Option(names = "--manifest", paramLabel = "FILE", required = true,
      description = "The corpus's manifest.json.")
  File manifest;

  @Option(names = "--min", paramLabel = "X", defaultValue = "0.9",
      description = "Precision and recall every rule must reach (default: ${DEFAULT-VALUE}).")
  double min;

  /** Reads the warehouse only: no lock, no ledger row, a session of its own. */
  @Override
  int run(Pipeline pipeline) throws Exception {
    return Pipeline.inSession("selfeval evaluate", common.master(), this::evaluate);
  }

  private int evaluate(SparkSession spark) throws Exception {
    if (new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest).path("layouts")
        .asBoolean(false)) {
      // generated with --layouts: the extractor's field accuracy per layout, read directly
      // from <corpus>/reports (plain Java, no warehouse needed)
      FieldScorer fields = FieldScorer.score(manifest.toPath());
      fields.describe().forEach(spec.commandLine().getOut()::println);
    }
    List<ManifestScorer.Score> scores = new ManifestScorer(spark,
        new Warehouse(common.warehouse())).score(manifest);
    boolean ok = true;
    for (ManifestScorer.Score s : scores) {
      spec.commandLine().getOut().println(s.describe());
      ok &= s.precision() >= min && s.recall() >= min;
    }
    return ok ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
