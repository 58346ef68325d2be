package io.selfeval.site;

import static java.util.stream.Collectors.groupingBy;

import io.selfeval.site.SiteRows.BudgetLine;
import io.selfeval.site.SiteRows.Flag;
import io.selfeval.site.SiteRows.Form;
import io.selfeval.site.SiteRows.Indicator;
import io.selfeval.site.SiteRows.UnitLink;
import io.selfeval.site.SiteRows.UnitYear;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Lays out the site: which pages exist, at which paths, with which rows. Pages that list many
 * rows (the risk ranking, units, a rule's flags) are cut into pages of {@link #PAGE_SIZE}, so a
 * corpus of 100 000 forms gives many small pages rather than one that no browser opens.
 * Every page but {@code index.html} sits one folder deep, so links are {@code ../kind/id.html}.
 */
public final class SiteBuilder {

  static final int PAGE_SIZE = 500;
  static final int TOP = 20;

  private final SitePages pages;
  private final SourceLines sources;
  private final Rules rules;

  public SiteBuilder(SitePages pages, SourceLines sources, Rules rules) {
    this.pages = pages;
    this.sources = sources;
    this.rules = rules;
  }

  /** Renders every page of {@code data} and hands each to {@code sink} as (path, html). */
  public void build(SiteData data, BiConsumer<String, String> sink) {
    List<Form> ranked = data.forms().stream().sorted(Comparator.comparing(Form::riskScore)
        .reversed().thenComparing(Form::formId)).toList();
    List<Flag> allFlags = data.flags().stream().sorted(Comparator.comparing(Flag::fiscalYear,
        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Flag::ruleId)
        .thenComparing(Flag::flagId)).toList();
    Map<Integer, List<Form>> formsByYear = new TreeMap<>(ranked.stream()
        .filter(f -> f.fiscalYear() != null).collect(groupingBy(Form::fiscalYear)));
    Map<Integer, List<Flag>> flagsByYear = new TreeMap<>(allFlags.stream()
        .filter(f -> f.fiscalYear() != null).collect(groupingBy(Flag::fiscalYear)));
    TreeSet<String> ruleIds = new TreeSet<>();
    allFlags.forEach(f -> ruleIds.add(f.ruleId()));
    Map<String, String> unitNames = unitNames(data);
    int riskPages = pageCount(data.forms().size());

    List<Map<String, Object>> years = new ArrayList<>();
    for (Map.Entry<Integer, List<Form>> e : formsByYear.entrySet()) {
      List<Flag> flags = flagsByYear.getOrDefault(e.getKey(), List.of());
      years.add(model("year", e.getKey(), "forms", e.getValue().size(),
          "units", distinctUnits(e.getValue()), "flags", flags.size(),
          "high", flags.stream().filter(f -> "high".equals(f.severity())).count()));
    }
    sink.accept("index.html", pages.render("index", model("root", "", "runId", data.runId(),
        "forms", data.forms().size(), "units", unitNames.size(), "flags", allFlags.size(),
        "years", years, "byRule", byRule(allFlags),
        "top", ranked.subList(0, Math.min(TOP, ranked.size())),
        "riskPages", riskPages)));

    for (Map.Entry<Integer, List<Form>> e : formsByYear.entrySet()) {
      List<Form> forms = e.getValue();
      List<Flag> flags = flagsByYear.getOrDefault(e.getKey(), List.of());
      sink.accept("year/" + e.getKey() + ".html", pages.render("year", model("root", "../",
          "year", e.getKey(), "forms", forms.size(), "units", distinctUnits(forms),
          "flags", flags.size(), "byRule", byRule(flags),
          "population", flags.stream().filter(f -> f.formId() == null).toList(),
          "top", forms.subList(0, Math.min(TOP, forms.size())),
          "charts", Charts.json(forms))));
    }

    for (int p = 1; p <= riskPages; p++) {
      sink.accept("risk/" + p + ".html", pages.render("risk", model("root", "../",
          "forms", slice(ranked, p), "page", p, "pages", riskPages,
          "offset", (p - 1) * PAGE_SIZE, "years", formsByYear.keySet())));
    }

    Map<String, List<Flag>> flagsByForm = allFlags.stream()
        .filter(f -> f.formId() != null).collect(groupingBy(Flag::formId));
    Map<String, List<Indicator>> indicatorsByForm = data.indicators().stream()
        .sorted(Comparator.comparingInt(Indicator::position))
        .collect(groupingBy(Indicator::formId));
    Map<String, List<BudgetLine>> budgetByForm = data.budgetLines().stream()
        .sorted(Comparator.comparingInt(BudgetLine::position))
        .collect(groupingBy(BudgetLine::formId));
    // by document, so each document is read, decoded and masked once (SourceLines keeps a few)
    for (Form f : data.forms().stream().sorted(Comparator.comparing(Form::sourceFile)
        .thenComparing(Form::lineStart)).toList()) {
      List<Map<String, Object>> flags = new ArrayList<>();
      for (Flag flag : flagsByForm.getOrDefault(f.formId(), List.of())) {
        flags.add(model("flag", flag, "excerpt",
            sources.around(f.sourceFile(), f.documentSha256(), flag.sourceLine())));
      }
      sink.accept("form/" + f.formId() + ".html", pages.render("form", model("root", "../",
          "form", f, "budget", budgetByForm.getOrDefault(f.formId(), List.of()),
          "indicators", indicatorsByForm.getOrDefault(f.formId(), List.of()),
          "flags", flags, "hasUnitPage", f.unitId() != null && unitNames.containsKey(f.unitId()),
          "totalExcerpt", sources.around(f.sourceFile(), f.documentSha256(),
              f.reportedTotalLine()),
          "budgetExcerpt", sources.around(f.sourceFile(), f.documentSha256(), f.budgetLine()))));
    }

    units(data, unitNames, sink);

    for (String id : ruleIds) {
      List<Flag> flags = allFlags.stream().filter(f -> id.equals(f.ruleId())).toList();
      int count = pageCount(flags.size());
      for (int p = 1; p <= count; p++) {
        sink.accept("rule/" + rulePage(id, p), pages.render("rule", model("root", "../",
            "rule", rules.rule(id), "flags", slice(flags, p), "total", flags.size(),
            "page", p, "pages", count, "prev", p > 1 ? rulePage(id, p - 1) : null,
            "next", p < count ? rulePage(id, p + 1) : null)));
      }
    }
  }

  private void units(SiteData data, Map<String, String> unitNames,
      BiConsumer<String, String> sink) {
    Map<String, List<UnitYear>> yearsByUnit = data.unitYears().stream()
        .sorted(Comparator.comparingInt(UnitYear::fiscalYear))
        .collect(groupingBy(UnitYear::unitId));
    Map<String, List<Form>> formsByUnit = data.forms().stream()
        .filter(f -> f.unitId() != null).sorted(Comparator.comparing(Form::fiscalYear,
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Form::formId))
        .collect(groupingBy(Form::unitId));
    for (String id : unitNames.keySet()) {
      List<UnitLink> earlier = data.unitLinks().stream()
          .filter(l -> id.equals(l.rightKey())).toList();
      List<UnitLink> later = data.unitLinks().stream()
          .filter(l -> id.equals(l.leftKey())).toList();
      sink.accept("unit/" + id + ".html", pages.render("unit", model("root", "../",
          "unitId", id, "name", unitNames.get(id),
          "years", yearsByUnit.getOrDefault(id, List.of()),
          "forms", formsByUnit.getOrDefault(id, List.of()),
          "earlier", earlier, "later", later, "known", unitNames.keySet())));
    }
    List<Map<String, Object>> all = new ArrayList<>();
    unitNames.forEach((id, name) -> all.add(model("id", id, "name", name,
        "forms", formsByUnit.getOrDefault(id, List.of()).size())));
    int count = pageCount(all.size());
    for (int p = 1; p <= count; p++) {
      sink.accept("units/" + p + ".html", pages.render("units", model("root", "../",
          "units", slice(all, p), "page", p, "pages", count)));
    }
  }

  /** Every unit with a page, by id, named as its latest profile or form names it. */
  private static Map<String, String> unitNames(SiteData data) {
    Map<String, String> names = new TreeMap<>();
    data.forms().stream().filter(f -> f.unitId() != null)
        .forEach(f -> names.put(f.unitId(), Objects.requireNonNullElse(f.unitName(), "")));
    data.unitYears().forEach(u -> names.put(u.unitId(),
        Objects.requireNonNullElse(u.unitName(), names.getOrDefault(u.unitId(), ""))));
    return names;
  }

  private static long distinctUnits(List<Form> forms) {
    return forms.stream().map(Form::unitId).filter(Objects::nonNull).distinct().count();
  }

  /** Flags counted by rule and severity, most first. */
  private static List<Map<String, Object>> byRule(List<Flag> flags) {
    Map<String, Map<String, Object>> rows = new HashMap<>();
    for (Flag f : flags) {
      Map<String, Object> row = rows.computeIfAbsent(f.ruleId(), k -> model("rule", k,
          "high", 0, "medium", 0, "low", 0, "total", 0));
      row.merge(f.severity(), 1, (a, b) -> (Integer) a + (Integer) b);
      row.merge("total", 1, (a, b) -> (Integer) a + (Integer) b);
    }
    List<Map<String, Object>> out = new ArrayList<>(rows.values());
    out.sort((a, b) -> (Integer) b.get("total") - (Integer) a.get("total") != 0
        ? (Integer) b.get("total") - (Integer) a.get("total")
        : ((String) a.get("rule")).compareTo((String) b.get("rule")));
    return out;
  }

  static String rulePage(String rule, int page) {
    return page == 1 ? rule + ".html" : rule + "-" + page + ".html";
  }

  static int pageCount(int rows) {
    return Math.max(1, (rows + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  private static <T> List<T> slice(List<T> rows, int page) {
    return rows.subList(Math.min(rows.size(), (page - 1) * PAGE_SIZE),
        Math.min(rows.size(), page * PAGE_SIZE));
  }

  /** A template model from alternating keys and values, in order. */
  static Map<String, Object> model(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
