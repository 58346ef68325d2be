package io.selfeval.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.selfeval.cli.SeedWarehouse;
import io.selfeval.spark.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.junit.jupiter.api.Test;

/**
 * The seeds' Delta tables as a client without Spark sees them: Delta Kernel replays each table's
 * log and reads its parquet files on its own (a plain Hadoop configuration, no SparkSession), and
 * must find the rows Spark finds, at the latest version and at older ones.
 */
class DeltaKernelReadIT {

  private static final Engine ENGINE = DefaultEngine.create(new Configuration());

  @Test
  void kernelReadsEveryTableWithTheRowsAndColumnsSparkReads() throws IOException {
    Path delta = SeedWarehouse.get().resolve("delta");
    List<String> tables = deltaTables(delta);
    assertTrue(tables.containsAll(List.of("forms", "budget_lines", "indicators", "facts",
        "units", "rejects", "runs", "int_indicator_deviations", "int_form_execution",
        "int_flags", "int_unit_year_profiles", "int_links", "int_target_changes")),
        tables.toString());
    for (String table : tables) {
      String path = delta.resolve(table).toString();
      Snapshot snapshot = Table.forPath(ENGINE, path).getLatestSnapshot(ENGINE);
      Dataset<org.apache.spark.sql.Row> spark = sparkAt(path, snapshot.getVersion());
      assertEquals(spark.count(), countRows(snapshot), table);
      assertEquals(Arrays.asList(spark.schema().fieldNames()),
          snapshot.getSchema().fieldNames(), table);
    }
  }

  @Test
  void kernelCountsTheSeedsHandCheckedRows() throws IOException {
    final Path delta = SeedWarehouse.get().resolve("delta");
    // 9 forms with 111 indicator rows in all, from 5 units: counted by hand in the golden files
    assertEquals(9, countLatest(delta.resolve("forms")));
    assertEquals(111, countLatest(delta.resolve("indicators")));
    assertEquals(5, countLatest(delta.resolve("units")));
  }

  @Test
  void kernelReadsOlderVersionsAsSparkReadsThemWithVersionAsOf() throws IOException {
    Path delta = SeedWarehouse.get().resolve("delta");
    List<String> compared = new ArrayList<>();
    boolean anOlderVersionDiffers = false;
    for (String table : deltaTables(delta)) {
      String path = delta.resolve(table).toString();
      Table kernelTable = Table.forPath(ENGINE, path);
      Snapshot latest = kernelTable.getLatestSnapshot(ENGINE);
      long latestRows = countRows(latest);
      for (long version = 0; version < latest.getVersion(); version++) {
        long rows = countRows(kernelTable.getSnapshotAsOfVersion(ENGINE, version));
        assertEquals(sparkAt(path, version).count(), rows, table + " version " + version);
        anOlderVersionDiffers |= rows != latestRows;
        compared.add(table + "@" + version);
      }
    }
    assumeTrue(!compared.isEmpty(), "no table has more than one version after the seed run");
    // else reading "as of" an older version could silently read the latest and still agree
    assertTrue(anOlderVersionDiffers, "no older version differs from its latest: " + compared);
  }

  private static List<String> deltaTables(Path delta) throws IOException {
    try (Stream<Path> children = Files.list(delta)) {
      return children.filter(p -> Files.isDirectory(p.resolve("_delta_log")))
          .map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Dataset<org.apache.spark.sql.Row> sparkAt(String path, long version) {
    return SharedSpark.get().read().format("delta").option("versionAsOf", version).load(path);
  }

  private static long countLatest(Path table) throws IOException {
    return countRows(Table.forPath(ENGINE, table.toString()).getLatestSnapshot(ENGINE));
  }

  /** Every row of the snapshot, read the way the Kernel user guide reads a table. */
  private static long countRows(Snapshot snapshot) throws IOException {
    Scan scan = snapshot.getScanBuilder().build();
    Row scanState = scan.getScanState(ENGINE);
    StructType physicalSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
    long rows = 0;
    try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(ENGINE)) {
      while (scanFiles.hasNext()) {
        try (CloseableIterator<Row> files = scanFiles.next().getRows()) {
          while (files.hasNext()) {
            rows += countFile(scanState, physicalSchema, files.next());
          }
        }
      }
    }
    return rows;
  }

  private static long countFile(Row scanState, StructType physicalSchema, Row scanFile)
      throws IOException {
    FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
    CloseableIterator<ColumnarBatch> physical = ENGINE.getParquetHandler()
        .readParquetFiles(Utils.singletonCloseableIterator(file), physicalSchema,
            Optional.empty())
        .map(FileReadResult::getData);
    long rows = 0;
    try (CloseableIterator<FilteredColumnarBatch> logical =
        Scan.transformPhysicalData(ENGINE, scanState, scanFile, physical)) {
      while (logical.hasNext()) {
        rows += selectedRows(logical.next());
      }
    }
    return rows;
  }

  /** Rows of a batch that survive its selection vector (deletion vectors mark the others). */
  private static long selectedRows(FilteredColumnarBatch batch) {
    int size = batch.getData().getSize();
    Optional<ColumnVector> selection = batch.getSelectionVector();
    if (selection.isEmpty()) {
      return size;
    }
    long rows = 0;
    for (int i = 0; i < size; i++) {
      if (!selection.get().isNullAt(i) && selection.get().getBoolean(i)) {
        rows++;
      }
    }
    return rows;
  }
}
