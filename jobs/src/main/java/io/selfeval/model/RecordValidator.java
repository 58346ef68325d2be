package io.selfeval.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Set;

/** Validates records against {@code schemas/record.schema.json} (JSON Schema 2020-12). */
public final class RecordValidator {

  private final JsonSchema schema;

  public RecordValidator() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    this.schema = factory.getSchema(Schemas.text("record.schema.json"));
  }

  /** The validator's messages for one record; empty when it conforms. */
  public List<String> validate(JsonNode record) {
    Set<ValidationMessage> messages = schema.validate(record);
    return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  public List<String> validate(String json) {
    try {
      return validate(Records.MAPPER.readTree(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return List.of("not JSON: " + e.getOriginalMessage());
    }
  }
}
