package io.selfeval.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer per warehouse: a stage that writes takes {@code <warehouse>/_selfeval.lock} before it
 * starts and gives it back when it ends, so two runs never interleave their writes. The lock file
 * is created with "fail if it exists" (atomic on local file systems and HDFS) and names its
 * holder: run id, host, process id, start time.
 *
 * <p>A second run is refused ({@link HeldException}, naming the holder). A lock is stale, and is
 * cleared with a log line, when its holder's process no longer exists on this host (a run killed
 * with SIGKILL), or when it was taken on another host longer ago than the stale-after duration
 * (a process on another host cannot be asked whether it lives). Clearing happens under a second
 * file, {@code _selfeval.lock.clearing}, and only if the lock still names the holder judged
 * stale: of two runs that found the same stale lock, the later one sees the earlier one's new
 * lock and is refused instead of deleting it.
 */
public final class RunLock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);
  public static final String FILE = "_selfeval.lock";
  /** A lock from another host older than this is taken to be left by a dead run. */
  public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(24);
  /** Held while a stale lock is cleared, by one run at a time. */
  static final String CLEARING = FILE + ".clearing";
  /** A clearing file this old was left by a run that died between its two deletes. */
  private static final Duration CLEARING_STALE_AFTER = Duration.ofMinutes(1);
  private static final int ATTEMPTS = 4;

  /** Thrown when another live run holds the lock. */
  public static final class HeldException extends RuntimeException {
    HeldException(String lockPath, Map<String, String> holder) {
      super("another selfeval run holds the warehouse lock " + lockPath + ": run "
          + holder.getOrDefault("run_id", "?") + ", process " + holder.getOrDefault("pid", "?")
          + " on " + holder.getOrDefault("host", "?") + ", since "
          + holder.getOrDefault("started_at", "?") + ". Wait for it to end; if that process "
          + "is gone, delete the lock file.");
    }
  }

  private final FileSystem fs;
  private final Path path;

  private RunLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  /** Takes the lock of {@code warehouseRoot} for {@code runId}, clearing a stale one first. */
  public static RunLock acquire(String warehouseRoot, String runId, Configuration conf,
      Duration staleAfter) {
    Path path = new Path(warehouseRoot.replaceAll("/+$", "") + "/" + FILE);
    try {
      FileSystem fs = path.getFileSystem(conf);
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        if (tryCreate(fs, path, runId)) {
          return new RunLock(fs, path);
        }
        Optional<Map<String, String>> holder = read(fs, path);
        if (holder.isEmpty()) {
          continue; // released between our create and our read: try once more
        }
        Optional<String> stale = staleness(holder.get(), Instant.now(), staleAfter);
        if (stale.isEmpty()) {
          throw new HeldException(path.toString(), holder.get());
        }
        LOG.warn("clearing a stale lock {} ({}): {}", path, stale.get(), holder.get());
        if (!clearIfStill(fs, path, holder.get())) {
          pause(); // another run is clearing it, or has taken the lock since: look again
        }
      }
      throw new HeldException(path.toString(), read(fs, path).orElse(Map.of()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the warehouse lock " + path + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Why a holder's lock is stale, or empty when it is live: a process of this host that no longer
   * exists, or a lock of another host older than {@code staleAfter}.
   */
  static Optional<String> staleness(Map<String, String> holder, Instant now,
      Duration staleAfter) {
    if (host().equals(holder.get("host"))) {
      long pid;
      try {
        pid = Long.parseLong(holder.getOrDefault("pid", ""));
      } catch (NumberFormatException e) {
        return Optional.of("no process id in it");
      }
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return alive ? Optional.empty() : Optional.of("process " + pid + " is gone");
    }
    Instant started;
    try {
      started = Instant.parse(holder.getOrDefault("started_at", ""));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.of("no start time in it");
    }
    return Duration.between(started, now).compareTo(staleAfter) > 0
        ? Optional.of("taken on another host more than " + staleAfter.toHours() + " h ago")
        : Optional.empty();
  }

  /**
   * Deletes the lock at {@code path} if it still names {@code judged}, holding the clearing file
   * meanwhile; returns whether the lock file is gone. False when another run is clearing, or
   * when the lock now names someone else (a run that cleared it first and took it).
   */
  static boolean clearIfStill(FileSystem fs, Path path, Map<String, String> judged)
      throws IOException {
    Path clearing = new Path(path.getParent(), CLEARING);
    if (!takeClearing(fs, clearing)) {
      return false;
    }
    try {
      Optional<Map<String, String>> now = read(fs, path);
      if (now.isPresent() && !now.get().equals(judged)) {
        return false;
      }
      fs.delete(path, false);
      return true;
    } finally {
      fs.delete(clearing, false);
    }
  }

  private static boolean takeClearing(FileSystem fs, Path clearing) throws IOException {
    if (create(fs, clearing, new byte[0])) {
      return true;
    }
    long age;
    try {
      age = System.currentTimeMillis() - fs.getFileStatus(clearing).getModificationTime();
    } catch (java.io.FileNotFoundException e) {
      return create(fs, clearing, new byte[0]);
    }
    if (age <= CLEARING_STALE_AFTER.toMillis()) {
      return false;
    }
    LOG.warn("removing {}, left {} s ago by a run that did not finish clearing", clearing,
        age / 1000);
    fs.delete(clearing, false);
    return create(fs, clearing, new byte[0]);
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean tryCreate(FileSystem fs, Path path, String runId) throws IOException {
    String body = "run_id=" + runId + "\nhost=" + host() + "\npid="
        + ProcessHandle.current().pid() + "\nstarted_at=" + Instant.now() + "\n";
    return create(fs, path, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Creates {@code file} with {@code body}, or returns false when it exists already. */
  private static boolean create(FileSystem fs, Path file, byte[] body) throws IOException {
    try (FSDataOutputStream out = fs.create(file, false)) {
      out.write(body);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(file)) {
        return false; // some file systems report "exists" as a plain IOException
      }
      throw e;
    }
  }

  /** The holder named in the lock file, or empty when there is no lock file. */
  static Optional<Map<String, String>> read(FileSystem fs, Path path) throws IOException {
    if (!fs.exists(path)) {
      return Optional.empty();
    }
    String text;
    try (FSDataInputStream in = fs.open(path)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.FileNotFoundException e) {
      return Optional.empty();
    }
    Map<String, String> holder = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        holder.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    return Optional.of(holder);
  }

  /** This machine's name as the lock records it. */
  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
    }
  }

  /** Gives the lock back. */
  @Override
  public void close() {
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      LOG.warn("could not remove the warehouse lock {}: {}; delete it by hand", path,
          e.getMessage());
    }
  }
}
