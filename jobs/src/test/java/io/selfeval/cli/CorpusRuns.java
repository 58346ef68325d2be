package io.selfeval.cli;

import io.selfeval.evaluate.ManifestScorer;
import io.selfeval.generate.CorpusGenerator;
import io.selfeval.warehouse.Warehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/** Generates a corpus, runs extract, load and analyse over it, and scores the flags. */
final class CorpusRuns {

  private CorpusRuns() {}

  static List<ManifestScorer.Score> generateRunAndScore(SparkSession spark,
      CorpusGenerator.Settings settings, Path dir) throws Exception {
    Path corpus = dir.resolve("corpus");
    CorpusGenerator.Result generated = new CorpusGenerator(settings).write(corpus);
    String warehouse = dir.resolve("wh").toString();
    for (String stage : List.of("extract", "load", "analyse")) {
      long started = System.nanoTime();
      CommandLine cli = SelfevalCli.commandLine();
      cli.setOut(new PrintWriter(new StringWriter(), true));
      CommandLine.ParseResult parsed = stage.equals("extract")
          ? cli.parseArgs(stage, "--input", corpus.resolve("reports").toString(),
              "--warehouse", warehouse)
          : cli.parseArgs(stage, "--warehouse", warehouse);
      StageCommand command = (StageCommand) parsed.subcommand().commandSpec().userObject();
      command.call();
      System.out.printf("corpus %d units x %d years: %s in %.1f s%n", settings.units(),
          settings.years(), stage, (System.nanoTime() - started) / 1e9);
    }
    List<ManifestScorer.Score> scores = new ManifestScorer(spark, new Warehouse(warehouse))
        .score(generated.manifest().toFile());
    scores.forEach(s -> System.out.println("  " + s.describe()));
    return scores;
  }
}
