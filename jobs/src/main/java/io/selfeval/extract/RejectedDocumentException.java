package io.selfeval.extract;

/** A document that cannot be read as a report; the reason goes to the outcomes and rejects. */
public final class RejectedDocumentException extends Exception {
  private static final long serialVersionUID = 1L;

  public RejectedDocumentException(String reason) {
    super(reason);
  }
}
