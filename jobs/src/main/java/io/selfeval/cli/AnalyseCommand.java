package io.selfeval.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

/** {@code selfeval analyse}: not built yet; refuses with exit code 3. */
@Command(name = "analyse", mixinStandardHelpOptions = true,
    description = {"Computes execution rates, indicator deviations, expected scores and"
            + " score-inflation flags.",
        "Not implemented yet: exits with code 3."})
final class AnalyseCommand extends StageCommand {

  @Override
  String stageName() {
    return "analyse";
  }

  @Override
  void checkImplemented() {
    throw new StageNotImplementedException(stageName());
  }

  @Override
  int run(SparkSession spark) {
    throw new StageNotImplementedException(stageName());
  }
}
