package io.selfeval.pipeline;

import io.selfeval.load.LoadJob;
import io.selfeval.publish.PublishJob;

/**
 * Told when a stage passes one of its named points, inside its writes. The one seam production
 * code keeps for tests: a crash test pauses the process at a point to kill it there; everyone
 * else runs with {@link #NONE}.
 */
@FunctionalInterface
public interface PipelineHooks {

  /** Does nothing at every point. */
  PipelineHooks NONE = point -> {};

  /** Load: the child tables are merged, forms (which decides what a rerun skips) is not. */
  String LOAD_BEFORE_FORMS = LoadJob.BEFORE_FORMS;
  /** Publish: every mart's new version is written and checked, none switched. */
  String PUBLISH_BEFORE_SWITCH = PublishJob.BEFORE_SWITCH;
  /** Publish: the first mart is switched, the others not yet. */
  String PUBLISH_AFTER_FIRST_SWITCH = PublishJob.AFTER_FIRST_SWITCH;

  /** The stage running reached {@code point}. */
  void reached(String point);
}
