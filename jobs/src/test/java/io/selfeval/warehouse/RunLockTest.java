package io.selfeval.warehouse;

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

  @Test
  void lockTakenSinceItWasJudgedStaleIsNotCleared() throws Exception {
    // run B judged the killed run's lock stale; before B cleared it, run A did and took it
    Map<String, String> judged = Map.of("run_id", "killed", "host", RunLock.host(),
        "pid", "999999999", "started_at", "2026-12-01T01:00:00Z");
    Path file = warehouse.resolve(RunLock.FILE);
    String taken = "run_id=run-a\nhost=" + RunLock.host() + "\npid="
        + ProcessHandle.current().pid() + "\nstarted_at=" + Instant.now() + "\n";
    Files.writeString(file, taken, StandardCharsets.UTF_8);
    assertFalse(RunLock.clearIfStill(fs(), lockPath(), judged));
    assertEquals(taken, Files.readString(file), "run A's lock kept");
    assertFalse(Files.exists(warehouse.resolve(RunLock.CLEARING)), "clearing file given back");
  }

  @Test
  void staleLockStillInPlaceIsCleared() throws Exception {
    Files.writeString(warehouse.resolve(RunLock.FILE), "run_id=killed\nhost=h\npid=1\n"
        + "started_at=2026-12-01T01:00:00Z\n", StandardCharsets.UTF_8);
    Map<String, String> judged = Map.of("run_id", "killed", "host", "h", "pid", "1",
        "started_at", "2026-12-01T01:00:00Z");
    assertTrue(RunLock.clearIfStill(fs(), lockPath(), judged));
    assertFalse(Files.exists(warehouse.resolve(RunLock.FILE)));
    assertFalse(Files.exists(warehouse.resolve(RunLock.CLEARING)));
  }

  @Test
  void whileAnotherRunClearsNothingIsDeletedUnlessItsClearingFileIsLeftOver() throws Exception {
    Path file = warehouse.resolve(RunLock.FILE);
    Files.writeString(file, "run_id=killed\nhost=h\npid=1\n", StandardCharsets.UTF_8);
    Map<String, String> judged = Map.of("run_id", "killed", "host", "h", "pid", "1");
    Path clearing = Files.createFile(warehouse.resolve(RunLock.CLEARING));
    assertFalse(RunLock.clearIfStill(fs(), lockPath(), judged), "another run is clearing");
    assertTrue(Files.exists(file));
    Files.setLastModifiedTime(clearing, java.nio.file.attribute.FileTime.from(
        Instant.now().minus(Duration.ofMinutes(5))));
    assertTrue(RunLock.clearIfStill(fs(), lockPath(), judged), "its clearer died long ago");
    assertFalse(Files.exists(file));
    assertFalse(Files.exists(clearing));
  }

  private org.apache.hadoop.fs.FileSystem fs() throws java.io.IOException {
    return lockPath().getFileSystem(new Configuration());
  }

  private org.apache.hadoop.fs.Path lockPath() {
    return new org.apache.hadoop.fs.Path(warehouse.resolve(RunLock.FILE).toUri());
  }
}
