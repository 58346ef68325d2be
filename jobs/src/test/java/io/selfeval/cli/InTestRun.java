package io.selfeval.cli;

import io.selfeval.spark.SharedSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code selfeval run} for the tests: parsed from its command line as the CLI parses it, then run
 * by the test ({@code run.call()}) on the shared session, made here first, so no second
 * SparkSession is built.
 */
final class InTestRun {

  private InTestRun() {}

  /** The run command for these arguments; what it prints (and errors) goes to {@code out}. */
  static RunCommand parse(StringWriter out, Path input, Object warehouse, String... extra) {
    SharedSpark.get();
    CommandLine cli = SelfevalCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(),
        "--warehouse", warehouse.toString()));
    args.addAll(Arrays.asList(extra));
    return (RunCommand) cli.parseArgs(args.toArray(String[]::new)).subcommand().commandSpec()
        .userObject();
  }
}
