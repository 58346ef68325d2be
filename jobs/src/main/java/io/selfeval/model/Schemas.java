package io.selfeval.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.types.StructType;

/** Loads table schemas from {@code schemas/} on the classpath: code and docs cannot drift. */
public final class Schemas {

  private Schemas() {}

  /** A Spark schema from a DDL file under {@code schemas/}, e.g. "tables/forms.ddl". */
  public static StructType ddl(String name) {
    return StructType.fromDDL(text(name).replaceAll("(?m)^\\s*--.*$", "").trim());
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
