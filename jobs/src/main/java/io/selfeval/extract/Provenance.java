package io.selfeval.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfeval.extract.format.DocumentText;
import io.selfeval.model.FormRecord;
import io.selfeval.model.LineLocation;
import io.selfeval.model.Records;
import io.selfeval.model.Source;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Adds to a record read from a document that is not text the location, in the original, of
 * every line its values cite (the {@code line} of each figure, indicator, fact, warning, and the
 * form's first and last lines).
 */
final class Provenance {

  private Provenance() {}

  static List<FormRecord> withLocations(List<FormRecord> records, DocumentText doc) {
    List<FormRecord> out = new ArrayList<>(records.size());
    for (FormRecord r : records) {
      out.add(withLocations(r, doc));
    }
    return out;
  }

  private static FormRecord withLocations(FormRecord r, DocumentText doc) {
    Source s = r.source();
    List<LineLocation> locations = null;
    if (doc.locations() != null) {
      TreeSet<Integer> lines = new TreeSet<>();
      lines.add(s.lineStart());
      lines.add(s.lineEnd());
      collectLines(Records.MAPPER.valueToTree(r), lines);
      locations = new ArrayList<>();
      for (int line : lines) {
        String where = doc.locationOf(line);
        if (where != null) {
          locations.add(new LineLocation(line, where));
        }
      }
    }
    Source located = new Source(s.file(), s.sha256(), s.formIndex(), s.lineStart(),
        s.lineEnd(), s.encoding(), doc.format(), locations);
    return new FormRecord(r.schemaVersion(), r.recordId(), r.extractor(), located,
        r.unitName(), r.fiscalYear(), r.formKind(), r.projectName(), r.hasScoreTable(),
        r.budget(), r.goals(), r.indicators(), r.reportedTotal(), r.reportedTotalWeight(),
        r.reportedGrade(), r.facts(), r.narrative(), r.warnings());
  }

  /** Every integer field named {@code line} in the record's JSON, source excepted. */
  private static void collectLines(JsonNode node, TreeSet<Integer> lines) {
    if (node.isArray()) {
      node.forEach(n -> collectLines(n, lines));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("source")) {
        continue;
      }
      if (e.getKey().equals("line") && e.getValue().canConvertToInt()
          && e.getValue().isIntegralNumber()) {
        lines.add(e.getValue().intValue());
      } else {
        collectLines(e.getValue(), lines);
      }
    }
  }
}
