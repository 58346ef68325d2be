package io.selfeval.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfeval.extract.ReportExtractor;
import io.selfeval.extract.Seeds;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordSchemaTest {

  private final RecordValidator validator = new RecordValidator();

  @Test
  void everySeedRecordConformsToTheSchema() {
    int records = 0;
    for (String seed : Seeds.NAMES) {
      for (FormRecord r : ReportExtractor.extract(Seeds.bytes(seed), seed).records()) {
        assertEquals(List.of(), validator.validate(Records.toJson(r)), seed);
        records++;
      }
    }
    assertEquals(9, records);
  }

  @Test
  void theValidatorRejectsWhatTheSchemaForbids() {
    FormRecord r = ReportExtractor.extract(Seeds.bytes(Seeds.NAMES.get(1)), "x.txt").records()
        .get(0);
    ObjectNode json = Records.MAPPER.valueToTree(r);
    json.remove("unit_name");
    json.put("form_kind", "department");
    ((ObjectNode) json.get("source")).put("sha256", "not-a-hash");
    List<String> errors = validator.validate(json);
    assertEquals(3, errors.size(), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.contains("unit_name")), errors.toString());
    assertFalse(validator.validate("{not json").isEmpty());
  }
}
