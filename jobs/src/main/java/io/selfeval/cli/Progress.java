package io.selfeval.cli;

import io.selfeval.pipeline.StageListener;
import io.selfeval.pipeline.StageResult;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.JavaSparkStatusTracker;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * Progress of a run on standard error: on an interactive terminal one line redrawn every second
 * (stage, seconds, the running Spark stage's tasks); otherwise a plain line every 30 seconds, so
 * logs of scheduled runs show that work goes on without filling up. Stage starts and ends are
 * log lines either way, with their durations. {@code SELFEVAL_PROGRESS=tty|plain|off} overrides
 * the terminal detection.
 */
final class Progress implements StageListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

  enum Mode { TTY, PLAIN, OFF }

  private final PrintStream err;
  private final Mode mode;
  private final int stages;
  private final ScheduledExecutorService ticker;
  private volatile String current;
  private volatile int index;
  private volatile long stageStarted;

  Progress(PrintStream err, Mode mode, int stages) {
    this.err = err;
    this.mode = mode;
    this.stages = stages;
    if (mode == Mode.OFF) {
      this.ticker = null;
    } else {
      this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "selfeval-progress");
        t.setDaemon(true);
        return t;
      });
      long period = mode == Mode.TTY ? 1 : 30;
      ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.SECONDS);
    }
  }

  /** The mode for this process: the environment's choice, else TTY when a terminal is there. */
  static Mode detect() {
    String asked = System.getenv("SELFEVAL_PROGRESS");
    if (asked != null && !asked.isBlank()) {
      return Mode.valueOf(asked.trim().toUpperCase(Locale.ROOT));
    }
    String term = System.getenv("TERM");
    return System.console() != null && term != null && !"dumb".equals(term) ? Mode.TTY
        : Mode.PLAIN;
  }

  /** A stage begins. */
  @Override
  public void begin(String stage) {
    index++;
    current = stage;
    stageStarted = System.nanoTime();
    LOG.info("[{}/{}] {} started", index, stages, stage);
  }

  /** The current stage ended: done, failed or skipped, and why. */
  @Override
  public void end(StageResult result) {
    end(switch (result.outcome()) {
      case StageResult.FAILED -> "failed";
      case StageResult.SKIPPED_NOTHING_NEW -> "skipped: nothing new";
      case StageResult.SKIPPED_NOT_LOCAL -> "skipped: the warehouse is not a local folder";
      default -> "done";
    });
  }

  /** The current stage ended; returns its duration in seconds. */
  double end(String outcome) {
    double seconds = (System.nanoTime() - stageStarted) / 1e9;
    String stage = current;
    current = null;
    if (mode == Mode.TTY) {
      synchronized (err) {
        err.print("\r\033[K");
        err.flush();
      }
    }
    LOG.info("[{}/{}] {} {} in {} s", index, stages, stage, outcome,
        String.format(Locale.ROOT, "%.1f", seconds));
    return seconds;
  }

  private void tick() {
    String stage = current;
    if (stage == null) {
      return;
    }
    long seconds = (System.nanoTime() - stageStarted) / 1_000_000_000L;
    StringBuilder line = new StringBuilder().append('[').append(index).append('/')
        .append(stages).append("] ").append(stage).append(' ').append(seconds).append(" s");
    Option<SparkSession> session = SparkSession.getDefaultSession();
    JavaSparkStatusTracker tracker = session.isDefined()
        ? JavaSparkContext.fromSparkContext(session.get().sparkContext()).statusTracker() : null;
    for (int id : tracker == null ? new int[0] : tracker.getActiveStageIds()) {
      SparkStageInfo info = tracker.getStageInfo(id);
      if (info != null) {
        line.append(", Spark stage ").append(id).append(": ")
            .append(info.numCompletedTasks()).append('/').append(info.numTasks())
            .append(" tasks");
        break;
      }
    }
    synchronized (err) {
      if (mode == Mode.TTY) {
        err.print("\r\033[K" + line);
      } else {
        err.println("progress: " + line);
      }
      err.flush();
    }
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }
}
