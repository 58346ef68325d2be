package io.selfeval;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Copies of folders for tests: a warehouse made once (a load, a run) and copied for each test
 * that starts from it, instead of making it again. Delta tables and the marts' links hold
 * relative paths, so a copy is a warehouse of its own.
 */
public final class Folders {

  private Folders() {}

  /**
   * Copies {@code from} to {@code to} as it is, its links (current marts, site) as links; each
   * file with {@code options} ({@code COPY_ATTRIBUTES} keeps its modification time, for an input
   * folder whose catalogue recorded the times).
   */
  public static void copy(Path from, Path to, CopyOption... options) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isSymbolicLink(p)) {
          Files.createSymbolicLink(target, Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, options);
        }
      }
    }
  }
}
