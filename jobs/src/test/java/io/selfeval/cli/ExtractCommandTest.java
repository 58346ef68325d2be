package io.selfeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.extract.Seeds;
import io.selfeval.model.Records;
import io.selfeval.pipeline.ExitCodes;
import io.selfeval.spark.SharedSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code selfeval extract} on its own: where its records and outcomes go. */
class ExtractCommandTest {

  @TempDir
  Path tmp;

  @Test
  void outNamesOneJsonLinesFileAndTheOutcomesStayInTheWarehouse() throws Exception {
    Path input = Files.createDirectories(tmp.resolve("in"));
    // the golden files: one form in 001, one in 004
    List<String> seeds = List.of(Seeds.NAMES.get(1), Seeds.NAMES.get(4));
    for (String seed : seeds) {
      Files.write(input.resolve(seed), Seeds.bytes(seed));
    }
    final Path file = tmp.resolve("out/records.jsonl");
    final Path warehouse = tmp.resolve("wh");

    StringWriter printed = new StringWriter();
    CommandLine cli = SelfevalCli.commandLine();
    cli.setOut(new PrintWriter(printed, true));
    cli.setErr(new PrintWriter(printed, true));
    SharedSpark.get(); // the command runs in the session there is, as when embedded
    assertEquals(ExitCodes.OK, cli.execute("extract", "--input", input.toString(),
        "--warehouse", warehouse.toString(), "--out", file.toString()), printed.toString());

    assertTrue(Files.isRegularFile(file), file + " is not a file");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(2, lines.size(), String.join("\n", lines));
    assertEquals(seeds, lines.stream().map(l -> Records.fromJson(l).source().file()).sorted()
        .toList());
    try (Stream<Path> beside = Files.list(file.getParent())) {
      assertEquals(List.of(file), beside.toList(), "only the file is left");
    }
    assertTrue(printed.toString().contains("records:  " + file), printed.toString());
    // the outcomes and the ledger follow --warehouse; no staging records were written
    Path outcomes = warehouse.resolve("staging/document_outcomes");
    try (Stream<Path> parts = Files.list(outcomes)) {
      assertTrue(parts.anyMatch(p -> p.getFileName().toString().startsWith("part-")),
          "outcomes in " + outcomes);
    }
    assertTrue(Files.isDirectory(warehouse.resolve("delta/runs/_delta_log")));
    assertFalse(Files.exists(warehouse.resolve("staging/records")));
  }
}
