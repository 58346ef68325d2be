package io.selfeval.spark;

/**
 * Named points inside the stages where a crash test stops the process. With the system property
 * {@value #PROPERTY} set to a point's name, the process says so on standard error when it gets
 * there ({@code selfeval: paused at <point>}) and waits to be killed; without it (always, outside
 * the crash tests) a point does nothing.
 */
public final class FaultPoints {

  public static final String PROPERTY = "selfeval.test.pause-at";

  /** Load: the child tables are merged, forms (which decides what a rerun skips) is not. */
  public static final String LOAD_BEFORE_FORMS = "load.before-forms";
  /** Publish: every mart's new version is written and checked, none switched. */
  public static final String PUBLISH_BEFORE_SWITCH = "publish.before-switch";
  /** Publish: the first mart is switched, the others not yet. */
  public static final String PUBLISH_AFTER_FIRST_SWITCH = "publish.after-first-switch";

  private FaultPoints() {}

  /** Waits here for the kill when a crash test asked for this point. */
  public static void reach(String point) {
    if (!point.equals(System.getProperty(PROPERTY))) {
      return;
    }
    System.err.println("selfeval: paused at " + point);
    System.err.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted at fault point " + point, e);
    }
  }
}
