package io.selfeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.ExternalTools;
import io.selfeval.extract.Seeds;
import io.selfeval.generate.CorpusGenerator;
import io.selfeval.pipeline.ExitCodes;
import io.selfeval.publish.Marts;
import io.selfeval.spark.SharedSpark;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pipeline submitted to a Spark standalone cluster (a master and two one-core workers on
 * 127.0.0.1, started by {@code dev/standalone-cluster.sh}) publishes the same marts as a local
 * run over the same input: the seeds plus a generated corpus of 5 units over 4 years, 25
 * unit-years, the fewest documents that give the k-means clustering its 20 rows (flags.json's
 * {@code cluster_min_rows}) with a few to spare; the test checks the profiles were clustered.
 * Rows are compared whole, as multisets, all columns but
 * {@code run_id}; the cluster also runs with other partition counts than the local session,
 * so a result that depends on partitioning shows up here too.
 *
 * <p>It submits {@code target/selfeval-submit.jar}, the artifact a cluster gets: integration
 * tests run in {@code mvn verify}, after {@code package} built it. The cluster, driver included,
 * has only the provided scope ({@code target/spark-classpath.txt}, written before the tests), as
 * from a Spark distribution, so a class missing from the submit jar fails here. Needs bash (the
 * test is skipped, saying so, without it); a run takes a few minutes.
 */
@Tag("cluster")
class StandaloneClusterIT {

  private static final Path SCRIPT = Path.of("dev", "standalone-cluster.sh").toAbsolutePath();
  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final long SCRIPT_MINUTES = 25;
  private static final String APP_NAME = "selfeval run";

  @Test
  void clusterPublishesTheMartsOfLocalMode() throws Exception {
    ExternalTools.assumeAvailable("the standalone cluster script", "bash", "--version");
    final Path submitJar = TARGET.resolve("selfeval-submit.jar");
    assertTrue(Files.isRegularFile(submitJar), submitJar + " missing: integration tests run in "
        + "mvn verify, after package builds it");
    final Path base = Files.createTempDirectory(TARGET, "cluster-run-");
    final Path input = input(base);
    final Path status = base.resolve("master-status.json");
    final Path events = Files.createDirectories(base.resolve("events"));
    final String clusterWarehouse = base.resolve("wh-cluster").toString();
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(),
        "--app-jar", submitJar.toString(),
        "--spark-classpath", TARGET.resolve("spark-classpath.txt").toString(),
        "--work", base.resolve("cluster").toString(),
        "--status", status.toString()));
    // small partition counts as in local mode (the defaults, 200 shuffle partitions and 50 for
    // Delta's log, cost minutes of tiny tasks here), yet not the local session's 2
    for (String conf : List.of("spark.sql.shuffle.partitions=5", "spark.default.parallelism=3",
        "spark.databricks.delta.snapshotPartitions=3", "spark.eventLog.enabled=true",
        "spark.eventLog.compress=false", "spark.eventLog.rolling.enabled=false",
        "spark.eventLog.dir=" + events.toUri())) {
      command.addAll(List.of("--conf", conf));
    }
    command.addAll(List.of("--", "run", "--input", input.toString(),
        "--warehouse", clusterWarehouse));
    final Path log = base.resolve("script.log");
    final String localWarehouse = base.resolve("wh-local").toString();
    Process cluster = startScript(command, log);
    try {
      // the local run meanwhile: both wait on scheduling and commits more than on the cores
      RunCommand local = InTestRun.parse(new StringWriter(), input, localWarehouse);
      assertEquals(ExitCodes.OK, local.call());
      String output = awaitScript(cluster, log);
      assertTrue(output.contains("publish: form_scorecard"), output);
    } finally {
      stop(cluster);
    }

    List<String> counts = new ArrayList<>();
    for (String mart : Marts.NAMES) {
      counts.add(mart + " " + compare(mart, clusterWarehouse, localWarehouse));
    }
    System.out.println("standalone cluster = local: " + String.join(", ", counts));
    assertClustered(clusterWarehouse);
    assertRanOnTheCluster(status, events);
    // passed: the event log (about 100 MB) and the executors' copies of the jars go; the
    // warehouses, the logs and the master's status stay for a look
    deleteTree(events);
    try (Stream<Path> workers = Files.list(base.resolve("cluster"))) {
      for (Path worker : workers.filter(p -> p.getFileName().toString().startsWith("worker-"))
          .toList()) {
        deleteTree(worker);
      }
    }
  }

  /** The seeds and a generated corpus in one input folder. */
  private static Path input(Path base) throws IOException {
    Path corpus = base.resolve("corpus");
    new CorpusGenerator(new CorpusGenerator.Settings(5, 4, 2020, 5, null)).write(corpus);
    Path input = corpus.resolve("reports");
    Path seeds = Files.createDirectories(input.resolve("seeds"));
    for (String seed : Seeds.NAMES) {
      Files.write(seeds.resolve(seed), Seeds.bytes(seed));
    }
    return input;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Starts the script, its output going to {@code log}. */
  private static Process startScript(List<String> command, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    // the cluster runs on the JDK that runs the tests
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    return builder.start();
  }

  /** Waits for the script; returns its output, failing on a non-zero exit or a timeout. */
  private static String awaitScript(Process process, Path log) throws Exception {
    if (!process.waitFor(SCRIPT_MINUTES, TimeUnit.MINUTES)) {
      throw new AssertionError("no end after " + SCRIPT_MINUTES + " min: "
          + Files.readString(log));
    }
    String output = Files.readString(log);
    assertEquals(0, process.exitValue(), output);
    return output;
  }

  /** TERM to a script still running: its trap stops the driver, the workers and the master. */
  private static void stop(Process process) throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      process.waitFor(1, TimeUnit.MINUTES);
    }
  }

  /** Asserts both runs' mart hold the same rows, but for run_id; returns the row count. */
  private static long compare(String mart, String clusterWarehouse, String localWarehouse) {
    SparkSession spark = SharedSpark.get();
    Dataset<Row> cluster = spark.read().parquet(clusterWarehouse + "/marts/" + mart)
        .drop("run_id");
    Dataset<Row> local = spark.read().parquet(localWarehouse + "/marts/" + mart)
        .drop("run_id");
    assertEquals(List.of(local.columns()), List.of(cluster.columns()), mart);
    List<Row> onlyCluster = cluster.exceptAll(local).collectAsList();
    List<Row> onlyLocal = local.exceptAll(cluster).collectAsList();
    assertTrue(onlyCluster.isEmpty() && onlyLocal.isEmpty(), mart + ": only on the cluster "
        + onlyCluster + "; only local " + onlyLocal);
    long rows = local.count();
    assertTrue(rows > 0, mart + " is empty");
    assertEquals(rows, cluster.count(), mart);
    return rows;
  }

  /** Every unit-year profile the cluster published has its k-means cluster, of k at least 2. */
  private static void assertClustered(String warehouse) {
    Dataset<Row> profiles = SharedSpark.get().read()
        .parquet(warehouse + "/marts/" + Marts.UNIT_YEAR_PROFILES);
    long rows = profiles.count();
    assertTrue(rows >= 20, rows + " unit-years, fewer than k-means needs");
    assertEquals(rows, profiles.where("cluster IS NOT NULL AND cluster_k >= 2").count(),
        "profiles without a cluster");
  }

  /**
   * The master saw the application finish with both workers' cores, and its tasks ran on two
   * executors (one per worker: a worker has one core and an executor takes all it offers).
   */
  private static void assertRanOnTheCluster(Path status, Path events) throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode master = json.readTree(status.toFile());
    assertEquals(2, master.path("aliveworkers").asInt(), master.toPrettyString());
    JsonNode apps = master.path("completedapps");
    assertEquals(1, apps.size(), master.toPrettyString());
    assertEquals(APP_NAME, apps.get(0).path("name").asText());
    assertEquals("FINISHED", apps.get(0).path("state").asText());
    assertEquals(2, apps.get(0).path("cores").asInt());

    Path log;
    try (Stream<Path> files = Files.list(events)) {
      log = files.filter(Files::isRegularFile).findFirst().orElseThrow(
          () -> new AssertionError("no event log in " + events));
    }
    Set<String> added = new HashSet<>();
    Set<String> ranTasks = new HashSet<>();
    String appMaster = null;
    try (BufferedReader lines = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode event = json.readTree(line);
        switch (event.path("Event").asText()) {
          case "SparkListenerExecutorAdded" -> added.add(event.path("Executor ID").asText());
          case "SparkListenerTaskEnd" ->
              ranTasks.add(event.path("Task Info").path("Executor ID").asText());
          case "SparkListenerEnvironmentUpdate" ->
              appMaster = event.path("Spark Properties").path("spark.master").asText(null);
          default -> {
            // other events say nothing about where tasks ran
          }
        }
      }
    }
    assertEquals(2, added.size(), "executors added: " + added);
    assertEquals(added, ranTasks, "executors that ran tasks");
    assertTrue(appMaster != null && appMaster.equals(master.path("url").asText()),
        "the application's master " + appMaster + " is not " + master.path("url"));
    assertTrue(Files.readString(log).contains("\"App Name\":\"" + APP_NAME + "\""),
        "event log of another application: " + log.getFileName());
    System.out.println("standalone cluster: " + apps.get(0).path("id").asText() + " ran tasks on "
        + ranTasks.stream().sorted().collect(Collectors.joining(" and ", "executors ", "")));
  }
}
