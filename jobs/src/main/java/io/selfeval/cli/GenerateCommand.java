package io.selfeval.cli;

import io.selfeval.generate.CorpusGenerator;
import io.selfeval.pipeline.ExitCodes;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code selfeval generate}: a synthetic corpus with a ground-truth manifest. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {
        "Writes synthetic self-evaluation reports in the seeds' layout for N units over Y "
            + "years, deterministic from --seed, and manifest.json: which units were made to "
            + "inflate and how, renamed units, reworded indicators, and every flag the rules "
            + "should raise. Every document says in its first line that it is synthetic.",
        "Writes <out>/reports/<unit>/<year>.txt (.docx, .xlsx, .xls, .html with --formats) and "
            + "<out>/manifest.json; a corpus already in "
            + "<out> is replaced, any other non-empty folder is refused. Needs no Spark."})
final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "data/generated",
      description = "Folder to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--units", paramLabel = "N", defaultValue = "200",
      description = "Number of units (default: ${DEFAULT-VALUE}).")
  int units;

  @Option(names = "--years", paramLabel = "Y", defaultValue = "5",
      description = "Number of fiscal years (default: ${DEFAULT-VALUE}).")
  int years;

  @Option(names = "--first-year", paramLabel = "YEAR", defaultValue = "2020",
      description = "First fiscal year (default: ${DEFAULT-VALUE}).")
  int firstYear;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Random seed; the same seed writes the same files (default: "
          + "${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--fabricated-year", paramLabel = "YEAR",
      description = "A year in which every amount is a made-up round number, for the digit "
          + "tests (default: the fourth year when there are at least four, else none; 0 for "
          + "none).")
  Integer fabricatedYear;

  @Option(names = "--layouts",
      description = "Print each document in a text layout drawn from the seed (tab, cell per "
          + "line, pipe, markdown, spaces, HTML-like, mixed, flattened, a cell per paragraph) "
          + "with conversion noise (footers, repeated headers, traditional characters, blank or "
          + "glued budget cells, dropped empty cells) and template variants (指标性质/度量单位/"
          + "评分标准 columns, 一级指标 as its points only, a short 总分 row), and write each "
          + "form's printed fields to the manifest for `selfeval evaluate`'s field accuracy. "
          + "Default: the seeds' tab layout, no noise.")
  boolean layouts;

  @Option(names = "--glued",
      description = "Like --layouts, and print one document in eight as a glued form: every "
          + "cell glued to the next with no separator, with page numbers (2、) and a "
          + "document-sharing site's banner inside the text under the footer noise.")
  boolean glued;

  @Option(names = "--formats",
      description = "Like --layouts, and write each document in a format drawn from the seed: "
          + "text (in a drawn layout), .docx, .xlsx, .xls or .html (POI and jsoup, with merged "
          + "cells, numbers stored as numbers, some 年初预算数 cells empty); the manifest names "
          + "each document's format and `selfeval evaluate` counts accuracy per format.")
  boolean formats;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Integer fabricated = fabricatedYear;
    if (fabricated == null) {
      fabricated = years >= 4 ? firstYear + 3 : null;
    } else if (fabricated == 0) {
      fabricated = null;
    }
    CorpusGenerator.Settings settings;
    try {
      settings = new CorpusGenerator.Settings(units, years, firstYear, seed, fabricated,
          layouts || formats || glued, formats, glued);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    CorpusGenerator.Result r = new CorpusGenerator(settings).write(out);
    spec.commandLine().getOut().printf("generate: %d documents, %d forms, %d indicator rows, "
        + "%d expected flags; manifest %s%n", r.documents(), r.forms(), r.indicatorRows(),
        r.expectedFlags(), r.manifest());
    return ExitCodes.OK;
  }
}
