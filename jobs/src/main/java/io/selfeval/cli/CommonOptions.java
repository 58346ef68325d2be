package io.selfeval.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every subcommand takes. */
public final class CommonOptions {

  @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "warehouse",
      description = "Where Delta tables, staging files and marts live: a local folder or any "
          + "Hadoop-compatible URI (default: ${DEFAULT-VALUE}).")
  String warehouse;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Flag thresholds (a JSON file shaped like jobs/src/main/resources/"
          + "flags.json). Default: the built-in one.")
  Path config;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master URL. Default: the one spark-submit set, else local[*].")
  String master;

  @Option(names = {"-v", "--verbose"},
      description = "Show selfeval's debug lines and Spark's own INFO logging.")
  boolean verbose;

  /** The warehouse location with no trailing slash. */
  public String warehouse() {
    return warehouse.endsWith("/") ? warehouse.substring(0, warehouse.length() - 1) : warehouse;
  }

  public Path config() {
    return config;
  }

  public String master() {
    return master;
  }

  public boolean verbose() {
    return verbose;
  }
}
