package io.selfeval.extract;

import io.selfeval.model.FormRecord;
import io.selfeval.model.PiiMasker;
import io.selfeval.model.Records;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Runs on the executors: reads each listed document from its file system and extracts it. One
 * document's failure becomes its own rejected outcome; it never stops the partition.
 */
final class DocumentReaderFunction extends DocumentFunction {
  private static final long serialVersionUID = 1L;

  DocumentReaderFunction(Map<String, String> hadoopConf, long maxBytes) {
    super(hadoopConf, maxBytes);
  }

  @Override
  Iterator<Row> call(Configuration conf, Iterator<Row> refs) {
    List<Row> out = new ArrayList<>();
    while (refs.hasNext()) {
      Row ref = refs.next();
      out.addAll(outcomes(conf, ref.getString(0), ref.getString(1), ref.getLong(2),
          ref.getString(3)));
    }
    return out.iterator();
  }

  /** The outcomes of one listed file: one, or one per entry of an archive. */
  private List<Row> outcomes(Configuration conf, String uri, String file, long size,
      String error) {
    Timestamp now = Timestamp.from(Instant.now());
    if (error != null) {
      return List.of(rejected(file, null, size, error, now));
    }
    if (size > maxBytes) {
      return List.of(rejected(file, null, size, "file too large: " + size + " bytes (limit "
          + maxBytes + ")", now));
    }
    byte[] bytes;
    try {
      bytes = readAll(conf, uri);
    } catch (IOException | RuntimeException e) {
      return List.of(rejected(file, null, size, "file not readable: " + e.getMessage(), now));
    }
    List<ReportExtractor.Result> results;
    try {
      results = ReportExtractor.extractAll(bytes, file);
    } catch (RuntimeException | StackOverflowError e) {
      return List.of(rejected(file, Records.sha256Hex(bytes), size,
          "extractor failed: " + e.getClass().getSimpleName(), now));
    }
    List<Row> rows = new ArrayList<>(results.size());
    for (ReportExtractor.Result result : results) {
      rows.add(row(result, result.file().equals(file) ? size : -1, now));
    }
    return rows;
  }

  /** A document's outcome; {@code size} -1: an archive entry, whose size is its bytes'. */
  private static Row row(ReportExtractor.Result result, long size, Timestamp now) {
    List<String> json = new ArrayList<>();
    int indicators = 0;
    int facts = 0;
    for (FormRecord r : result.records()) {
      json.add(Records.toJson(r));
      indicators += r.indicators().size();
      facts += r.facts().size();
    }
    return RowFactory.create(result.file(), result.sha256(), status(result.status()),
        result.reason(), result.encoding(), size < 0 ? null : size, result.records().size(),
        indicators, facts, result.warningCount(), now,
        CollectionConverters.asScala(json).toList());
  }

  private static Row rejected(String file, String sha256, long size, String reason,
      Timestamp at) {
    // a reason can quote a path or the text (an exception's message): masked like the text
    return RowFactory.create(file, sha256, "rejected", PiiMasker.mask(reason), null, size, 0, 0,
        0, 0, at,
        CollectionConverters.asScala(List.<String>of()).toList());
  }

  static String status(ReportExtractor.Status s) {
    return s.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static byte[] readAll(Configuration conf, String uri) throws IOException {
    try (InputStream in = open(conf, uri)) {
      return in.readAllBytes();
    }
  }
}
