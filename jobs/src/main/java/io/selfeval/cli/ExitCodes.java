package io.selfeval.cli;

/** Process exit codes; {@code selfeval --help} lists them too. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private ExitCodes() {}
}
