package io.selfeval.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Spark is quiet by default (see {@code log4j2.properties}); {@code --verbose} turns the detail
 * back on for selfeval and Spark alike.
 */
public final class LogLevels {

  private LogLevels() {}

  /** Raises selfeval to DEBUG and Spark, Delta and Hadoop to INFO. */
  public static void verbose() {
    Configurator.setLevel("io.selfeval", Level.DEBUG);
    Configurator.setLevel("org.apache.spark", Level.INFO);
    Configurator.setLevel("io.delta", Level.INFO);
    Configurator.setLevel("org.apache.hadoop", Level.INFO);
  }
}
