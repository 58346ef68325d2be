package io.selfeval.extract;

import io.selfeval.model.Fact;
import io.selfeval.model.Narrative;
import io.selfeval.model.Warning;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the prose of a report (every line outside its tables): the 存在的问题 and 下一步 sections,
 * and the figures it states, each with the line it came from. A figure is taken only when a
 * known keyword stands before it in the same clause; anything else is left alone rather than
 * guessed.
 */
final class ProseReader {

  private static final Pattern HEADING = Pattern.compile(
      "^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十0-9]+[)）]|[0-9]+[、.．]).*");
  private static final Pattern TOP_HEADING = Pattern.compile("^(?:[一二三四五六七八九十]+、|[0-9]+、).*");
  private static final int HEADING_MAX = 40;
  private static final Pattern AMOUNT =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)?)[”\"’]?\\s*(万元|万(?![\\p{IsHan}A-Za-z])|元|人|%|分)");
  private static final Pattern CLAUSE = Pattern.compile("[，,；;。：:]");
  /** A project line: "…、城管事务经费支出244.65万元", "1、农村环境专项项目支出361.32万元". */
  private static final Pattern PROJECT_SPEND = Pattern.compile(
      "(?:^|[、，,；;。.．])([^，,；;。：:、（）()0-9]{2,30}?)(?:项目支出|专项支出|支出)?"
          + "\\s*([0-9]+(?:\\.[0-9]+)?)\\s*万元");
  /** Words that make a figure a total, a budget or a balance rather than a project's spending. */
  private static final Pattern NOT_A_PROJECT =
      Pattern.compile(".*(预算|调整|总额|结余|结转|调增|调减|金额|合计|共计|实际|收入|年初).*");
  private static final Set<String> NO_PROBLEMS = Set.of("无", "无。", "无.", "暂无", "暂无。", "没有");

  /** Keywords and their fact keys; the longest keyword ending closest before a figure wins. */
  private static final List<Map.Entry<String, String>> MONEY = List.of(
      Map.entry("财政拨款收入", "revenue"),
      Map.entry("财政拨款支出", "expenditure"),
      Map.entry("一般公共预算支出", "expenditure"),
      Map.entry("预算收入", "budget_total"),
      Map.entry("预算资金", "budget_total"),
      Map.entry("支出预算金额", "budget_total"),
      Map.entry("实际支出金额", "expenditure"),
      Map.entry("年支出", "expenditure"),
      Map.entry("项目资金年初预算", "project_initial_budget"),
      Map.entry("项目支出预算", "project_budget"),
      Map.entry("项目支出总额", "project_expenditure"),
      Map.entry("年初预算", "initial_budget"),
      Map.entry("调整追加", "budget_adjustment"),
      Map.entry("基本支出", "basic_expenditure"),
      Map.entry("项目支出", "project_expenditure"),
      Map.entry("人员经费", "personnel_expenditure"),
      Map.entry("公用经费", "public_expenditure"),
      Map.entry("三公经费", "sangong_expenditure"),
      Map.entry("政府性基金预算支出", "government_fund_expenditure"));
  private static final List<Map.Entry<String, String>> PROJECT_TOTALS = List.of(
      Map.entry("项目资金年初预算", "project_initial_budget"),
      Map.entry("项目支出预算", "project_budget"),
      Map.entry("项目支出总额", "project_expenditure"));
  private static final List<Map.Entry<String, String>> STAFF = List.of(
      Map.entry("编制人数", "staff_quota"),
      Map.entry("人员编制", "staff_quota"),
      Map.entry("编制", "staff_quota"),
      Map.entry("实有人数", "staff_actual"),
      Map.entry("在编在职", "staff_actual"),
      Map.entry("在职人数", "staff_actual"));
  private static final List<Map.Entry<String, String>> RATE = List.of(
      Map.entry("执行率", "execution_rate"));
  private static final List<Map.Entry<String, String>> SCORE = List.of(
      Map.entry("自评得分", "self_reported_score"),
      Map.entry("评价得分", "self_reported_score"),
      Map.entry("综合得分", "self_reported_score"));

  /** The prose of one report part (the unit report, or the project report) with its lines. */
  record Part(boolean project, List<Integer> lines) {}

  private final String[] lines;
  private final String[] compact;

  /** The document's lines and their {@link Texts#compact} forms, computed once per document. */
  ProseReader(String[] lines, String[] compact) {
    this.lines = lines;
    this.compact = compact;
  }

  /** Splits the prose lines into report parts at report titles (…项目支出绩效自评报告). */
  List<Part> parts(boolean[] inTable) {
    List<Part> parts = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    boolean project = false;
    for (int i = 0; i < lines.length; i++) {
      if (inTable[i]) {
        continue;
      }
      String c = compact[i];
      if (c.endsWith("自评报告") && c.length() <= 80 && !current.isEmpty()) {
        parts.add(new Part(project, current));
        current = new ArrayList<>();
      }
      if (c.endsWith("自评报告") && c.length() <= 80) {
        project = c.contains("项目");
      }
      current.add(i);
    }
    if (!current.isEmpty()) {
      parts.add(new Part(project, current));
    }
    return parts;
  }

  Narrative narrative(Part part) {
    List<Integer> idx = part.lines();
    int heading = -1;
    for (int k = 0; k < idx.size(); k++) {
      String c = compact[idx.get(k)];
      if (c.contains("存在的问题") && c.length() <= HEADING_MAX) {
        heading = k;
        // the most specific heading: "四、存在的问题及…" followed by "（一）存在的问题"
        for (int n = heading + 1; n < idx.size(); n++) {
          String next = compact[idx.get(n)];
          if (next.isEmpty()) {
            continue;
          }
          if (next.contains("存在的问题") && next.length() <= HEADING_MAX) {
            heading = n;
          }
          break;
        }
        break;
      }
    }
    if (heading < 0) {
      return Narrative.none();
    }
    boolean headingSaysNext = compact[idx.get(heading)].contains("下一步");
    int bodyEnd = sectionEnd(idx, heading + 1, !headingSaysNext);
    String problems = join(idx, heading + 1, bodyEnd);
    String improvements = null;
    if (bodyEnd < idx.size() && isImprovementHeading(compact[idx.get(bodyEnd)])) {
      improvements = join(idx, bodyEnd + 1, sectionEnd(idx, bodyEnd + 1, false));
    }
    boolean hasProblems = problems != null && !NO_PROBLEMS.contains(Texts.compact(problems));
    return new Narrative(problems, idx.get(heading) + 1, hasProblems, improvements);
  }

  /** First index at or after {@code from} that ends a section; its body lies before it. */
  private int sectionEnd(List<Integer> idx, int from, boolean stopAtImprovements) {
    for (int k = from; k < idx.size(); k++) {
      String c = compact[idx.get(k)];
      if (c.isEmpty()) {
        continue;
      }
      boolean heading = c.length() <= HEADING_MAX && HEADING.matcher(c).matches();
      if (c.startsWith("附件") || c.endsWith("自评表") || c.endsWith("自评报告")
          || (stopAtImprovements && heading && isImprovementHeading(c))
          || (c.length() <= HEADING_MAX && TOP_HEADING.matcher(c).matches()
              && !c.contains("存在的问题"))) {
        return k;
      }
    }
    return idx.size();
  }

  /**
   * A heading of the improvements section: short, naming 改进/下一步/措施/计划, and not a sentence
   * ("1.…；2.…与年度工作计划衔接不够。" lists problems).
   */
  private static boolean isImprovementHeading(String c) {
    return c.length() <= HEADING_MAX
        && (c.contains("改进") || c.contains("下一步") || c.contains("措施") || c.contains("计划"))
        && !c.contains("；") && !c.contains(";") && !c.contains("。");
  }

  private String join(List<Integer> idx, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int k = from; k < to; k++) {
      String t = Texts.clean(lines[idx.get(k)]);
      if (t != null) {
        sb.append(sb.length() == 0 ? "" : "\n").append(t);
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  /** Figures stated in the part's prose. */
  List<Fact> facts(Part part) {
    Set<Fact> facts = new LinkedHashSet<>();
    boolean projectSection = part.project();
    for (int i : part.lines()) {
      String c = compact[i];
      if (c.isEmpty()) {
        continue;
      }
      if (c.length() <= HEADING_MAX && HEADING.matcher(c).matches() && !AMOUNT.matcher(c).find()) {
        projectSection = part.project() || c.contains("项目支出") || c.contains("专项");
        continue;
      }
      if (projectSection) {
        projectLines(c, i + 1, facts);
        keywordFacts(c, i + 1, PROJECT_TOTALS, facts);
      } else {
        keywordFacts(c, i + 1, null, facts);
      }
    }
    return new ArrayList<>(facts);
  }

  private void projectLines(String c, int line, Set<Fact> facts) {
    Matcher m = PROJECT_SPEND.matcher(c);
    while (m.find()) {
      String label = m.group(1).replaceFirst("^(其中|主要|本年)", "");
      if (label.length() < 2 || NOT_A_PROJECT.matcher(label).matches()) {
        continue;
      }
      facts.add(new Fact("project_line", label, new BigDecimal(m.group(2)), "万元", null, line,
          clip(Texts.clean(lines[line - 1]))));
    }
  }

  private void keywordFacts(String c, int line, List<Map.Entry<String, String>> only,
      Set<Fact> facts) {
    for (String clause : CLAUSE.split(c)) {
      Matcher m = AMOUNT.matcher(clause);
      int from = 0;
      while (m.find()) {
        String before = clause.substring(from, m.start());
        from = m.end();
        // "29.6万" after a money keyword is 万元: 万 before another word (万人, 万亩) is a count
        String unit = m.group(2).equals("万") ? "万元" : m.group(2);
        List<Map.Entry<String, String>> keys = only != null
            ? (unit.equals("万元") ? only : List.of())
            : keywordsFor(unit);
        Map.Entry<String, String> keyword = nearestKeyword(before, keys);
        if (keyword != null) {
          facts.add(new Fact(keyword.getValue(), keyword.getKey(), new BigDecimal(m.group(1)),
              unit, null, line, clip(Texts.clean(lines[line - 1]))));
        }
      }
    }
  }

  private static List<Map.Entry<String, String>> keywordsFor(String unit) {
    return switch (unit) {
      case "万元", "元" -> MONEY;
      case "人" -> STAFF;
      case "%" -> RATE;
      default -> SCORE;
    };
  }

  /**
   * The keyword ending closest before a figure (the longer one on a tie), or null when there is
   * none or it stands too far away: a keyword far from its figure belongs to another statement.
   */
  private static Map.Entry<String, String> nearestKeyword(String before,
      List<Map.Entry<String, String>> keys) {
    Map.Entry<String, String> best = null;
    int bestEnd = -1;
    for (Map.Entry<String, String> e : keys) {
      int at = before.lastIndexOf(e.getKey());
      if (at < 0) {
        continue;
      }
      int end = at + e.getKey().length();
      if (end > bestEnd || (end == bestEnd && e.getKey().length() > best.getKey().length())) {
        best = e;
        bestEnd = end;
      }
    }
    return best != null && before.length() - bestEnd <= 12 ? best : null;
  }

  /** Facts that state one quantity: a project's spending line, a project total. */
  private static final Set<String> ONE_QUANTITY = Set.of("project_line",
      "project_initial_budget", "project_budget", "project_expenditure");

  /**
   * Two statements of the same quantity that disagree: the same project line (or project total)
   * stated twice in the prose with different amounts. Each pair is a FACT_CONFLICT warning
   * naming both lines; both facts stay in the record, as printed.
   */
  static List<Warning> conflicts(List<Fact> facts) {
    List<Warning> out = new ArrayList<>();
    Map<String, Fact> first = new LinkedHashMap<>();
    for (Fact f : facts) {
      if (!ONE_QUANTITY.contains(f.key()) || f.value() == null) {
        continue;
      }
      String quantity = f.key() + "|" + f.label();
      Fact seen = first.putIfAbsent(quantity, f);
      if (seen != null && wan(seen).compareTo(wan(f)) != 0) {
        out.add(new Warning("FACT_CONFLICT", "the prose states " + f.label() + " twice with "
            + "different amounts: " + seen.value().toPlainString() + seen.unit() + " (line "
            + seen.line() + ") and " + f.value().toPlainString() + f.unit() + " (line "
            + f.line() + ")", f.line()));
      }
    }
    return out;
  }

  private static BigDecimal wan(Fact f) {
    return "元".equals(f.unit()) ? f.value().movePointLeft(4) : f.value();
  }

  private static String clip(String s) {
    return s.length() > 300 ? s.substring(0, 300) : s;
  }
}
