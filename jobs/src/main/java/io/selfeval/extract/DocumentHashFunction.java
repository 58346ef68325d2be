package io.selfeval.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Runs on the executors before extraction: the SHA-256 of each listed document's bytes, streamed
 * (the document is not held in memory), so documents already loaded need not be extracted again.
 * The hash is null for an entry that extraction will reject anyway (listing error, too large,
 * unreadable): extraction then says why.
 */
final class DocumentHashFunction extends DocumentFunction {
  private static final long serialVersionUID = 1L;

  DocumentHashFunction(Map<String, String> hadoopConf, long maxBytes) {
    super(hadoopConf, maxBytes);
  }

  @Override
  Iterator<Row> call(Configuration conf, Iterator<Row> refs) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return refs.hasNext();
      }

      @Override
      public Row next() {
        Row ref = refs.next();
        String sha256 = ref.isNullAt(3) && ref.getLong(2) <= maxBytes
            ? sha256(conf, ref.getString(0)) : null;
        return RowFactory.create(ref.getString(0), ref.getString(1), ref.getLong(2),
            ref.getString(3), ref.get(4), sha256);
      }
    };
  }

  /** Lower-case hex SHA-256 of the file's bytes, or null when it cannot be read. */
  private static String sha256(Configuration conf, String uri) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
    try (InputStream in = new DigestInputStream(open(conf, uri), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
