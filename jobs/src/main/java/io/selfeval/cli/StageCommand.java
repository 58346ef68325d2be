package io.selfeval.cli;

import io.selfeval.spark.LogLevels;
import io.selfeval.spark.SparkSessions;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;

/** A subcommand that runs inside one SparkSession, built here and stopped at the end. */
abstract class StageCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  /** Runs the stage; returns the exit code. */
  abstract int run(SparkSession spark) throws Exception;

  /** The stage name, for the application name and messages. */
  abstract String stageName();

  @Override
  public final Integer call() throws Exception {
    if (common.verbose()) {
      LogLevels.verbose();
    }
    SparkSession spark = SparkSessions.create("selfeval " + stageName(), common.master(), Map.of());
    try {
      return run(spark);
    } finally {
      spark.stop();
    }
  }
}
