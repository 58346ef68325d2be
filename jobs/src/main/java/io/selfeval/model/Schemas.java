package io.selfeval.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/** Loads table schemas from {@code schemas/} on the classpath: code and docs cannot drift. */
public final class Schemas {

  private Schemas() {}

  /** A Spark schema from a DDL file under {@code schemas/}, e.g. "tables/forms.ddl". */
  public static StructType ddl(String name) {
    return StructType.fromDDL(text(name).replaceAll("(?m)^\\s*--.*$", "").trim());
  }

  /**
   * The contract select that ends a transformation: the columns of
   * {@code schemas/tables/<table>.ddl}, in order, cast to their declared types.
   */
  public static Dataset<Row> conform(Dataset<Row> df, String table) {
    return conformTo(df, "tables/" + table + ".ddl");
  }

  /** The same contract select against any DDL file under {@code schemas/}, e.g. a mart's. */
  public static Dataset<Row> conformTo(Dataset<Row> df, String ddlFile) {
    StructType schema = ddl(ddlFile);
    return df.select(Arrays.stream(schema.fields())
        .map(f -> functions.col(f.name()).cast(f.dataType()).as(f.name()))
        .toArray(Column[]::new));
  }

  /** A file under {@code schemas/} as text. */
  public static String text(String name) {
    try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + name)) {
      if (in == null) {
        throw new IllegalStateException("schema not on the classpath: schemas/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
