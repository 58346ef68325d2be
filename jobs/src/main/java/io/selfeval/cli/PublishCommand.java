package io.selfeval.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

/** {@code selfeval publish}: not built yet; refuses with exit code 3. */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {"Writes the parquet marts for BI tools, partitioned by fiscal year.",
        "Not implemented yet: exits with code 3."})
final class PublishCommand extends StageCommand {

  @Override
  String stageName() {
    return "publish";
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
