package io.selfeval.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The seed reports of data/reports, for tests. */
public final class Seeds {

  public static final Path DIR = Path.of("data/reports");
  public static final List<String> NAMES = List.of(
      "000_58f6e7092d20fcc3.txt", "001_b0594b0c6d3b86f7.txt", "002_605be31f1facfce9.txt",
      "003_8a9d7d315562be05.txt", "004_04ca42f9f00966fc.txt");

  private Seeds() {}

  public static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(DIR.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  /** Lines {@code from}..{@code to} (1-based, inclusive) of a seed, joined with newlines. */
  public static String lines(String name, int from, int to) {
    List<String> all = text(name).lines().toList();
    return String.join("\n", all.subList(from - 1, to)) + "\n";
  }
}
