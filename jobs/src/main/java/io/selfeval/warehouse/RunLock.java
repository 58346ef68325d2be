package io.selfeval.warehouse;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer per warehouse: a stage that writes takes {@code <warehouse>/_selfeval.lock} before it
 * starts and gives it back when it ends, so two runs never interleave their writes. The lock names
 * its holder: run id, host, process id, start time and a token of this acquisition.
 *
 * <p>Taking it is one atomic step that fails when the file exists ({@link LockFiles}): on a local
 * file system the body is written whole to a file of its own, then hard-linked to the lock name
 * (link(2) fails if the name exists; Hadoop's local {@code create(path, false)} is a check, then a
 * create, and lets two processes in); on HDFS the name node's create-if-absent. A second run is
 * refused ({@link HeldException}, naming the holder).
 *
 * <p>A lock is stale, and is cleared with a log line, when its holder's process no longer exists on
 * this host (a run killed with SIGKILL), or when it was taken on another host longer ago than the
 * stale-after duration (a process on another host cannot be asked whether it lives). A lock whose
 * body does not name a holder (empty: its writer is between create and write, or died there) is
 * judged live until it is a minute old. Clearing happens under a second file,
 * {@code _selfeval.lock.clearing}, and only if the lock still holds the body judged stale. A run
 * gives back only a lock that still carries its own token.
 */
public final class RunLock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);
  public static final String FILE = "_selfeval.lock";
  /** A lock from another host older than this is taken to be left by a dead run. */
  public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(24);
  /** Held while a stale lock is cleared, by one run at a time. */
  static final String CLEARING = FILE + ".clearing";
  /**
   * A clearing file this old was left by a run that died between its two deletes; a lock without
   * a holder this old was left by a run that died between creating it and writing it.
   */
  static final Duration UNFINISHED_STALE_AFTER = Duration.ofMinutes(1);
  private static final List<String> HOLDER_KEYS = List.of("run_id", "host", "pid", "started_at",
      "token");
  private static final int ATTEMPTS = 10;

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

  private final LockFiles files;
  private final Map<String, String> mine;

  private RunLock(LockFiles files, Map<String, String> mine) {
    this.files = files;
    this.mine = mine;
  }

  /** Takes the lock of {@code warehouseRoot} for {@code runId}, clearing a stale one first. */
  public static RunLock acquire(String warehouseRoot, String runId, Configuration conf,
      Duration staleAfter) {
    Path path = new Path(warehouseRoot.replaceAll("/+$", "") + "/" + FILE);
    try {
      LockFiles files = LockFiles.of(path.getFileSystem(conf), path);
      Map<String, String> mine = holder(runId);
      Optional<LockFiles.Body> seen = Optional.empty();
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        if (files.create(FILE, body(mine))) {
          return new RunLock(files, mine);
        }
        seen = files.read(FILE);
        if (seen.isEmpty()) {
          continue; // released between our create and our read: try again
        }
        Optional<String> stale = staleness(seen.get(), Instant.now(), staleAfter);
        if (stale.isEmpty()) {
          if (named(seen.get().fields())) {
            throw new HeldException(path.toString(), seen.get().fields());
          }
          pause(); // being written: read it again once its holder is named
          continue;
        }
        LOG.warn("clearing a stale lock {} ({}): {}", path, stale.get(), seen.get().fields());
        if (!clearIfStill(files, seen.get())) {
          pause(); // another run is clearing it, or has taken the lock since: look again
        }
      }
      throw new HeldException(path.toString(), seen.map(LockFiles.Body::fields).orElse(Map.of()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the warehouse lock " + path + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Why a lock is stale, or empty when it is live: a holder of this host whose process no longer
   * exists, a holder of another host older than {@code staleAfter}, or a body naming no holder
   * older than {@link #UNFINISHED_STALE_AFTER}.
   */
  static Optional<String> staleness(LockFiles.Body lock, Instant now, Duration staleAfter) {
    Map<String, String> holder = lock.fields();
    if (!named(holder)) {
      Duration age = Duration.between(lock.modifiedAt(), now);
      return age.compareTo(UNFINISHED_STALE_AFTER) > 0
          ? Optional.of("it names no holder and was written " + age.toSeconds() + " s ago")
          : Optional.empty();
    }
    if (host().equals(holder.get("host"))) {
      long pid;
      try {
        pid = Long.parseLong(holder.get("pid"));
      } catch (NumberFormatException e) {
        return Optional.of("its process id is not a number");
      }
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return alive ? Optional.empty() : Optional.of("process " + pid + " is gone");
    }
    Instant started;
    try {
      started = Instant.parse(holder.get("started_at"));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.of("its start time cannot be read");
    }
    return Duration.between(started, now).compareTo(staleAfter) > 0
        ? Optional.of("taken on another host more than " + staleAfter.toHours() + " h ago")
        : Optional.empty();
  }

  /** Whether a lock body names its holder whole (a body being written does not, yet). */
  private static boolean named(Map<String, String> fields) {
    return fields.keySet().containsAll(List.of("run_id", "host", "pid", "started_at"));
  }

  /**
   * Deletes the lock if it still holds {@code judged}, holding the clearing file meanwhile;
   * returns whether the lock file is gone. False when another run is clearing, or when the lock
   * now holds something else (a run that cleared it first and took it).
   */
  static boolean clearIfStill(LockFiles files, LockFiles.Body judged) throws IOException {
    if (!takeClearing(files)) {
      return false;
    }
    try {
      Optional<LockFiles.Body> now = files.read(FILE);
      if (now.isPresent() && !now.get().text().equals(judged.text())) {
        return false;
      }
      files.delete(FILE);
      return true;
    } finally {
      files.delete(CLEARING);
    }
  }

  private static boolean takeClearing(LockFiles files) throws IOException {
    if (files.create(CLEARING, "")) {
      return true;
    }
    Optional<LockFiles.Body> clearing = files.read(CLEARING);
    if (clearing.isEmpty()) {
      return files.create(CLEARING, "");
    }
    Duration age = Duration.between(clearing.get().modifiedAt(), Instant.now());
    if (age.compareTo(UNFINISHED_STALE_AFTER) <= 0) {
      return false;
    }
    LOG.warn("removing {}, left {} s ago by a run that did not finish clearing", CLEARING,
        age.toSeconds());
    files.delete(CLEARING);
    return files.create(CLEARING, "");
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, String> holder(String runId) {
    Map<String, String> holder = new LinkedHashMap<>();
    holder.put("run_id", runId);
    holder.put("host", host());
    holder.put("pid", String.valueOf(ProcessHandle.current().pid()));
    holder.put("started_at", Instant.now().toString());
    holder.put("token", UUID.randomUUID().toString());
    return holder;
  }

  private static String body(Map<String, String> holder) {
    StringBuilder body = new StringBuilder();
    for (String key : HOLDER_KEYS) {
      body.append(key).append('=').append(holder.get(key)).append('\n');
    }
    return body.toString();
  }

  /** The fields of a lock body ({@code key=value} lines). */
  static Map<String, String> parse(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        fields.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    return fields;
  }

  /** This machine's name as the lock records it. */
  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
    }
  }

  /** Gives the lock back, if it still carries this run's token. */
  @Override
  public void close() {
    try {
      Optional<LockFiles.Body> now = files.read(FILE);
      if (now.isEmpty()) {
        LOG.warn("the warehouse lock {} was gone when run {} ended", files.where(FILE),
            mine.get("run_id"));
      } else if (!mine.get("token").equals(now.get().fields().get("token"))) {
        LOG.warn("the warehouse lock {} no longer names run {} (it names {}): left in place",
            files.where(FILE), mine.get("run_id"), now.get().fields());
      } else {
        files.delete(FILE);
      }
    } catch (IOException e) {
      LOG.warn("could not remove the warehouse lock {}: {}; delete it by hand", files.where(FILE),
          e.getMessage());
    }
  }

  /**
   * The small files of {@link RunLock} in the warehouse root, created with "fail if it exists" as
   * one atomic step. Local file systems go through java.nio (a body written whole, then hard-linked
   * to its name); other file systems through Hadoop's {@code create(path, false)}, atomic on HDFS
   * (the name node creates if absent) but on object stores a check followed by a put.
   */
  abstract static class LockFiles {

    /** A file's text and when it was last written. */
    record Body(String text, Instant modifiedAt) {
      Map<String, String> fields() {
        return RunLock.parse(text);
      }
    }

    /** The lock files beside {@code lock} on its file system. */
    static LockFiles of(FileSystem fs, Path lock) {
      Path dir = fs.makeQualified(lock).getParent();
      return "file".equals(fs.getUri().getScheme())
          ? new Local(Paths.get(dir.toUri()))
          : new Hadoop(fs, dir);
    }

    /** Creates {@code name} holding {@code body}; false when it exists already. */
    abstract boolean create(String name, String body) throws IOException;

    /** The file {@code name}, or empty when there is none. */
    abstract Optional<Body> read(String name) throws IOException;

    abstract void delete(String name) throws IOException;

    /** Where {@code name} is, for messages. */
    abstract String where(String name);

    /** java.nio on a local folder. */
    private static final class Local extends LockFiles {
      private final java.nio.file.Path dir;

      Local(java.nio.file.Path dir) {
        this.dir = dir;
      }

      @Override
      boolean create(String name, String body) throws IOException {
        Files.createDirectories(dir);
        java.nio.file.Path target = dir.resolve(name);
        java.nio.file.Path whole = dir.resolve(name + "." + UUID.randomUUID() + ".tmp");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
          try (FileChannel out = FileChannel.open(whole, StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap(bytes));
            out.force(true);
          }
          Files.createLink(target, whole);
          return true;
        } catch (FileAlreadyExistsException e) {
          return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
          return createThenWrite(target, bytes); // no hard links here: readers wait for the body
        } finally {
          Files.deleteIfExists(whole);
        }
      }

      private static boolean createThenWrite(java.nio.file.Path target, byte[] bytes)
          throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE)) {
          out.write(ByteBuffer.wrap(bytes));
          out.force(true);
          return true;
        } catch (FileAlreadyExistsException e) {
          return false;
        }
      }

      @Override
      Optional<Body> read(String name) throws IOException {
        java.nio.file.Path file = dir.resolve(name);
        try {
          Instant modified = Files.getLastModifiedTime(file).toInstant();
          return Optional.of(new Body(Files.readString(file, StandardCharsets.UTF_8), modified));
        } catch (NoSuchFileException e) {
          return Optional.empty();
        }
      }

      @Override
      void delete(String name) throws IOException {
        Files.deleteIfExists(dir.resolve(name));
      }

      @Override
      String where(String name) {
        return dir.resolve(name).toString();
      }
    }

    /** A Hadoop file system: HDFS, or an object store through its connector. */
    private static final class Hadoop extends LockFiles {
      private final FileSystem fs;
      private final Path dir;

      Hadoop(FileSystem fs, Path dir) {
        this.fs = fs;
        this.dir = dir;
      }

      @Override
      boolean create(String name, String body) throws IOException {
        Path file = new Path(dir, name);
        try (FSDataOutputStream out = fs.create(file, false)) {
          out.write(body.getBytes(StandardCharsets.UTF_8));
          return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
          return false;
        } catch (IOException e) {
          if (fs.exists(file)) {
            return false; // HDFS reports a file another client is creating as a plain IOException
          }
          throw e;
        }
      }

      @Override
      Optional<Body> read(String name) throws IOException {
        Path file = new Path(dir, name);
        try {
          Instant modified = Instant.ofEpochMilli(fs.getFileStatus(file).getModificationTime());
          try (FSDataInputStream in = fs.open(file)) {
            return Optional.of(new Body(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                modified));
          }
        } catch (FileNotFoundException e) {
          return Optional.empty();
        }
      }

      @Override
      void delete(String name) throws IOException {
        fs.delete(new Path(dir, name), false);
      }

      @Override
      String where(String name) {
        return new Path(dir, name).toString();
      }
    }
  }
}
