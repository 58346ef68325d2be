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
    Map<String, String> recent = Map.of("run_id", "r", "host", "some-other-host", "pid", "1",
        "started_at", "2026-12-01T01:00:00Z");
    Map<String, String> old = Map.of("run_id", "r", "host", "some-other-host", "pid", "1",
        "started_at", "2026-11-30T11:00:00Z");
    assertTrue(RunLock.staleness(body(recent), now, Duration.ofHours(24)).isEmpty());
    assertEquals("taken on another host more than 24 h ago",
        RunLock.staleness(body(old), now, Duration.ofHours(24)).orElseThrow());
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
    assertFalse(RunLock.clearIfStill(files(), body(judged)));
    assertEquals(taken, Files.readString(file), "run A's lock kept");
    assertFalse(Files.exists(warehouse.resolve(RunLock.CLEARING)), "clearing file given back");
  }

  @Test
  void staleLockStillInPlaceIsCleared() throws Exception {
    Files.writeString(warehouse.resolve(RunLock.FILE), "run_id=killed\nhost=h\npid=1\n"
        + "started_at=2026-12-01T01:00:00Z\n", StandardCharsets.UTF_8);
    RunLock.LockFiles.Body judged = files().read(RunLock.FILE).orElseThrow();
    assertTrue(RunLock.clearIfStill(files(), judged));
    assertFalse(Files.exists(warehouse.resolve(RunLock.FILE)));
    assertFalse(Files.exists(warehouse.resolve(RunLock.CLEARING)));
  }

  @Test
  void whileAnotherRunClearsNothingIsDeletedUnlessItsClearingFileIsLeftOver() throws Exception {
    Path file = warehouse.resolve(RunLock.FILE);
    Files.writeString(file, "run_id=killed\nhost=h\npid=1\n", StandardCharsets.UTF_8);
    RunLock.LockFiles.Body judged = files().read(RunLock.FILE).orElseThrow();
    Path clearing = Files.createFile(warehouse.resolve(RunLock.CLEARING));
    assertFalse(RunLock.clearIfStill(files(), judged), "another run is clearing");
    assertTrue(Files.exists(file));
    Files.setLastModifiedTime(clearing, java.nio.file.attribute.FileTime.from(
        Instant.now().minus(Duration.ofMinutes(5))));
    assertTrue(RunLock.clearIfStill(files(), judged), "its clearer died long ago");
    assertFalse(Files.exists(file));
    assertFalse(Files.exists(clearing));
  }

  @Test
  void lockNamingNoHolderYetIsLiveWhileYoungAndStaleOnceOld() throws Exception {
    // another run created the lock and has not written its body yet
    Path file = Files.createFile(warehouse.resolve(RunLock.FILE));
    assertThrows(RunLock.HeldException.class, () -> take("run-e"));
    assertTrue(Files.exists(file), "a lock being written is not cleared");
    assertEquals("", Files.readString(file));
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(
        Instant.now().minus(Duration.ofMinutes(5))));
    try (RunLock lock = take("run-e")) {
      assertTrue(Files.readString(file).contains("run_id=run-e"), "its writer died: cleared");
    }
  }

  @Test
  void runGivesBackOnlyTheLockThatStillNamesIt() throws Exception {
    Path file = warehouse.resolve(RunLock.FILE);
    String other = "run_id=run-g\nhost=h\npid=1\nstarted_at=2026-12-01T01:00:00Z\ntoken=t\n";
    try (RunLock lock = take("run-f")) {
      // e.g. an operator deleted it and another run took it meanwhile
      Files.delete(file);
      Files.writeString(file, other, StandardCharsets.UTF_8);
    }
    assertEquals(other, Files.readString(file), "the other run's lock is left in place");
  }

  private static RunLock.LockFiles.Body body(Map<String, String> fields) {
    StringBuilder text = new StringBuilder();
    fields.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    return new RunLock.LockFiles.Body(text.toString(), Instant.now());
  }

  private RunLock.LockFiles files() throws java.io.IOException {
    return RunLock.LockFiles.of(lockPath().getFileSystem(new Configuration()), lockPath());
  }

  private org.apache.hadoop.fs.Path lockPath() {
    return new org.apache.hadoop.fs.Path(warehouse.resolve(RunLock.FILE).toUri());
  }
}
