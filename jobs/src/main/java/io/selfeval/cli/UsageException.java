package io.selfeval.cli;

/**
 * An option that names something unusable (an empty or wrong warehouse, a missing input, a
 * configuration that does not load): said in one line with exit code 2, before anything is
 * written, the lock taken or Spark started.
 */
final class UsageException extends RuntimeException {

  UsageException(String message) {
    super(message);
  }
}
