package io.selfeval.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes racing for one warehouse lock: {@value #JVMS} JVMs, {@value #ROUNDS} rounds. In
 * each round every JVM waits at a barrier (files in a shared folder), then all call
 * {@link RunLock#acquire} within a millisecond or two; a JVM that got the lock keeps it until every
 * JVM has reported its attempt, so a second holder in a round can only come from a lock that did
 * not exclude. Exactly one holder per round, the others refused.
 */
@Tag("child-jvm")
class RunLockRaceIT {

  static final int JVMS = 4;
  static final int ROUNDS = 20;

  @TempDir
  Path dir;

  @Test
  void exactlyOneOfFourProcessesHoldsTheLockInEachOfTwentyRounds() throws Exception {
    Path warehouse = Files.createDirectories(dir.resolve("warehouse"));
    Path sync = Files.createDirectories(dir.resolve("sync"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> jvms = new ArrayList<>();
    for (int i = 0; i < JVMS; i++) {
      jvms.add(new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
          "-cp", System.getProperty("java.class.path"), Contender.class.getName(),
          warehouse.toString(), sync.toString(), String.valueOf(i))
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("jvm-" + i + ".log").toFile())
          .start());
    }
    for (int i = 0; i < JVMS; i++) {
      Path log = dir.resolve("jvm-" + i + ".log");
      assertTrue(jvms.get(i).waitFor(6, TimeUnit.MINUTES), "JVM " + i + " finished");
      assertEquals(0, jvms.get(i).exitValue(), () -> "JVM failed: " + readQuietly(log));
    }
    List<String> overlaps = new ArrayList<>();
    for (int r = 0; r < ROUNDS; r++) {
      int held = 0;
      int refused = 0;
      StringBuilder round = new StringBuilder();
      for (int i = 0; i < JVMS; i++) {
        String result = Files.readString(sync.resolve(r + ".result." + i)).trim();
        round.append(" jvm").append(i).append('=').append(result);
        held += result.equals("HELD") ? 1 : 0;
        refused += result.equals("REFUSED") ? 1 : 0;
      }
      if (held != 1 || refused != JVMS - 1) {
        overlaps.add("round " + r + ":" + round);
      }
    }
    assertTrue(overlaps.isEmpty(), "rounds without exactly one holder: " + overlaps);
    assertFalse(Files.exists(warehouse.resolve(RunLock.FILE)), "every holder gave it back");
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** One racing process: {@code <warehouse> <sync folder> <index>}. */
  public static final class Contender {

    private Contender() {}

    public static void main(String[] args) throws Exception {
      String warehouse = args[0];
      Path sync = Path.of(args[1]);
      int me = Integer.parseInt(args[2]);
      Configuration conf = new Configuration();
      for (int r = 0; r < ROUNDS; r++) {
        touch(sync.resolve(r + ".ready." + me));
        awaitAll(sync, r + ".ready.");
        RunLock lock = null;
        String result;
        try {
          lock = RunLock.acquire(warehouse, "race-" + me + "-" + r, conf, Duration.ofHours(24));
          result = "HELD";
        } catch (RunLock.HeldException e) {
          result = "REFUSED";
        } catch (RuntimeException e) {
          result = "ERROR " + e;
        }
        Path tmp = sync.resolve(r + ".tmp." + me);
        Files.writeString(tmp, result, StandardCharsets.UTF_8);
        Files.move(tmp, sync.resolve(r + ".result." + me), StandardCopyOption.ATOMIC_MOVE);
        awaitAll(sync, r + ".result.");
        long holders = 0;
        for (int i = 0; i < JVMS; i++) {
          holders += Files.readString(sync.resolve(r + ".result." + i)).equals("HELD") ? 1 : 0;
        }
        if (lock != null) {
          lock.close();
          touch(sync.resolve(r + ".released." + me));
        }
        await(sync, r + ".released.", holders);
      }
    }

    private static void touch(Path file) throws IOException {
      Files.writeString(file, "", StandardCharsets.UTF_8);
    }

    private static void awaitAll(Path sync, String prefix) throws Exception {
      await(sync, prefix, JVMS);
    }

    private static void await(Path sync, String prefix, long count) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (true) {
        long seen = 0;
        for (int i = 0; i < JVMS; i++) {
          seen += Files.exists(sync.resolve(prefix + i)) ? 1 : 0;
        }
        if (seen >= count) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("timed out waiting for " + count + " x " + prefix);
        }
        Thread.sleep(0, 200_000);
      }
    }
  }
}
