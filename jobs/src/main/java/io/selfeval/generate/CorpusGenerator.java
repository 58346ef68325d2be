package io.selfeval.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes a synthetic corpus of self-evaluation reports in the layout of the seeds (prose, then a
 * unit-wide form and project forms as tab-separated table rows), for N units over Y years, and a
 * ground-truth manifest: which units were made to inflate and how, which were renamed, which
 * indicators were reworded, and every flag the rules should raise, keyed by file and line.
 *
 * <p>The same settings always give byte-identical files. Every document says in its first line
 * that it is synthetic.
 */
public final class CorpusGenerator {

  /** What to generate. {@code fabricatedYear} null: no year of fabricated round amounts. */
  public record Settings(int units, int years, int firstYear, long seed,
      Integer fabricatedYear, boolean layouts, boolean formats, boolean glued) {

    /** Drawn layouts and formats as asked, no document glued. */
    public Settings(int units, int years, int firstYear, long seed, Integer fabricatedYear,
        boolean layouts, boolean formats) {
      this(units, years, firstYear, seed, fabricatedYear, layouts, formats, false);
    }

    /** The seeds' layout for every document. */
    public Settings(int units, int years, int firstYear, long seed, Integer fabricatedYear) {
      this(units, years, firstYear, seed, fabricatedYear, false, false, false);
    }

    /** Text layouts drawn per document when {@code layouts}, every document a .txt. */
    public Settings(int units, int years, int firstYear, long seed, Integer fabricatedYear,
        boolean layouts) {
      this(units, years, firstYear, seed, fabricatedYear, layouts, false, false);
    }

    public Settings {
      if (glued && !layouts) {
        throw new IllegalArgumentException("glued needs layouts: the manifest's field truth");
      }
      if (formats && !layouts) {
        throw new IllegalArgumentException("formats need layouts: the manifest's field truth");
      }
      if (units < 1 || years < 1) {
        throw new IllegalArgumentException("units and years must be at least 1");
      }
      if (fabricatedYear != null
          && (fabricatedYear < firstYear || fabricatedYear >= firstYear + years)) {
        throw new IllegalArgumentException("the fabricated year " + fabricatedYear
            + " is outside " + firstYear + "-" + (firstYear + years - 1));
      }
    }
  }

  /** What was written. */
  public record Result(int documents, int forms, int indicatorRows, int expectedFlags,
      Path manifest) {}

  /** The formats a document is written in with {@code formats}, drawn alike. */
  static final List<String> FORMATS = List.of("txt", "docx", "xlsx", "xls", "html");
  /** Chance that an office document prints its 年初预算数 cells empty. */
  private static final double BLANK_INITIAL_CHANCE = 0.3;
  /** Share of documents with project forms whose prose restates one project's spending. */
  private static final double FACT_CONFLICT_CHANCE = 0.08;
  /**
   * Share of the documents in a table layout that start with the headerless tail of a form (an
   * excerpt that begins mid-table, {@link ReportText#tail}).
   */
  private static final double TAIL_CHANCE = 0.2;
  private static final Set<LayoutPrinter.Layout> TAIL_LAYOUTS = EnumSet.of(
      LayoutPrinter.Layout.TAB, LayoutPrinter.Layout.CELL_LINES, LayoutPrinter.Layout.PIPE,
      LayoutPrinter.Layout.MARKDOWN, LayoutPrinter.Layout.SPACES, LayoutPrinter.Layout.HTML);

  /** Chance of each light plant in a unit-year. */
  private static final double LIGHT_CHANCE = 0.03;
  private static final List<Plant> LIGHT = List.of(Plant.FULL_MARKS_DESPITE_MISS,
      Plant.SCORE_EXCESS, Plant.SCORE_ABOVE_WEIGHT, Plant.PARTS_NOT_TOTAL, Plant.GRADE_MISMATCH,
      Plant.RATE_MISMATCH, Plant.BUDGET_SCORE_MISMATCH, Plant.WEIGHTS_NOT_STANDARD,
      Plant.DEDUCTION_WITHOUT_REASON, Plant.REASON_WITHOUT_DEDUCTION,
      Plant.BUDGET_ADJUSTED_TO_SPEND, Plant.QUALITATIVE_HEAVY, Plant.PROBLEMS_BUT_HIGH_SCORE,
      Plant.NARRATIVE_TABLE_MISMATCH, Plant.PERFECT, Plant.STRUGGLING);

  private final Settings settings;
  private final Truth truth = new Truth();

  public CorpusGenerator(Settings settings) {
    this.settings = settings;
  }

  /**
   * Writes {@code <out>/reports/<unit>/<year>.txt} and {@code <out>/manifest.json} (whose file
   * names are relative to {@code <out>/reports}, as the pipeline's source files are). An existing
   * generated corpus in {@code out} is replaced; any other non-empty folder is refused.
   */
  public Result write(Path out) throws IOException {
    prepare(out);
    List<GenUnit> units = planUnits();
    List<Map<String, Object>> documents = new ArrayList<>();
    int forms = 0;
    int rows = 0;
    for (GenUnit unit : units) {
      SplittableRandom rnd = new SplittableRandom(settings.seed() * 1_000_003L
          + unit.code.hashCode());
      Map<String, BigDecimal[]> state = new HashMap<>();
      BigDecimal unitBudget = FormMaker.logUniform(rnd, 50, 5000);
      List<BigDecimal> projectBudgets = new ArrayList<>();
      for (int p = 0; p < unit.projects.size(); p++) {
        projectBudgets.add(FormMaker.logUniform(rnd, 5, 500));
      }
      for (int y = 0; y < settings.years(); y++) {
        int year = settings.firstYear() + y;
        Set<Plant> plants = unit.standing(year);
        if (unit.chronic == null) {
          for (Plant p : LIGHT) {
            if (rnd.nextDouble() < LIGHT_CHANCE) {
              plants.add(p);
            }
          }
        }
        resolveConflicts(plants);
        boolean fabricated = Integer.valueOf(year).equals(settings.fabricatedYear());
        List<GenForm> docForms = new ArrayList<>();
        docForms.add(FormMaker.form(rnd, unit, year, 0, null, state, plants, unitBudget,
            fabricated));
        for (int p = 0; p < unit.projects.size(); p++) {
          docForms.add(FormMaker.form(rnd, unit, year, p + 1, unit.projects.get(p), state,
              plants, projectBudgets.get(p), fabricated));
        }
        unitBudget = FormMaker.grow(rnd, unitBudget);
        projectBudgets.replaceAll(b -> FormMaker.grow(rnd, b));
        final boolean problems = plants.contains(Plant.PROBLEMS_BUT_HIGH_SCORE)
            || plants.contains(Plant.STRUGGLING);
        BigDecimal statedSpend = docForms.get(0).executed;
        BigDecimal statedBudget = docForms.get(0).adjusted;
        if (plants.contains(Plant.NARRATIVE_TABLE_MISMATCH)) {
          statedSpend = statedSpend.multiply(BigDecimal.valueOf(1.02 + 0.06 * rnd.nextDouble()))
              .setScale(2, RoundingMode.HALF_UP);
          if (year % 2 == 0) {
            // a second figure of the same form misstated: two flags of one rule in one form
            statedBudget = statedBudget.multiply(new BigDecimal("1.03"))
                .setScale(2, RoundingMode.HALF_UP);
          }
        }
        String base = unit.code + "/" + year;
        String format = settings.formats() ? FORMATS.get(new SplittableRandom(
            settings.seed() * 104_729L + base.hashCode()).nextInt(FORMATS.size())) : "txt";
        boolean office = !format.equals("txt");
        String file = base + "." + format;
        SplittableRandom look = new SplittableRandom(settings.seed() * 7_919L
            + file.hashCode());
        boolean drawn = settings.layouts() && !office;
        SplittableRandom later = new SplittableRandom(settings.seed() * 6_607L
            + file.hashCode());
        LayoutPrinter.Layout drawnLayout = drawn ? LayoutPrinter.drawLayout(look, later)
            : LayoutPrinter.Layout.TAB;
        SplittableRandom gluedStream =
            new SplittableRandom(settings.seed() * 15_485_863L + file.hashCode());
        boolean glued = drawn && settings.glued() && LayoutPrinter.drawGlued(gluedStream);
        LayoutPrinter.Layout layout = glued ? LayoutPrinter.Layout.GLUED : drawnLayout;
        boolean wrapped = layout == LayoutPrinter.Layout.FLAT_LINE && LayoutPrinter.drawWrapped(
            new SplittableRandom(settings.seed() * 7_368_787L + file.hashCode()));
        layout = wrapped ? LayoutPrinter.Layout.FLAT_WRAPPED : layout;
        boolean pipeWrapped = layout == LayoutPrinter.Layout.PIPE && LayoutPrinter.drawWrapped(
            new SplittableRandom(settings.seed() * 9_999_991L + file.hashCode()));
        layout = pipeWrapped ? LayoutPrinter.Layout.PIPE_WRAPPED : layout;
        Set<LayoutPrinter.Noise> noises = drawn
            ? LayoutPrinter.drawNoises(look, layout) : Set.of();
        noises = wrapped ? LayoutPrinter.wrappedNoises(noises) : noises;
        noises = pipeWrapped ? LayoutPrinter.pipeWrappedNoises(noises) : noises;
        // drawn from its own stream, so the documents without it stay as they were
        boolean itemScores = LayoutPrinter.drawItemScores(
            new SplittableRandom(settings.seed() * 179_424_673L + file.hashCode()), layout);
        noises = itemScores ? LayoutPrinter.itemScoreNoises(noises) : noises;
        Set<LayoutPrinter.Variant> variants = drawn
            ? LayoutPrinter.drawVariants(later, layout) : Set.of();
        if (glued && LayoutPrinter.drawOrdinals(gluedStream)) {
          variants = java.util.EnumSet.of(LayoutPrinter.Variant.ORDINALS);
        } else if (glued && LayoutPrinter.drawCoefficients(gluedStream)) {
          variants = java.util.EnumSet.of(LayoutPrinter.drawUnitTable(gluedStream)
              ? LayoutPrinter.Variant.UNIT_TABLE : LayoutPrinter.Variant.COEFFICIENTS);
        } else if (glued) {
          // drawn from its own stream, so the documents without it stay as they were
          Set<LayoutPrinter.Variant> weighted = LayoutPrinter.drawWeightedLevels(
              new SplittableRandom(settings.seed() * 49_979_687L + file.hashCode()));
          variants = weighted.isEmpty() ? variants : weighted;
          if (weighted.isEmpty() && LayoutPrinter.drawGarbledScheme(
              new SplittableRandom(settings.seed() * 122_949_829L + file.hashCode()))) {
            variants = java.util.EnumSet.of(LayoutPrinter.Variant.GARBLED_SCHEME);
          } else if (weighted.isEmpty() && LayoutPrinter.drawWeightFirst(
              new SplittableRandom(settings.seed() * 32_452_843L + file.hashCode()))) {
            variants = java.util.EnumSet.of(LayoutPrinter.Variant.WEIGHT_FIRST,
                LayoutPrinter.Variant.ORDINALS);
          }
        }
        if (variants.contains(LayoutPrinter.Variant.COEFFICIENTS) && new SplittableRandom(
            settings.seed() * 236_887_691L + file.hashCode()).nextDouble() < 0.75) {
          // drawn from its own stream, so the documents without it stay as they were
          variants = java.util.EnumSet.copyOf(variants);
          variants.add(LayoutPrinter.Variant.GARBLED_TARGETS);
        }
        if (glued && !variants.contains(LayoutPrinter.Variant.GARBLED_SCHEME)) {
          // drawn from its own stream, so the documents without it stay as they were (a
          // garbled scheme prints a budget block of its own)
          Set<LayoutPrinter.Variant> tail = RateTail.draw(
              new SplittableRandom(settings.seed() * 179_424_673L + file.hashCode()));
          if (!tail.isEmpty()) {
            variants = java.util.EnumSet.copyOf(variants);
            variants.addAll(tail);
          }
        }
        if (glued && PinyinNoise.draw(
            new SplittableRandom(settings.seed() * 67_867_967L + file.hashCode()))) {
          // drawn from its own stream, so the documents without it stay as they were
          variants = java.util.EnumSet.copyOf(variants.isEmpty()
              ? java.util.EnumSet.noneOf(LayoutPrinter.Variant.class) : variants);
          variants.add(LayoutPrinter.Variant.PINYIN);
        }
        if (wrapped && LayoutPrinter.drawNoWeights(
            new SplittableRandom(settings.seed() * 1_299_709L + file.hashCode()))) {
          variants = java.util.EnumSet.of(LayoutPrinter.Variant.NO_WEIGHTS);
        }
        // drawn from streams of their own, so the documents without it stay as they were
        SplittableRandom namesFirst = wrapped && LayoutPrinter.drawNamesFirst(
            new SplittableRandom(settings.seed() * 49_979_687L + file.hashCode()))
            ? new SplittableRandom(settings.seed() * 86_028_121L + file.hashCode()) : null;
        if (namesFirst != null) {
          variants = java.util.EnumSet.copyOf(variants.isEmpty()
              ? java.util.EnumSet.noneOf(LayoutPrinter.Variant.class) : variants);
          variants.add(LayoutPrinter.Variant.NAMES_FIRST);
        }
        SplittableRandom items = itemScores
            ? new SplittableRandom(settings.seed() * 179_424_691L + file.hashCode()) : null;
        if (items != null) {
          variants = java.util.EnumSet.copyOf(variants.isEmpty()
              ? java.util.EnumSet.noneOf(LayoutPrinter.Variant.class) : variants);
          variants.add(LayoutPrinter.Variant.ITEM_SCORES);
        }
        // drawn from its own stream, so the documents without it stay as they were
        SplittableRandom sources = LayoutPrinter.drawSourceBudget(
            new SplittableRandom(settings.seed() * 198_491_317L + file.hashCode()), layout)
            && !wrapped ? new SplittableRandom(settings.seed() * 198_491_329L + file.hashCode())
            : null;
        if (sources != null) {
          variants = java.util.EnumSet.copyOf(variants.isEmpty()
              ? java.util.EnumSet.noneOf(LayoutPrinter.Variant.class) : variants);
          variants.add(LayoutPrinter.Variant.SOURCE_BUDGET);
        }
        ReportText text = new ReportText(settings.seed(), layout, noises, look).variants(variants)
            .namesFirst(namesFirst).itemScores(items).sourceBudget(sources);
        // drawn from its own stream, so the documents without it stay as they were
        SplittableRandom tailStream =
            new SplittableRandom(settings.seed() * 32_452_843L + file.hashCode());
        if (drawn && TAIL_LAYOUTS.contains(layout) && tailStream.nextDouble() < TAIL_CHANCE) {
          text.tail(tailStream);
        }
        // drawn from its own stream, so the documents without it stay as they were
        SplittableRandom prose = new SplittableRandom(settings.seed() * 3_571L + file.hashCode());
        if (docForms.size() > 1 && prose.nextDouble() < FACT_CONFLICT_CHANCE) {
          int p = 1 + prose.nextInt(docForms.size() - 1);
          BigDecimal executed = docForms.get(p).executed;
          BigDecimal restated = executed.multiply(BigDecimal.valueOf(1.03 + 0.07
              * prose.nextDouble())).setScale(2, RoundingMode.HALF_UP);
          if (restated.compareTo(executed.setScale(2, RoundingMode.HALF_UP)) != 0) {
            text.restate(p, restated);
            plants.add(Plant.FACT_CONFLICT);
          }
        }
        boolean blankInitial = office && look.nextDouble() < BLANK_INITIAL_CHANCE;
        if (blankInitial) {
          text.blankInitial();
        }
        List<String> lines = text.render(unit, year, docForms,
            problems ? Pools.PROBLEMS.get(rnd.nextInt(Pools.PROBLEMS.size())) : null,
            statedSpend, statedBudget);
        Path path = out.resolve("reports").resolve(file);
        Files.createDirectories(path.getParent());
        if (office) {
          Files.write(path, OfficeForms.write(format, text.blocks()));
        } else {
          Files.writeString(path, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        }
        List<String> misstated = new ArrayList<>();
        if (statedBudget.compareTo(docForms.get(0).adjusted) != 0) {
          misstated.add("budget_total");
        }
        if (statedSpend.compareTo(docForms.get(0).executed) != 0) {
          misstated.add("expenditure");
        }
        truth.document(file, unit, year, docForms, problems, misstated);
        if (plants.contains(Plant.FACT_CONFLICT)) {
          truth.factConflict(file);
        }
        Map<String, Object> doc = document(file, unit, year, plants, docForms);
        if (settings.layouts()) {
          FieldTruth.add(doc, layout, noises, docForms);
          doc.put("variants", LayoutPrinter.variantNames(variants));
          if (text.tailFrom() >= 0) {
            FieldTruth.addTail(doc, docForms.get(0), text.tailFrom());
          }
          if (settings.formats()) {
            doc.put("format", format);
          }
          if (blankInitial) {
            doc.put("noises", "blank_initial");
          }
        }
        documents.add(doc);
        forms += docForms.size();
        for (GenForm f : docForms) {
          rows += f.rows.size();
        }
      }
    }
    truth.finish(units, settings);
    Path manifest = out.resolve("manifest.json");
    writeManifest(manifest, units, documents);
    return new Result(documents.size(), forms, rows, truth.expectedFlags().size(), manifest);
  }

  private void prepare(Path out) throws IOException {
    if (Files.isDirectory(out)) {
      boolean empty;
      try (Stream<Path> s = Files.list(out)) {
        empty = s.findAny().isEmpty();
      }
      if (!empty && !Files.exists(out.resolve("manifest.json"))) {
        throw new IOException(out + " is not empty and holds no generated corpus "
            + "(no manifest.json); choose an empty or new folder");
      }
      deleteTree(out.resolve("reports"));
      Files.deleteIfExists(out.resolve("manifest.json"));
    }
    Files.createDirectories(out.resolve("reports"));
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Units, their names, habits, indicators and projects, all drawn from the seed. */
  List<GenUnit> planUnits() {
    SplittableRandom rnd = new SplittableRandom(settings.seed());
    List<GenUnit> units = new ArrayList<>();
    Set<String> taken = new TreeSet<>();
    int width = String.valueOf(settings.units()).length();
    while (units.size() < settings.units()) {
      String city = Pools.CITIES.get(rnd.nextInt(Pools.CITIES.size()));
      Pools.Domain domain = Pools.DOMAINS.get(rnd.nextInt(Pools.DOMAINS.size()));
      Pools.UnitKind kind = Pools.KINDS.get(rnd.nextInt(Pools.KINDS.size()));
      if (!taken.add(city + domain.name() + kind.suffix())) {
        if (taken.size() >= Pools.CITIES.size() * Pools.DOMAINS.size() * Pools.KINDS.size()) {
          throw new IllegalArgumentException("at most " + taken.size() + " distinct units");
        }
        continue;
      }
      String code = String.format("u%0" + width + "d", units.size() + 1);
      GenUnit unit = new GenUnit(code, city, domain, kind);
      pickTemplates(rnd, unit);
      int projects = rnd.nextDouble() < 0.3 ? 0 : rnd.nextDouble() < 0.65 ? 1 : 2;
      List<String> pool = new ArrayList<>(Pools.PROJECTS);
      for (int p = 0; p < projects; p++) {
        String name = pool.remove(rnd.nextInt(pool.size()));
        unit.projects.add(name.startsWith("专项") || name.startsWith("宣传")
            ? domain.name() + name : name);
      }
      double habit = rnd.nextDouble();
      int years = settings.years();
      if (habit < 0.08 && years >= 2) {
        unit.renamedIn = settings.firstYear() + 1 + rnd.nextInt(years - 1);
      } else if (habit < 0.11) {
        unit.chronic = Plant.HEAVY;
      } else if (habit < 0.13) {
        unit.chronic = Plant.BULLSEYE;
      } else if (habit < 0.18) {
        unit.oneOff = rnd.nextBoolean() ? Plant.HEAVY : Plant.BULLSEYE;
        unit.oneOffYear = settings.firstYear() + rnd.nextInt(years);
      } else if (habit < 0.23) {
        unit.satisfactionAtThreshold = true;
      }
      if (unit.renamedIn == null && years >= 2 && rnd.nextDouble() < 0.3) {
        unit.rewordedIn = settings.firstYear() + 1 + rnd.nextInt(years - 1);
        unit.rewordedTemplate = rnd.nextInt(unit.templates.size());
      }
      units.add(unit);
    }
    return units;
  }

  private static void pickTemplates(SplittableRandom rnd, GenUnit unit) {
    List<Pools.Template> counts = new ArrayList<>(Pools.COUNTS);
    unit.templates.add(counts.remove(rnd.nextInt(counts.size())));
    unit.templates.add(counts.remove(rnd.nextInt(counts.size())));
    unit.templates.add(pick(rnd, Pools.QUALITY));
    unit.templates.add(pick(rnd, Pools.TIMELINESS));
    unit.templates.add(pick(rnd, Pools.COST));
    unit.templates.add(pick(rnd, Pools.SOCIAL_QUALITATIVE));
    unit.templates.add(pick(rnd, Pools.SOCIAL_COUNTS));
    unit.templates.add(pick(rnd, Pools.SUSTAINABILITY));
    unit.templates.add(pick(rnd, Pools.SATISFACTIONS));
  }

  private static <T> T pick(SplittableRandom rnd, List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  /** Plants that cannot live together: the stronger or rarer one wins. */
  private static void resolveConflicts(Set<Plant> plants) {
    boolean chronicLike = plants.contains(Plant.HEAVY) || plants.contains(Plant.BULLSEYE);
    if (chronicLike || plants.contains(Plant.PERFECT)) {
      plants.removeAll(EnumSet.of(Plant.STRUGGLING, Plant.GRADE_MISMATCH,
          Plant.QUALITATIVE_HEAVY, Plant.FULL_MARKS_DESPITE_MISS, Plant.SCORE_EXCESS,
          Plant.DEDUCTION_WITHOUT_REASON));
    }
    if (chronicLike) {
      plants.remove(Plant.PERFECT);
    }
    if (plants.contains(Plant.RATE_MISMATCH)) {
      plants.removeAll(EnumSet.of(Plant.BUDGET_SCORE_MISMATCH, Plant.BUDGET_ADJUSTED_TO_SPEND,
          Plant.PERFECT));
    }
    if (plants.contains(Plant.BUDGET_ADJUSTED_TO_SPEND)) {
      plants.remove(Plant.PERFECT);
    }
    if (plants.contains(Plant.GRADE_MISMATCH)) {
      plants.remove(Plant.STRUGGLING);
    }
  }

  private static Map<String, Object> document(String file, GenUnit unit, int year,
      Set<Plant> plants, List<GenForm> forms) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("file", file);
    d.put("unit_code", unit.code);
    d.put("fiscal_year", year);
    d.put("unit_name", unit.name(year));
    d.put("plants", plants.stream().map(Enum::name).sorted().toList());
    List<Map<String, Object>> fs = new ArrayList<>();
    for (GenForm f : forms) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("form_index", f.index);
      m.put("kind", f.unitForm() ? "unit" : "project");
      m.put("project_name", f.projectName);
      m.put("title_line", f.titleLine);
      m.put("reported_total", f.printedTotal);
      fs.add(m);
    }
    d.put("forms", fs);
    return d;
  }

  private void writeManifest(Path manifest, List<GenUnit> units,
      List<Map<String, Object>> documents) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("synthetic", true);
    m.put("generator", "selfeval generate");
    m.put("seed", settings.seed());
    m.put("units", settings.units());
    m.put("years", settings.years());
    m.put("first_year", settings.firstYear());
    m.put("fabricated_year", settings.fabricatedYear());
    if (settings.layouts()) {
      m.put("layouts", true);
    }
    if (settings.formats()) {
      m.put("formats", FORMATS);
    }
    List<Map<String, Object>> us = new ArrayList<>();
    for (GenUnit u : units) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("code", u.code);
      x.put("peer_group", u.kind.peerGroup());
      x.put("first_name", u.name(settings.firstYear()));
      x.put("renamed_in", u.renamedIn);
      x.put("renamed_to", u.renamedIn == null ? null : u.name(u.renamedIn));
      x.put("chronic", u.chronic == null ? null : u.chronic.name());
      x.put("one_off", u.oneOff == null ? null : u.oneOff.name());
      x.put("one_off_year", u.oneOff == null ? null : u.oneOffYear);
      x.put("satisfaction_at_threshold", u.satisfactionAtThreshold);
      x.put("reworded_in", u.rewordedIn);
      us.add(x);
    }
    m.put("unit_list", us);
    m.put("documents", documents);
    m.put("expected_flags", truth.expectedFlags());
    m.put("expected_unit_links", truth.unitLinks());
    m.put("expected_indicator_links", truth.indicatorLinks());
    try {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(manifest.toFile(),
          m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
