package io.selfeval.pipeline;

/** Told when each stage of the pipeline begins and ends (the CLI shows progress with it). */
public interface StageListener {

  /** Hears nothing. */
  StageListener NONE = new StageListener() {};

  /** A stage begins. */
  default void begin(String stage) {}

  /** The stage that began last ended: ran, failed or was skipped. */
  default void end(StageResult result) {}

  /** Tells this listener, then {@code next}. */
  default StageListener then(StageListener next) {
    StageListener first = this;
    return new StageListener() {
      @Override
      public void begin(String stage) {
        first.begin(stage);
        next.begin(stage);
      }

      @Override
      public void end(StageResult result) {
        first.end(result);
        next.end(result);
      }
    };
  }
}
