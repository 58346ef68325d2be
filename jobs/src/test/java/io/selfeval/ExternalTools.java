package io.selfeval;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The tools outside the JVM that some integration tests need (bash, Node.js with npm, Python):
 * a test whose tool is missing is skipped, with a line on stderr and in the test report naming
 * the tool and what needs it, instead of failing on a machine that lacks it.
 */
public final class ExternalTools {

  private static final long SECONDS = 60;

  private ExternalTools() {}

  /**
   * Runs {@code command} (a cheap probe such as {@code node --version}) and returns what it
   * printed; skips the calling test when the command cannot start, fails or hangs.
   *
   * @param purpose what needs the tool, for the message (e.g. "the DuckDB reader of the marts")
   */
  public static String assumeAvailable(String purpose, String... command) {
    String probe = String.join(" ", command);
    File out = null;
    try {
      out = File.createTempFile("selfeval-probe-", ".out");
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(out).start();
      if (!process.waitFor(SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        skip(purpose, "`" + probe + "` did not answer in " + SECONDS + " s");
      }
      String printed = Files.readString(out.toPath(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        skip(purpose, "`" + probe + "` exited with " + process.exitValue() + ": "
            + printed.strip());
      }
      return printed;
    } catch (IOException e) {
      skip(purpose, "`" + command[0] + "` is not on the PATH (" + e.getMessage() + ")");
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      if (out != null) {
        out.delete();
      }
    }
  }

  /** Skips the calling test, saying which tool is missing and what needed it. */
  public static void skip(String purpose, String why) {
    String message = "SKIPPED: " + purpose + " needs a tool this machine lacks: " + why;
    System.err.println(message);
    Assumptions.abort(message);
  }
}
