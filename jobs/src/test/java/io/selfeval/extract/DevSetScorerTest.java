package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfeval.model.Records;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dev-set scorer on hand-made records: each outcome counted where it belongs. */
class DevSetScorerTest {

  private static JsonNode json(String text) throws IOException {
    return Records.MAPPER.readTree(text.replace('\'', '"'));
  }

  @Test
  void countsRightWrongAndGapPerGroup() throws IOException {
    JsonNode expected = json("{'file': 'x.txt', 'forms': [{'form_kind': 'project',"
        + " 'project_name': '委托业务项目', 'fiscal_year': 2022,"
        + " 'budget': {'amount_unit': '万元', 'adjusted': 20, 'executed': 20, 'weight': 10},"
        + " 'reported_total': 100,"
        + " 'indicators': [{'name': '项目总成本', 'target_text': '≤90万元', 'score': 8},"
        + "   {'name': '不在记录里', 'score': 2}]}]}");
    JsonNode record = json("{'form_kind': 'project', 'project_name': '委托业务 项目',"
        + " 'fiscal_year': 2021,"
        + " 'budget': {'amount_unit': '元', 'adjusted': {'value': 200000, 'text': '200000',"
        + "   'line': 3}, 'executed': {'value': 190000, 'text': '190000', 'line': 3},"
        + "   'weight': null},"
        + " 'reported_total': null,"
        + " 'indicators': [{'name': '项目总成本', 'target_text': '≤ 90万元', 'score': 8.001}]}");
    DevSetScorer.DocumentScore score = DevSetScorer.score(expected, List.of(record));

    DevSetScorer.Tally header = score.groups.get("header");
    assertEquals(2, header.right, "kind and project name (white space ignored)");
    assertEquals(1, header.wrong, "year 2021 for 2022");
    assertEquals(0, header.wrongNumbers, "the year is not a figure of the form");
    DevSetScorer.Tally budget = score.groups.get("budget");
    assertEquals(1, budget.right, "200000 元 is 20 万元");
    assertEquals(2, budget.wrong, "amount unit 元, 190000 元 is not 20 万元");
    assertEquals(1, budget.gap, "weight null");
    assertEquals(1, budget.wrongNumbers);
    assertEquals(1, score.groups.get("total").gap);
    DevSetScorer.Tally rows = score.groups.get("indicators");
    assertEquals(3, rows.right, "name, target, score within the tolerance");
    assertEquals(2, rows.gap, "the row the record lacks: name and score");
    assertEquals(1, score.wrongNumbers.size());
    assertEquals(0, score.extraRecords);
  }

  @Test
  void formWithoutRecordIsAllGaps() throws IOException {
    JsonNode expected = json("{'file': 'x.txt', 'forms': [{'form_kind': 'unit',"
        + " 'unit_name': '某卫生院', 'indicators': [{'name': '结余率', 'weight': 4}]}]}");
    DevSetScorer.DocumentScore score = DevSetScorer.score(expected, List.of());
    DevSetScorer.Tally total = score.total();
    assertEquals(4, total.gap);
    assertEquals(0, total.right + total.wrong);
  }

  @Test
  void formsArePairedByProjectNameWhateverTheOrder() throws IOException {
    List<JsonNode> forms = List.of(json("{'project_name': '村级补助及运转经费'}"),
        json("{'project_name': '委托业务项目'}"), json("{'form_kind': 'unit'}"));
    JsonNode first = json("{'form_kind': 'project', 'project_name': '委托业务项目'}");
    JsonNode second = json("{'form_kind': 'unit', 'project_name': null}");
    JsonNode third = json("{'form_kind': 'project', 'project_name': '(村级补助及运转经费)'}");
    JsonNode[] matched = DevSetScorer.match(forms, List.of(first, second, third));
    assertEquals(third, matched[0]);
    assertEquals(first, matched[1]);
    assertEquals(second, matched[2]);
  }
}
