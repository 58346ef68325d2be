package io.selfeval.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** The line a failed stage is reported by: a full disk named first, wherever it hides. */
class FailuresTest {

  @Test
  void ordinaryFailureKeepsItsOwnMessage() {
    assertEquals("no such table: forms",
        Failures.describe(new IllegalStateException("no such table: forms"), "/wh"));
  }

  @Test
  void fullDiskDeepInTheCausesIsSaidFirst() {
    Exception spark = new IllegalStateException("Job aborted due to stage failure",
        new UncheckedIOException(new IOException("write failed: No space left on device")));
    String line = Failures.describe(spark, "/data/wh");
    assertTrue(line.startsWith("the disk is full (No space left on device) while writing to "
        + "/data/wh: free space there"), line);
    assertTrue(line.endsWith("[Job aborted due to stage failure]"), line);
  }

  @Test
  void fullDiskKeptOnlyAsSuppressedExceptionIsFoundToo() {
    // the shape the issue saw: the error a full disk caused, the disk itself only suppressed
    Exception shown = new IllegalStateException("_temporary/0 does not exist");
    shown.addSuppressed(new IOException("Disk quota exceeded"));
    assertTrue(Failures.describe(shown, "/wh").startsWith("the disk is full (Disk quota "
        + "exceeded)"));
  }

  @Test
  void cycleOfCausesEnds() {
    IllegalStateException a = new IllegalStateException("a");
    IllegalStateException b = new IllegalStateException("b", a);
    a.addSuppressed(b);
    assertEquals("a", Failures.describe(a, "/wh"));
  }
}
