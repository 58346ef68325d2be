package io.selfeval.pipeline;

import io.selfeval.analyse.AnalyseStage;
import io.selfeval.extract.ExtractSummary;
import io.selfeval.extract.UnchangedInput;
import io.selfeval.load.LoadSummary;
import io.selfeval.publish.PublishStage;
import io.selfeval.site.SiteJob;

/** The stages as the pipeline calls them ({@link SparkStages} in a run; fakes in its tests). */
interface Stages {

  /**
   * The input when the documents catalogue shows nothing in it new, changed or gone (no
   * document read); null when extract and load must look.
   */
  UnchangedInput.Unchanged unchanged() throws Exception;

  ExtractSummary extract() throws Exception;

  LoadSummary load() throws Exception;

  /** What an analysis now would be computed from (tables, rule pack, thresholds, version). */
  String source() throws Exception;

  /** True when every mart is published and was built from {@code source}. */
  boolean upToDate(String source) throws Exception;

  /** Analyses, stamping {@code source} (null: the source now) on the tables written. */
  AnalyseStage.Result analyse(String source) throws Exception;

  /** Publishes the marts, stamped with {@code source} (null: what the analysis stamped). */
  PublishStage.Result publish(String source) throws Exception;

  SiteJob.Built site() throws Exception;

  /** Documents this run rejected that no earlier run had. */
  long newRejects() throws Exception;
}
