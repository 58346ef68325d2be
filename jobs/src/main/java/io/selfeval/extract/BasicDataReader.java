package io.selfeval.extract;

import io.selfeval.model.Fact;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the basic-data table (基础数据表): staff quota and head count, 三公经费, project lines,
 * 公用经费 and the like, each for last year's final, this year's budget and this year's final.
 * Every non-empty numeric cell becomes a fact with the period its column names.
 */
final class BasicDataReader {

  private static final Pattern NUMBERING =
      Pattern.compile("^(?:其中[:：]|[0-9]+[、.．]|[(（][0-9一二三四五六七八九十]+[)）])+");

  /** Row labels (compact, numbering removed) and their fact keys; order matters (first wins). */
  private static final List<Map.Entry<String, String>> KEYS = List.of(
      Map.entry("三公经费", "sangong_expenditure"),
      Map.entry("公务用车购置和维护", "vehicle_expenditure"),
      Map.entry("公车购置", "vehicle_purchase"),
      Map.entry("公车运行维护", "vehicle_operation"),
      Map.entry("出国", "overseas_travel"),
      Map.entry("公务接待", "official_reception"),
      Map.entry("项目支出", "project_expenditure"),
      Map.entry("公用经费", "public_expenditure"),
      Map.entry("办公经费", "office_expenditure"),
      Map.entry("水费、电费、差旅费", "utilities_travel"),
      Map.entry("会议费、培训费", "meetings_training"),
      Map.entry("政府采购", "government_procurement"),
      Map.entry("基本支出预算调整", "basic_budget_adjustment"));

  private BasicDataReader() {}

  static List<Fact> read(TableBlock block) {
    List<Fact> facts = new ArrayList<>();
    String[] periods = null;
    boolean staff = false;
    boolean inProjects = false;
    for (TableRow row : block.rows()) {
      String first = row.cells().get(0).compact();
      if (row.find(c -> c.equals("编制数")) >= 0) {
        periods = staffPeriods(row);
        staff = true;
        continue;
      }
      if (row.find(c -> c.contains("决算数") || c.contains("预算数")) >= 0) {
        periods = moneyPeriods(row);
        staff = false;
        continue;
      }
      if (first.startsWith("楼堂馆所") || first.startsWith("厉行节约")) {
        periods = null;
        continue;
      }
      if (periods == null) {
        continue;
      }
      String label = NUMBERING.matcher(first).replaceFirst("");
      String key;
      if (staff) {
        key = null;
      } else {
        key = keyOf(label);
        if ("project_expenditure".equals(key)) {
          inProjects = true;
        } else if (key != null) {
          inProjects = false;
        } else if (inProjects && !label.isEmpty() && !label.matches("[/／…．.、—\\-]+")) {
          key = "project_line";
        } else {
          continue;
        }
      }
      for (int i = 1; i < row.size() && i < periods.length; i++) {
        Cell c = row.cells().get(i);
        if (c.text() == null || periods[i] == null) {
          continue;
        }
        boolean percent = c.compact().endsWith("%");
        BigDecimal value = Texts.number(percent ? c.compact().replace("%", "") : c.text());
        if (value == null) {
          continue;
        }
        String factKey = staff ? staffKey(periods[i]) : key;
        String period = staff ? ("rate".equals(periods[i]) ? null : periods[i]) : periods[i];
        String unit = staff ? (percent ? "%" : "人") : "万元";
        facts.add(new Fact(factKey, staff ? factLabel(periods[i]) : row.text(0), value, unit,
            period, c.line(), row.describe()));
      }
    }
    return facts;
  }

  private static String keyOf(String label) {
    for (Map.Entry<String, String> e : KEYS) {
      if (label.startsWith(e.getKey()) || label.contains(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String[] staffPeriods(TableRow header) {
    String[] p = new String[header.size()];
    for (int i = 0; i < header.size(); i++) {
      String c = header.cells().get(i).compact();
      p[i] = c.equals("编制数") ? "quota" : c.contains("在职") || c.contains("实有") ? "actual"
          : c.contains("控制率") ? "rate" : null;
    }
    return p;
  }

  private static String staffKey(String period) {
    return switch (period) {
      case "quota" -> "staff_quota";
      case "actual" -> "staff_actual";
      default -> "staff_control_rate";
    };
  }

  private static String factLabel(String period) {
    return switch (period) {
      case "quota" -> "编制数";
      case "actual" -> "实际在职人数";
      default -> "控制率";
    };
  }

  /** First 决算 column is last year's final, 预算 this year's budget, the second 决算 its final. */
  private static String[] moneyPeriods(TableRow header) {
    String[] p = new String[header.size()];
    boolean seenFinal = false;
    for (int i = 1; i < header.size(); i++) {
      String c = header.cells().get(i).compact();
      if (c.contains("决算")) {
        p[i] = seenFinal ? "final" : "prior_year_final";
        seenFinal = true;
      } else if (c.contains("预算")) {
        p[i] = "budget";
      }
    }
    return p;
  }
}
