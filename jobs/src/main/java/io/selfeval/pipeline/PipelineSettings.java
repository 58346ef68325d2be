package io.selfeval.pipeline;

import java.nio.file.Path;

/**
 * Everything the stages of one run need, fixed before the run starts: the CLI builds it from the
 * command line; tests and embedders build it directly.
 *
 * @param warehouse the warehouse location, with no trailing slash
 * @param runId the run id every ledger row, mart version and site version of the run carries
 * @param input the folder of raw reports (extract, site), or null
 * @param config the flag thresholds file, or null for the built-in ones
 * @param rulePack the scoring rule pack id or file
 * @param master the Spark master URL, or null for the one spark-submit set (else local[*])
 * @param force analyse and publish even when nothing changed since the marts were published
 * @param version selfeval's version, part of what the analysis is computed from
 * @param records the records load reads, or null for the warehouse's staging records
 * @param outcomes the extraction outcomes extract writes and load reads, or null for the
 *     warehouse's staging outcomes
 * @param out the one JSON Lines file extract writes its records to, or null
 * @param all extract every document, also those already loaded with the same content
 * @param keepMissing load keeps the rows of documents no longer in the input
 * @param full analyse and publish everything whole, not only what changed
 */
public record PipelineSettings(String warehouse, String runId, String input, Path config,
    String rulePack, String master, boolean force, String version, String records,
    String outcomes, String out, boolean all, boolean keepMissing, boolean full) {

  /** The rule pack when none is named. */
  public static final String DEFAULT_RULE_PACK = "national";

  /** Settings for {@code warehouse} and {@code runId}; the rest at their defaults. */
  public static Builder builder(String warehouse, String runId) {
    return new Builder(warehouse, runId);
  }

  /** Builds the settings one option at a time. */
  public static final class Builder {
    private final String warehouse;
    private final String runId;
    private String input;
    private Path config;
    private String rulePack = DEFAULT_RULE_PACK;
    private String master;
    private boolean force;
    private String version = "selfeval unknown";
    private String records;
    private String outcomes;
    private String out;
    private boolean all;
    private boolean keepMissing;
    private boolean full;

    private Builder(String warehouse, String runId) {
      this.warehouse = warehouse;
      this.runId = runId;
    }

    public Builder input(String value) {
      input = value;
      return this;
    }

    public Builder config(Path value) {
      config = value;
      return this;
    }

    public Builder rulePack(String value) {
      rulePack = value;
      return this;
    }

    public Builder master(String value) {
      master = value;
      return this;
    }

    public Builder force(boolean value) {
      force = value;
      return this;
    }

    public Builder version(String value) {
      version = value;
      return this;
    }

    public Builder records(String value) {
      records = value;
      return this;
    }

    public Builder outcomes(String value) {
      outcomes = value;
      return this;
    }

    public Builder out(String value) {
      out = value;
      return this;
    }

    public Builder all(boolean value) {
      all = value;
      return this;
    }

    public Builder keepMissing(boolean value) {
      keepMissing = value;
      return this;
    }

    public Builder full(boolean value) {
      full = value;
      return this;
    }

    public PipelineSettings build() {
      return new PipelineSettings(warehouse, runId, input, config, rulePack, master, force,
          version, records, outcomes, out, all, keepMissing, full);
    }
  }
}
