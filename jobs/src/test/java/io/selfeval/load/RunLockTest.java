package io.selfeval.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse lock: one holder, refusals that name it, stale locks cleared. */
class RunLockTest {

  @TempDir
  Path warehouse;

  private RunLock take(String runId) {
    return RunLock.acquire(warehouse.toString(), runId, new Configuration(),
        Duration.ofHours(24));
  }

  @Test
  void secondRunIsRefusedWithTheHolderNamedThenMayGoOnceTheFirstEnds() throws Exception {
    Path file = warehouse.resolve(RunLock.FILE);
    try (RunLock first = take("run-a")) {
      assertTrue(Files.exists(file));
      RunLock.HeldException refused = assertThrows(RunLock.HeldException.class,
          () -> take("run-b"));
      assertTrue(refused.getMessage().contains("run run-a, process "
          + ProcessHandle.current().pid()), refused.getMessage());
      assertTrue(Files.readString(file).contains("run_id=run-a"));
    }
    assertFalse(Files.exists(file), "released");
    try (RunLock second = take("run-b")) {
      assertTrue(Files.readString(file).contains("run_id=run-b"));
    }
  }

  @Test
  void killedProcessLockOnThisHostIsClearedAndTaken() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    long deadPid = gone.pid();
    Files.writeString(warehouse.resolve(RunLock.FILE), "run_id=killed\nhost=" + RunLock.host()
        + "\npid=" + deadPid + "\nstarted_at=" + Instant.now() + "\n", StandardCharsets.UTF_8);
    try (RunLock lock = take("run-c")) {
      assertTrue(Files.readString(warehouse.resolve(RunLock.FILE)).contains("run_id=run-c"));
    }
  }

  @Test
  void liveProcessLockOnThisHostIsKept() throws Exception {
    Files.writeString(warehouse.resolve(RunLock.FILE), "run_id=alive\nhost=" + RunLock.host()
        + "\npid=" + ProcessHandle.current().pid() + "\nstarted_at=2020-01-01T00:00:00Z\n",
        StandardCharsets.UTF_8);
    assertThrows(RunLock.HeldException.class, () -> take("run-d"));
  }

  @Test
  void otherHostsLocksAreStaleOnlyWhenOlderThanTheLimit() {
    Instant now = Instant.parse("2026-12-01T12:00:00Z");
    Map<String, String> recent = Map.of("host", "some-other-host", "pid", "1",
        "started_at", "2026-12-01T01:00:00Z");
    Map<String, String> old = Map.of("host", "some-other-host", "pid", "1",
        "started_at", "2026-11-30T11:00:00Z");
    assertTrue(RunLock.staleness(recent, now, Duration.ofHours(24)).isEmpty());
    assertEquals("taken on another host more than 24 h ago",
        RunLock.staleness(old, now, Duration.ofHours(24)).orElseThrow());
  }
}
