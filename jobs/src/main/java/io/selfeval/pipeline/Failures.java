package io.selfeval.pipeline;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * The one line a failed stage is reported by, on standard error and in the runs ledger. Most
 * failures say what they are in their own message; a full disk does not: Spark and Delta wrap the
 * file system's "No space left on device" in their own errors (a failed job, a missing
 * {@code _temporary} folder, a write that could not be committed) or keep it as a suppressed
 * exception behind the error it caused. So the causes and suppressed exceptions are searched for
 * it, and when it is there it is named first.
 */
public final class Failures {

  private static final String[] DISK_FULL = {
      "no space left on device", "disk quota exceeded", "not enough space on the disk"};

  private Failures() {}

  /** Kept as a suppressed exception when a failed stage's ledger row could not be written. */
  public static final class LedgerNotWritten extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LedgerNotWritten(Throwable why) {
      super("the runs ledger could not record this failure: " + why.getMessage(), why);
    }
  }

  /** What went wrong, in one line; a full disk is said first, with what to do. */
  public static String describe(Throwable failure, String warehouse) {
    String own = String.valueOf(failure.getMessage());
    String full = diskFull(failure);
    String line = full == null ? own
        : "the disk is full (" + full + ") while writing to " + warehouse
            + ": free space there and run again; the tables and marts stay as the last "
            + "complete run left them" + (own.contains(full) ? "" : " [" + own + "]");
    for (Throwable s : failure.getSuppressed()) {
      if (s instanceof LedgerNotWritten) {
        return line + "; the runs ledger could not record this failure";
      }
    }
    return line;
  }

  /** The file system's own words for a full disk, when the failure or a cause holds them. */
  static String diskFull(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>();
    todo.add(failure);
    while (!todo.isEmpty()) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      String message = t.getMessage();
      if (message != null) {
        String lower = message.toLowerCase(Locale.ROOT);
        for (String words : DISK_FULL) {
          int at = lower.indexOf(words);
          if (at >= 0) {
            return message.substring(at, at + words.length());
          }
        }
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      Collections.addAll(todo, t.getSuppressed());
    }
    return null;
  }
}
