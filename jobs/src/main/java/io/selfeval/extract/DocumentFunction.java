package io.selfeval.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * What the functions that read listed documents on the executors share: the driver's Hadoop
 * settings, so that they open the same file systems, and the size limit. Each input row is a
 * listing entry: uri, file (relative path), size_bytes and the listing's error (null when none).
 */
abstract class DocumentFunction implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final Map<String, String> hadoopConf;
  /** Documents larger than this are rejected without being read. */
  final long maxBytes;

  DocumentFunction(Map<String, String> hadoopConf, long maxBytes) {
    this.hadoopConf = hadoopConf;
    this.maxBytes = maxBytes;
  }

  @Override
  public final Iterator<Row> call(Iterator<Row> refs) {
    Configuration conf = new Configuration(false);
    hadoopConf.forEach(conf::set);
    return call(conf, refs);
  }

  /** The partition's output, with {@code conf} set as on the driver. */
  abstract Iterator<Row> call(Configuration conf, Iterator<Row> refs);

  /** Opens a listed document for reading. */
  static InputStream open(Configuration conf, String uri) throws IOException {
    return Documents.open(conf, new Path(uri));
  }
}
