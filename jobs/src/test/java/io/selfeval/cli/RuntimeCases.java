package io.selfeval.cli;

import io.selfeval.extract.Seeds;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The bad inputs git cannot hold or that would make the test resources big, made in an input
 * folder at run time: a 50 MiB file, an unreadable file and folder, a socket, a pipe, links that
 * loop or dangle, a folder cycle, names with a colon and a backslash. Closing it gives back what
 * it holds open and restores the modes, so the folder can be inspected or deleted.
 */
final class RuntimeCases implements AutoCloseable {

  private static final String SEED_001 = "001_b0594b0c6d3b86f7.txt";
  private static final long BIG = 50L * 1024 * 1024;
  private static final long FIFO_PATIENCE_SECONDS = 60;

  private final Path input;
  private final Set<String> notMade = new TreeSet<>();
  private ServerSocketChannel socket;
  private boolean readsEverything;

  private RuntimeCases(Path input) {
    this.input = input;
  }

  /** Makes every case in {@code input}; a case the system cannot make is noted, not made. */
  static RuntimeCases makeIn(Path input) throws IOException, InterruptedException {
    RuntimeCases cases = new RuntimeCases(input);
    try {
      cases.make();
    } catch (IOException | InterruptedException | RuntimeException e) {
      try {
        cases.close(); // modes back, so that target/ can be cleaned
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return cases;
  }

  /** Whether this process reads files whatever their mode (root): a chmod 000 file is read. */
  boolean readsEverything() {
    return readsEverything;
  }

  /** Whether the case named {@code file} was made. */
  boolean made(String file) {
    return !notMade.contains(file);
  }

  /** The cases this system could not make. */
  Set<String> notMade() {
    return Set.copyOf(notMade);
  }

  /**
   * Starts the pipe's watchdog: a reader that opens the pipe blocks until a writer comes, so,
   * should the run ever open it, this comes as a writer now and then (opening a pipe read-write
   * never blocks on Linux); the run ends, and the pipe's outcome ("empty file") shows what
   * happened. Run what it returns to stop it.
   */
  Runnable watchFifo() {
    CountDownLatch done = new CountDownLatch(1);
    Thread watchdog = new Thread(() -> unblockFifoNowAndThen(done), "fifo-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    return done::countDown;
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
    }
    Path locked = input.resolve("gen-locked-dir");
    if (Files.exists(locked)) {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path chmod = input.resolve("gen-chmod-000.txt");
    if (Files.exists(chmod)) {
      Files.setPosixFilePermissions(chmod, PosixFilePermissions.fromString("rw-r--r--"));
    }
    // the rest stays for inspection; the 50 MiB file need not
    Files.deleteIfExists(input.resolve("gen-50mb-repeated-pages.txt"));
  }

  private void make() throws IOException, InterruptedException {
    writeBig(input.resolve("gen-50mb-repeated-pages.txt"));

    Path chmod = input.resolve("gen-chmod-000.txt");
    Files.writeString(chmod, variant("gen-chmod-000"), StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(chmod, PosixFilePermissions.fromString("---------"));
    // root reads any file whatever its mode: then the honest outcome is that it is parsed
    readsEverything = Files.isReadable(chmod);
    Path locked = Files.createDirectories(input.resolve("gen-locked-dir"));
    Files.writeString(locked.resolve("inside.txt"), variant("gen-locked-dir"),
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

    // a socket cannot be opened for reading, not even by root
    try {
      socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      socket.bind(UnixDomainSocketAddress.of(input.resolve("gen-unix-socket.txt")));
    } catch (IOException | UnsupportedOperationException e) {
      notMade.add("gen-unix-socket.txt"); // e.g. the path is too long for a socket address
    }
    Process mkfifo = new ProcessBuilder("mkfifo", input.resolve("gen-fifo.txt").toString())
        .redirectErrorStream(true).start();
    if (!mkfifo.waitFor(30, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
      notMade.add("gen-fifo.txt");
    }

    Files.createSymbolicLink(input.resolve("gen-link-loop-a.txt"), Path.of("gen-link-loop-b.txt"));
    Files.createSymbolicLink(input.resolve("gen-link-loop-b.txt"), Path.of("gen-link-loop-a.txt"));
    Files.createSymbolicLink(input.resolve("gen-dangling-link.txt"),
        Path.of("gen-missing-target.txt"));
    Files.createDirectories(input.resolve("gen-cycle"));
    Files.createSymbolicLink(input.resolve("gen-cycle/back-to-root"), Path.of(".."));

    Files.writeString(input.resolve("gen-colon:in:name.txt"), variant("gen-colon"),
        StandardCharsets.UTF_8);
    Files.writeString(input.resolve("gen-back\\slash.txt"), variant("gen-backslash"),
        StandardCharsets.UTF_8);
  }

  /** Seed 001 with a last line naming the case, so that no two cases share their bytes. */
  private static String variant(String name) {
    return Seeds.text(SEED_001) + "附注：生成用例 " + name + "\n";
  }

  /** Seed 001 with its pages of duties (lines 13-47) repeated until the file holds 50 MiB. */
  private static void writeBig(Path to) throws IOException {
    byte[] head = Seeds.lines(SEED_001, 1, 47).getBytes(StandardCharsets.UTF_8);
    byte[] pages = Seeds.lines(SEED_001, 13, 47).getBytes(StandardCharsets.UTF_8);
    int lines = (int) Seeds.text(SEED_001).lines().count();
    byte[] tail = Seeds.lines(SEED_001, 48, lines).getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(to))) {
      out.write(head);
      long written = head.length + tail.length;
      while (written < BIG) {
        out.write(pages);
        written += pages.length;
      }
      out.write(tail);
    }
  }

  private void unblockFifoNowAndThen(CountDownLatch done) {
    try {
      while (!done.await(FIFO_PATIENCE_SECONDS, TimeUnit.SECONDS)) {
        if (made("gen-fifo.txt")) {
          new java.io.RandomAccessFile(input.resolve("gen-fifo.txt").toFile(), "rw").close();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
