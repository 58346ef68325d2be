package io.selfeval.pipeline;

import static org.apache.spark.sql.functions.col;

import io.selfeval.analyse.AnalyseStage;
import io.selfeval.extract.ExtractStage;
import io.selfeval.extract.ExtractSummary;
import io.selfeval.extract.UnchangedInput;
import io.selfeval.load.LoadStage;
import io.selfeval.load.LoadSummary;
import io.selfeval.publish.PublishStage;
import io.selfeval.site.SiteJob;
import io.selfeval.site.SiteStage;
import io.selfeval.warehouse.Tables;
import io.selfeval.warehouse.Warehouse;
import org.apache.spark.sql.SparkSession;

/** The stages on one SparkSession, each through its package's entry point. */
final class SparkStages implements Stages {

  private final SparkSession spark;
  private final PipelineSettings settings;
  private final PipelineHooks hooks;

  SparkStages(SparkSession spark, PipelineSettings settings, PipelineHooks hooks) {
    this.spark = spark;
    this.settings = settings;
    this.hooks = hooks;
  }

  @Override
  public UnchangedInput.Unchanged unchanged() {
    return ExtractStage.unchanged(spark, extractSettings(), settings.keepMissing());
  }

  @Override
  public ExtractSummary extract() {
    return ExtractStage.run(spark, extractSettings());
  }

  private ExtractStage.Settings extractSettings() {
    return new ExtractStage.Settings(settings.warehouse(), settings.input(), settings.out(),
        settings.outcomes(), settings.all(), settings.runId());
  }

  @Override
  public LoadSummary load() {
    return LoadStage.run(spark, new LoadStage.Settings(settings.warehouse(), settings.records(),
        settings.outcomes(), settings.runId(), settings.keepMissing()), hooks::reached);
  }

  @Override
  public String source() {
    return AnalyseStage.source(spark, analyseSettings());
  }

  @Override
  public boolean upToDate(String source) {
    return PublishStage.upToDate(spark, settings.warehouse(), source);
  }

  @Override
  public AnalyseStage.Result analyse(String source) {
    return source == null ? AnalyseStage.run(spark, analyseSettings())
        : AnalyseStage.run(spark, analyseSettings(), source);
  }

  @Override
  public PublishStage.Result publish(String source) {
    return PublishStage.run(spark, new PublishStage.Settings(settings.warehouse(),
        settings.runId(), source, settings.config(), settings.full()), hooks::reached);
  }

  @Override
  public SiteJob.Built site() {
    return SiteStage.run(spark, new SiteStage.Settings(settings.warehouse(), settings.input(),
        settings.config(), settings.runId()));
  }

  /** Counted in rejects.first_run_id. */
  @Override
  public long newRejects() {
    Warehouse warehouse = new Warehouse(settings.warehouse());
    if (!warehouse.has(spark, Tables.REJECTS)) {
      return 0;
    }
    return warehouse.read(spark, Tables.REJECTS)
        .where(col("first_run_id").equalTo(settings.runId())).select("source_file").distinct()
        .count();
  }

  private AnalyseStage.Settings analyseSettings() {
    return new AnalyseStage.Settings(settings.warehouse(), settings.rulePack(),
        settings.config(), settings.version(), settings.full());
  }
}
