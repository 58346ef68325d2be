package io.selfeval.pipeline;

/** Process exit codes; {@code selfeval --help} and {@code selfeval run --help} list them. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  /** {@code run}: nothing new since the marts were published; analyse and publish skipped. */
  public static final int NOTHING_NEW = 3;
  /** {@code run}: done, but documents were rejected that no earlier run had rejected. */
  public static final int SOME_REJECTED = 4;
  /** Another run holds the warehouse lock. */
  public static final int LOCKED = 5;

  private ExitCodes() {}
}
