package io.selfeval.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

/** {@code selfeval load}: not built yet; refuses with exit code 3. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {"Loads normalised records into Delta tables (forms, indicators, facts, units,"
            + " rejects, runs).",
        "Not implemented yet: exits with code 3."})
final class LoadCommand extends StageCommand {

  @Override
  String stageName() {
    return "load";
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
