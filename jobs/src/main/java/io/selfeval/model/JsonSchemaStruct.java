package io.selfeval.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark struct of a JSON Schema, so that Spark reads records with exactly the contract's
 * shape: objects become structs (fields in the schema's order), arrays arrays, {@code number}
 * a decimal (money is never a double), {@code integer} an int, enums and consts strings.
 */
public final class JsonSchemaStruct {

  /** Every JSON number of a record: 16 integer digits and 6 decimals, enough for 元 and 万元. */
  public static final DataType NUMBER = DataTypes.createDecimalType(22, 6);

  private final JsonNode root;

  private JsonSchemaStruct(JsonNode root) {
    this.root = root;
  }

  /** The struct of {@code schemas/<name>}. */
  public static StructType of(String name) {
    try {
      JsonNode root = Records.MAPPER.readTree(Schemas.text(name));
      return (StructType) new JsonSchemaStruct(root).type(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DataType type(JsonNode node) {
    if (node.has("$ref")) {
      return type(resolve(node.get("$ref").asText()));
    }
    String t = typeName(node);
    switch (t) {
      case "object" -> {
        StructType struct = new StructType();
        JsonNode props = node.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> p = it.next();
          struct = struct.add(new StructField(p.getKey(), type(p.getValue()), true,
              Metadata.empty()));
        }
        return struct;
      }
      case "array" -> {
        return new ArrayType(type(node.get("items")), true);
      }
      case "number" -> {
        return NUMBER;
      }
      case "integer" -> {
        return DataTypes.IntegerType;
      }
      case "boolean" -> {
        return DataTypes.BooleanType;
      }
      default -> {
        return DataTypes.StringType;
      }
    }
  }

  /** The non-null type a node declares; enums and consts are strings. */
  private static String typeName(JsonNode node) {
    JsonNode t = node.get("type");
    if (t == null) {
      return "string";
    }
    if (t.isArray()) {
      for (JsonNode x : t) {
        if (!"null".equals(x.asText())) {
          return x.asText();
        }
      }
      return "string";
    }
    return t.asText();
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalArgumentException("only local $refs are supported: " + ref);
    }
    return root.at(ref.substring(1));
  }
}
