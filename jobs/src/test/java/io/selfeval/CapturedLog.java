package io.selfeval;

import java.io.StringWriter;
import java.util.function.Supplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** Every log event of an action, DEBUG and up, also written to a string (tests scan it). */
public final class CapturedLog {

  private CapturedLog() {}

  /** Runs {@code action} with its log events copied to {@code out}; returns what it returns. */
  public static <T> T during(StringWriter out, Supplier<T> action) {
    String name = "capture-" + System.identityHashCode(out);
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    Configuration config = ctx.getConfiguration();
    WriterAppender appender = WriterAppender.newBuilder().setName(name).setTarget(out)
        .setLayout(PatternLayout.newBuilder().withPattern("%p %c %m%n%ex").build()).build();
    appender.start();
    config.getRootLogger().addAppender(appender, Level.DEBUG, null);
    config.getLoggerConfig("io.selfeval").addAppender(appender, Level.DEBUG, null);
    ctx.updateLoggers();
    try {
      return action.get();
    } finally {
      config.getRootLogger().removeAppender(name);
      config.getLoggerConfig("io.selfeval").removeAppender(name);
      ctx.updateLoggers();
      appender.stop();
    }
  }
}
