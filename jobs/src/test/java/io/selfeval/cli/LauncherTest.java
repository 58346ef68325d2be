package io.selfeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/selfeval} in a copy of the repository's layout, with stand-ins for {@code mvn} and
 * {@code java} (no build, no JVM): what it passes on to a log that is not a terminal.
 */
class LauncherTest {

  private static final String LOG_LINE = "05:04:51 INFO  [run] ExtractJob: extract: 5 documents";

  @TempDir
  Path root;

  @Test
  void buildOutputLeavesNoColourCodesBeforeTheLogLines() throws Exception {
    ExternalTools.assumeAvailable("the launcher bin/selfeval", "bash", "--version");
    Files.createDirectories(root.resolve("bin"));
    Files.copy(Path.of("bin/selfeval"), root.resolve("bin/selfeval"));
    Files.createDirectories(root.resolve("jobs/src/main"));
    Files.createDirectories(root.resolve("schemas"));
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    // Maven 3.8 in batch mode, to a file: colour resets with no line end, on both streams
    script(root.resolve("tools/mvn"), "mkdir -p target/lib && touch target/selfeval.jar",
        "printf -- '--add-opens=java.base/java.lang=ALL-UNNAMED' > target/jvm-opens.txt",
        "printf '\\033[0m\\033[0m'", "printf '\\033[0m\\033[0m' >&2");
    script(root.resolve("jdk/bin/java"), "echo '" + LOG_LINE + "' >&2",
        "echo \"progress=${SELFEVAL_PROGRESS:-}\" >&2");

    Path err = root.resolve("err.log");
    ProcessBuilder launcher = new ProcessBuilder("bash", root.resolve("bin/selfeval").toString(),
        "extract").redirectError(err.toFile()).redirectOutput(root.resolve("out.log").toFile());
    launcher.environment().put("PATH", root.resolve("tools") + ":" + System.getenv("PATH"));
    launcher.environment().put("JAVA_HOME", root.resolve("jdk").toString());
    Process process = launcher.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bin/selfeval did not end");

    String log = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), log);
    assertTrue(log.contains("selfeval: building target/selfeval.jar"), log);
    assertFalse(log.contains("\u001b"), "escape sequences in\n" + log);
    assertTrue(log.lines().anyMatch(LOG_LINE::equals), "the log line stands alone:\n" + log);
    // stderr is a file: the progress line is plain, not redrawn with cursor codes
    assertTrue(log.lines().anyMatch("progress=plain"::equals), log);
  }

  private static void script(Path path, String... lines) throws Exception {
    Files.createDirectories(path.getParent());
    Files.writeString(path, "#!/usr/bin/env bash\nset -e\n" + String.join("\n", lines) + "\n");
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
