package io.selfeval.cli;

import picocli.CommandLine.Option;

/** {@code --input}, for extract and for run. */
final class InputOption {

  @Option(names = "--input", paramLabel = "DIR", defaultValue = "data/reports",
      description = "Folder of raw reports, read recursively (default: ${DEFAULT-VALUE}).")
  String input;
}
