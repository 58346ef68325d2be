package io.selfeval.cli;

/** A stage not built yet; the CLI exits with {@link ExitCodes#NOT_IMPLEMENTED}. */
public final class StageNotImplementedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StageNotImplementedException(String stage) {
    super("stage '" + stage + "' is not implemented yet");
  }
}
