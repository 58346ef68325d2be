package io.selfeval.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfeval.model.PiiMasker;
import io.selfeval.model.RecordValidator;
import io.selfeval.model.Records;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Runs on the executors: validates each record line against the contract and reads the keys
 * the load needs even from an invalid one (to name it in rejects), plus its unit id.
 */
final class RecordCheckFunction implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  static final StructType OUTPUT = new StructType()
      .add("value", DataTypes.StringType, false)
      .add("document_sha256", DataTypes.StringType, true)
      .add("source_file", DataTypes.StringType, true)
      .add("form_index", DataTypes.IntegerType, true)
      .add("unit_id", DataTypes.StringType, true)
      .add("unit_key", DataTypes.StringType, true)
      .add("errors", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("excerpt", DataTypes.StringType, false);

  private static final int EXCERPT = 300;

  @Override
  public Iterator<Row> call(Iterator<Row> lines) {
    RecordValidator validator = new RecordValidator();
    List<Row> out = new ArrayList<>();
    while (lines.hasNext()) {
      String value = lines.next().getString(0);
      if (value == null || value.isBlank()) {
        continue;
      }
      JsonNode node = null;
      List<String> errors;
      try {
        node = Records.MAPPER.readTree(value);
        errors = validator.validate(node);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        errors = List.of("not JSON: " + e.getOriginalMessage());
      }
      String sha = text(node, "/source/sha256");
      String file = text(node, "/source/file");
      JsonNode index = node == null ? null : node.at("/source/form_index");
      String unit = text(node, "/unit_name");
      out.add(RowFactory.create(value, sha, file,
          index != null && index.canConvertToInt() && index.isIntegralNumber()
              ? index.intValue() : null,
          UnitNames.id(unit), unit == null ? null : UnitNames.key(unit),
          CollectionConverters.asScala(errors.stream().map(PiiMasker::mask).toList()).toList(),
          excerpt(value)));
    }
    return out.iterator();
  }

  /**
   * The start of a record, masked before it is cut to {@link #EXCERPT} characters (masking a
   * cut would miss a number cut in two); a little more than is kept is masked, not the whole
   * record, since every record gets an excerpt.
   */
  static String excerpt(String value) {
    String head = value.length() > EXCERPT + 64 ? value.substring(0, EXCERPT + 64) : value;
    String masked = PiiMasker.mask(head);
    return masked.length() > EXCERPT ? masked.substring(0, EXCERPT) : masked;
  }

  private static String text(JsonNode node, String pointer) {
    if (node == null) {
      return null;
    }
    JsonNode v = node.at(pointer);
    return v.isTextual() ? v.asText() : null;
  }
}
