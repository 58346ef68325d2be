package io.selfeval.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The start of a command line for a JVM of its own with the flags Spark needs on Java 17. */
final class ChildJvm {

  private ChildJvm() {}

  /** {@code java}, this JVM's opens, encoding and JIT level, a 2 GiB heap and this class path. */
  static List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports")
          || arg.startsWith("-Dfile.encoding") || arg.startsWith("-Djdk.reflect")
          || arg.startsWith("-Dio.netty") || arg.startsWith("-XX:TieredStopAtLevel")) {
        command.add(arg);
      }
    }
    command.addAll(List.of("-Xmx2g", "-cp", System.getProperty("java.class.path")));
    return command;
  }
}
