package io.selfeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.selfeval.extract.Seeds;
import io.selfeval.spark.SharedSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code selfeval run} end to end on the shared session: extract, load and the ledger. */
class RunCommandTest {

  @TempDir
  Path tmp;

  @Test
  void runAccountsForEveryDocumentInTheLedgerAndRejects() throws Exception {
    Path input = Files.createDirectories(tmp.resolve("in"));
    for (String seed : Seeds.NAMES) {
      Files.write(input.resolve(seed), Seeds.bytes(seed));
    }
    Files.write(input.resolve("empty.txt"), new byte[0]);
    String warehouse = tmp.resolve("wh").toString();
    CommandLine cli = SelfevalCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    CommandLine.ParseResult parsed = cli.parseArgs("run", "--input", input.toString(),
        "--warehouse", warehouse);
    RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
    SparkSession spark = SharedSpark.get();

    // analyse is the next stage to build: run stops there, after extract and load
    StageNotImplementedException stop = assertThrows(StageNotImplementedException.class,
        () -> run.run(spark));
    assertEquals("stage 'analyse' is not implemented yet", stop.getMessage());

    List<Row> ledger = spark.read().format("delta").load(warehouse + "/delta/runs")
        .orderBy("started_at").collectAsList();
    assertEquals(2, ledger.size());
    Row extract = ledger.get(0);
    Row load = ledger.get(1);
    assertEquals("extract", extract.getAs("stage"));
    assertEquals("load", load.getAs("stage"));
    assertEquals((String) extract.getAs("run_id"), load.getAs("run_id"));
    // extract: 6 documents in = 5 parsed + 1 rejected (the empty file)
    assertEquals(6L, (long) extract.getAs("documents_in"));
    assertEquals(5L, (long) extract.getAs("documents_done"));
    assertEquals(1L, (long) extract.getAs("documents_rejected"));
    assertEquals("ok_with_rejects", extract.getAs("outcome"));
    // load: 5 documents in = 5 loaded + 0 skipped + 0 rejected
    long in = load.getAs("documents_in");
    assertEquals(in, (long) load.<Long>getAs("documents_done")
        + load.<Long>getAs("documents_skipped") + load.<Long>getAs("documents_rejected"));
    assertEquals(5L, in);
    assertEquals(9L, (long) load.getAs("records_loaded"));

    List<Row> rejects = spark.read().format("delta").load(warehouse + "/delta/rejects")
        .collectAsList();
    assertEquals(1, rejects.size());
    assertEquals("empty.txt", rejects.get(0).getAs("source_file"));
    assertEquals("extract", rejects.get(0).getAs("stage"));
    assertEquals("empty file (0 bytes)", rejects.get(0).getAs("reason"));
  }
}
