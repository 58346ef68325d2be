package io.selfeval.cli;

import picocli.CommandLine.Option;

/** {@code --rule-pack}, for analyse and for run. */
final class RulePackOption {

  @Option(names = "--rule-pack", paramLabel = "ID_OR_FILE", defaultValue = "national",
      description = "Scoring rules: national, hunan, or the path of a pack .json "
          + "(default: ${DEFAULT-VALUE}).")
  String rulePack;
}
