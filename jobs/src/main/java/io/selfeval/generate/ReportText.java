package io.selfeval.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Renders one generated document: the prose of a 部门整体支出绩效自评报告 and its forms, as
 * tab-separated table rows (the layout of the seed 001) or in another layout with noise
 * ({@link LayoutPrinter}). Records each form's and row's line.
 */
final class ReportText {

  private final long seed;
  private final List<String> lines = new ArrayList<>();
  private final LayoutPrinter.Layout layout;
  private final Set<LayoutPrinter.Noise> noises;
  private Set<LayoutPrinter.Variant> variants = Set.of();
  private final SplittableRandom rnd;
  private final List<Block> blocks = new ArrayList<>();
  private boolean blankInitial;
  private int restatedForm;
  private BigDecimal restatedSpend;
  /** Draws and prints the headerless tail the document starts with; null for none. */
  private SplittableRandom tailStream;
  /** The first row of form 0 the tail prints, once rendered; -1 for none. */
  private int tailFrom = -1;
  /** Draws the pair of rows printed names first (variant NAMES_FIRST); null for none. */
  private SplittableRandom namesFirstStream;
  /** Draws each project form's scored items (variant ITEM_SCORES); null for none. */
  private SplittableRandom itemStream;
  /** Draws each project form's budget block by source of funds (SOURCE_BUDGET); null: none. */
  private SplittableRandom sourceStream;

  /** The seeds' layout: tab-separated rows, no noise. */
  ReportText(long seed) {
    this(seed, LayoutPrinter.Layout.TAB, Set.of(), new SplittableRandom(seed));
  }

  /** A layout and noises (drawn from {@code rnd}, which also places footers). */
  ReportText(long seed, LayoutPrinter.Layout layout, Set<LayoutPrinter.Noise> noises,
      SplittableRandom rnd) {
    this.seed = seed;
    this.layout = layout;
    this.noises = noises;
    this.rnd = rnd;
  }

  /** Prints the forms in these template variants. */
  ReportText variants(Set<LayoutPrinter.Variant> drawn) {
    variants = drawn;
    return this;
  }

  /** Prints a pair of rows per form names first (variant NAMES_FIRST), drawn from {@code own}. */
  ReportText namesFirst(SplittableRandom own) {
    namesFirstStream = own;
    return this;
  }

  /** Prints each project form's scored items (variant ITEM_SCORES), drawn from {@code own}. */
  ReportText itemScores(SplittableRandom own) {
    itemStream = own;
    return this;
  }

  /** Prints each project form's budget block by source of funds (variant SOURCE_BUDGET). */
  ReportText sourceBudget(SplittableRandom own) {
    sourceStream = own;
    return this;
  }

  /** Prints every form's 年初预算数 blank (an office file's empty cell). */
  ReportText blankInitial() {
    blankInitial = true;
    return this;
  }

  /**
   * A later paragraph restates project form {@code form}'s spending as {@code amount}, which
   * differs from the amount its list line states (a fact conflict).
   */
  ReportText restate(int form, BigDecimal amount) {
    restatedForm = form;
    restatedSpend = amount;
    return this;
  }

  /**
   * Starts the document (after its synthetic-data banner) with the tail of a table whose head is
   * not in it, as an excerpt that begins mid-table gives it: form 0's indicator rows from a row
   * drawn from {@code own} (a row after the first, two at least), then its 总分 row, with no
   * title, head or indicator header; level cells blank where the row continues the level of the
   * row before the cut.
   */
  ReportText tail(SplittableRandom own) {
    tailStream = own;
    return this;
  }

  /** The first row of form 0 the headerless tail prints; -1 when the document has none. */
  int tailFrom() {
    return tailFrom;
  }

  /** The document rendered last, as paragraphs and tables for the office writers. */
  List<Block> blocks() {
    return blocks;
  }

  List<String> render(GenUnit unit, int year, List<GenForm> forms, String problems,
      BigDecimal statedSpend, BigDecimal statedBudget) {
    final String name = unit.name(year);
    final GenForm main = forms.get(0);
    add("【合成数据】本报告由 selfeval generate 生成（种子 " + seed + "），单位名称与全部数字均为虚构，"
        + "仅供测试使用，不是真实单位的报告。");
    if (tailStream != null && main.rows.size() >= 3) {
      add("");
      printTail(main);
      add("");
    }
    add(year + " 年度部门整体支出绩效自评报告");
    add("编制单位：" + name);
    add("一、预算单位基本情况");
    add("（一）部门职能职责");
    add("本单位负责本地区" + unit.domain.name() + "领域的相关工作。");
    add("二、预算收支情况");
    BigDecimal change = main.adjusted.subtract(main.initial);
    add(year + " 年预算收入 " + money(statedBudget) + " 万元，其中年初预算 " + money(main.initial)
        + " 万元" + (change.signum() > 0 ? "，调整追加 " + money(change) + " 万元。" : "。"));
    add(year + " 年支出 " + money(statedSpend) + " 万元。");
    add("三、资金使用及绩效情况");
    add("（一）整体支出绩效情况");
    add(year + "年，本单位围绕年度工作目标，统筹推进各项工作。");
    add("（二）项目支出绩效情况");
    if (forms.size() == 1) {
      add("本年度无单独评价的项目。");
    }
    for (int p = 1; p < forms.size(); p++) {
      add(p + "、" + forms.get(p).projectName + "支出" + money(forms.get(p).executed) + "万元。");
    }
    if (restatedSpend != null) {
      add("（三）项目支出资金使用情况");
      add("经核实，" + forms.get(restatedForm).projectName + "支出" + money(restatedSpend)
          + "万元，资金已按进度拨付。");
    }
    add("四、存在的问题及下一步改进措施");
    add("（一）存在的问题");
    add(problems == null ? "无" : problems);
    add("（二）改进的措施");
    add("进一步加强预算绩效管理，提高资金使用效益。");
    for (GenForm f : forms) {
      add("");
      add("附件" + (f.index + 1) + "：" + year + " 年度" + (f.unitForm() ? "部门整体" : "项目")
          + "支出绩效自评表");
      add("");
      table(f, name, year);
    }
    add("");
    add(signature(unit, year));
    return lines;
  }

  /**
   * The signature line under the last form, with personal data (synthetic, derived from the
   * unit's code) in the shapes a masker must recognise: spaced or minority names, a mobile with
   * +86 and blanks, an ID number in groups.
   */
  private static String signature(GenUnit unit, int year) {
    int h = unit.code.hashCode() & 0x7fffffff;
    String head = Pools.SIGNERS.get(h % Pools.SIGNERS.size());
    String clerk = Pools.SIGNERS.get((h / 7 + 1) % Pools.SIGNERS.size());
    String mobile = String.format("+86 139 %04d %04d", h % 10000, (h / 10000) % 10000);
    String id = String.format("430102 %d%02d%02d %03dX", 1960 + h % 40, 1 + h % 12, 1 + h % 28,
        h % 1000);
    return "单位负责人签字：" + head + "    填表人：" + clerk + "  联系电话：" + mobile + "  身份证："
        + id + "  填报日期：" + (year + 1) + "年5月";
  }

  private void table(GenForm f, String unitName, int year) {
    LayoutPrinter printer = new LayoutPrinter(layout, noises, rnd, lines)
        .withPinyin(variants.contains(LayoutPrinter.Variant.PINYIN));
    final String title = year + "年度" + (f.unitForm() ? "部门整体" : "项目") + "支出绩效自评表";
    f.titleLine = printer.title(title);
    // as printed (traditional characters too); a flattened layout prints it with the table
    final String printedTitle = f.titleLine <= lines.size() ? lines.get(f.titleLine - 1) : title;
    List<String[]> rows = new ArrayList<>();
    List<LayoutPrinter.Role> roles = new ArrayList<>();
    if (f.unitForm()) {
      addRow(rows, roles, LayoutPrinter.Role.NAME, "部门名称", unitName, "", "", "", "", "", "");
    } else {
      addRow(rows, roles, LayoutPrinter.Role.NAME, "项目名称", f.projectName, "", "", "", "", "", "");
      addRow(rows, roles, LayoutPrinter.Role.NAME, "主管部门", unitName, "", "", "实施单位", unitName,
          "", "");
    }
    // not where a grade that disagrees with the total was planted (the flag needs the grade),
    // nor with blank scores: without a 总分 row's total weight, no identity gives the budget 分值
    // of a row whose 执行率 and 得分 are blank once its empty cells are gone
    f.printedTotalAsField = variants.contains(LayoutPrinter.Variant.HEADER_TOTAL)
        && f.printedGrade.equals(GenForm.gradeOf(f.printedTotal))
        && !noises.contains(LayoutPrinter.Noise.BLANK_SCORES);
    if (f.printedTotalAsField) {
      // the field in the head's first row, right of the name, in one of the shapes real forms
      // print (by the year, no draw): 自评得分：96 | 自评总分(分) | 96 | 项目总得分96分
      String total = GenRow.plain(f.printedTotal);
      switch (year % 3) {
        case 0 -> rows.get(0)[5] = "自评得分：" + total;
        case 1 -> {
          rows.get(0)[4] = "自评总分(分)";
          rows.get(0)[5] = total;
        }
        default -> rows.get(0)[5] = (f.unitForm() ? "总得分" : "项目总得分") + total + "分";
      }
    }
    final boolean garbled = variants.contains(LayoutPrinter.Variant.GARBLED_SCHEME);
    final int budgetRow;
    if (garbled) {
      budgetRow = rows.size() + 1;
      GarbledScheme.budget(f, rows, roles);
    } else {
      boolean noisy = noises.contains(LayoutPrinter.Noise.BLANK_SCORES) && f.printedHonestly();
      f.printedInitialBlank = blankInitial || noises.contains(LayoutPrinter.Noise.DROPPED_CELLS);
      f.printedScoresBlank = noisy;
      f.printedBySource = sourceStream != null && !f.unitForm()
          ? SourceFunds.draw(sourceStream, money(f.adjusted), money(f.executed)) : null;
      if (f.printedBySource != null) {
        addRow(rows, roles, LayoutPrinter.Role.BUDGET_HEADER, f.printedBySource.header());
        budgetRow = rows.size();
        addRow(rows, roles, LayoutPrinter.Role.BUDGET_TOTAL, f.printedBySource.row());
      } else if (variants.contains(LayoutPrinter.Variant.RATE_TAIL) && !noisy) {
        budgetRow = RateTail.addRows(rows, roles, f, variants);
      } else {
        addRow(rows, roles, LayoutPrinter.Role.BUDGET_HEADER, "资金情况 (万元)", "年度资金总额", "年初预算数",
            "全年预算数", "全年执行数", "分值", "执行率", "得分(分值×执行率)", "");
        budgetRow = rows.size();
        budgetRows(rows, roles, f, noisy);
      }
    }
    addRow(rows, roles, LayoutPrinter.Role.GOALS, "年度总体目标", "预期目标", "", "", "实际完成情况", "", "",
        "", "");
    addRow(rows, roles, LayoutPrinter.Role.GOALS, "", "完成年度各项工作任务", "", "", "完成了年度主要工作任务",
        "", "", "", "");
    f.printedItems = itemStream != null && !f.unitForm() ? ItemScores.draw(itemStream) : null;
    final int firstItem = rows.size() + 1;
    if (f.printedItems != null) {
      addRow(rows, roles, LayoutPrinter.Role.GOALS, ItemScores.header());
      for (String[] r : f.printedItems.rows()) {
        addRow(rows, roles, LayoutPrinter.Role.GOALS, r);
      }
    }
    boolean columns = variants.contains(LayoutPrinter.Variant.COLUMNS);
    boolean coefficients = variants.contains(LayoutPrinter.Variant.COEFFICIENTS);
    boolean noWeights = variants.contains(LayoutPrinter.Variant.NO_WEIGHTS);
    f.printedWithoutWeights = noWeights;
    boolean unitTable = variants.contains(LayoutPrinter.Variant.UNIT_TABLE);
    boolean weighted = variants.contains(LayoutPrinter.Variant.WEIGHTED_LEVELS);
    final boolean weightFirst = variants.contains(LayoutPrinter.Variant.WEIGHT_FIRST);
    if (garbled) {
      GarbledScheme.header(f, rows, roles);
    } else if (weightFirst) {
      addRow(rows, roles, LayoutPrinter.Role.INDICATOR_HEADER, WeightFirst.HEADER);
    } else if (weighted) {
      addRow(rows, roles, LayoutPrinter.Role.INDICATOR_HEADER, "分解目标", "自评权重", "二级指标",
          "三级指标", "年度指标值", "全年完成值", "分值", "得分", "偏差及原因分析");
    } else if (coefficients) {
      addRow(rows, roles, LayoutPrinter.Role.INDICATOR_HEADER, "指标名称", "计量单位", "指标性质",
          "年初指标值", "全年完成值", "得分系数(%)", "指标权重(分)", "指标得分(分)", "是否核心指标");
    } else if (unitTable) {
      addRow(rows, roles, LayoutPrinter.Role.INDICATOR_HEADER, "指标名称", "计量单位", "指标性质",
          "指标值", "指标权重(分)", "全年完成值", "指标得分(分)", "说明");
    } else if (columns) {
      addRow(rows, roles, LayoutPrinter.Role.INDICATOR_HEADER, "绩效指标", "一级指标", "二级指标",
          "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分", "评分标准",
          "偏差原因分析及改进措施");
    } else if (noWeights) {
      addRow(rows, roles, LayoutPrinter.Role.INDICATOR_HEADER, "绩效指标", "一级指标", "二级指标",
          "三级指标", "年度指标值", "实际完成值", "得分", "偏差原因分析及改进措施");
    } else {
      addRow(rows, roles, LayoutPrinter.Role.INDICATOR_HEADER, "绩效指标", "一级指标", "二级指标",
          "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施");
    }
    final int firstIndicator = rows.size();
    String level1 = null;
    String level2 = null;
    int ordinal = 0;
    for (GenRow r : f.rows) {
      String l1 = "";
      if (!r.level1.equals(level1)) {
        level1 = r.level1;
        level2 = null;
        String points = "(" + GenRow.plain(levelWeight(f, r.level1)) + "分)";
        l1 = variants.contains(LayoutPrinter.Variant.POINTS_LEVELS) ? points
            : r.level1 + " " + points;
      }
      String l2 = r.level2.equals(level2) ? "" : r.level2;
      ordinal = l2.isEmpty() ? ordinal + 1 : 1;
      level2 = r.level2;
      r.printedName = variants.contains(LayoutPrinter.Variant.ORDINALS)
          ? "指标" + ordinal + r.name : null;
      String name = r.printedName == null ? r.name : r.printedName;
      String reason = r.reason == null ? "" : r.reason;
      if (garbled) {
        GarbledScheme.row(r, l1.isEmpty() ? "" : r.level1, l2, name, rows, roles);
      } else if (weightFirst) {
        addRow(rows, roles, LayoutPrinter.Role.INDICATOR, WeightFirst.row(r, l1, l2, name, reason));
      } else if (weighted) {
        boolean first = !l1.isEmpty();
        String label = variants.contains(LayoutPrinter.Variant.SCRAMBLED_LEVELS)
            ? scrambled(r.level1) : r.level1;
        addRow(rows, roles, LayoutPrinter.Role.INDICATOR, first ? label : "",
            first ? GenRow.plain(levelWeight(f, r.level1)) : "", l2, name, r.targetText(),
            r.actualText(), GenRow.plain(r.weight), GenRow.plain(r.score), reason);
      } else if (coefficients) {
        boolean garbledTarget = variants.contains(LayoutPrinter.Variant.GARBLED_TARGETS)
            && f.rows.indexOf(r) % 2 == 1;
        addRow(rows, roles, LayoutPrinter.Role.INDICATOR, coefficientRow(r, garbledTarget));
      } else if (unitTable) {
        addRow(rows, roles, LayoutPrinter.Role.INDICATOR, unitTableRow(r));
      } else if (columns) {
        boolean quantity = r.quantitative();
        String measure = r.kind == GenRow.Kind.PERCENT ? "%" : r.unitWord;
        addRow(rows, roles, LayoutPrinter.Role.INDICATOR, "", l1, l2, r.name,
            quantity ? "≥" : "定性", quantity ? GenRow.plain(r.target) : r.targetText(),
            quantity && !measure.isEmpty() ? measure : "/", r.actualText(),
            GenRow.plain(r.weight), GenRow.plain(r.score), "完成目标得满分，每低1%扣0.5分", reason);
      } else if (noWeights) {
        addRow(rows, roles, LayoutPrinter.Role.INDICATOR, "", l1, l2, name, r.targetText(),
            r.actualText(), GenRow.plain(r.score), reason);
      } else {
        addRow(rows, roles, LayoutPrinter.Role.INDICATOR, "", l1, l2, name, r.targetText(),
            r.actualText(), GenRow.plain(r.weight), GenRow.plain(r.score), reason);
      }
    }
    if (namesFirstStream != null) {
      NamesFirst.print(rows, firstIndicator, f.rows, namesFirstStream);
    }
    if (f.printedTotalAsField) {
      // no 总分 row: the field above is the form's total
    } else if (garbled) {
      GarbledScheme.total(f, rows, roles);
    } else if (variants.contains(LayoutPrinter.Variant.SHORT_TOTAL)) {
      addRow(rows, roles, LayoutPrinter.Role.TOTAL, "总分", "100", GenRow.plain(f.printedTotal),
          f.printedGrade);
    } else {
      addRow(rows, roles, LayoutPrinter.Role.TOTAL, "总分", "", "", "", "", "100",
          GenRow.plain(f.printedTotal), "等级：" + f.printedGrade, "");
    }
    blocks.add(new Block(printedTitle, rows, roles));
    int[] at = printer.table(rows, roles);
    f.budgetLine = at[budgetRow];
    for (int i = 0; i < f.rows.size(); i++) {
      f.rows.get(i).line = at[firstIndicator + i];
    }
    if (f.printedItems != null) {
      List<ItemScores.Item> items = f.printedItems.items();
      for (int i = 0; i < items.size(); i++) {
        items.get(i).line = at[firstItem + i];
      }
    }
    f.totalLine = f.printedTotalAsField ? at[0] : at[at.length - 1];
  }

  /** The budget total row (合计) and its 当年财政拨款 row, as the seeds print them. */
  private void budgetRows(List<String[]> rows, List<LayoutPrinter.Role> roles, GenForm f,
      boolean noisy) {
    String initial = f.printedInitialBlank ? "" : money(f.initial);
    String rate = noisy ? "" : GenRow.plain(f.printedRate) + "%";
    String score = noisy ? "" : GenRow.plain(f.printedBudgetScore);
    if (noises.contains(LayoutPrinter.Noise.GLUED) && !noisy) {
      addRow(rows, roles, LayoutPrinter.Role.BUDGET_TOTAL, "", "合计", initial, money(f.adjusted),
          money(f.executed), "10" + rate + score, "");
    } else {
      addRow(rows, roles, LayoutPrinter.Role.BUDGET_TOTAL, "", "合计", initial, money(f.adjusted),
          money(f.executed), "10", rate, score, "");
    }
    addRow(rows, roles, LayoutPrinter.Role.BUDGET_LINE, "", "其中：当年财政拨款", initial,
        money(f.adjusted), money(f.executed), "", "", "", "");
  }

  private void printTail(GenForm f) {
    tailFrom = 1 + tailStream.nextInt(f.rows.size() - 2);
    List<String[]> rows = new ArrayList<>();
    List<LayoutPrinter.Role> roles = new ArrayList<>();
    String level1 = f.rows.get(tailFrom - 1).level1;
    String level2 = f.rows.get(tailFrom - 1).level2;
    for (GenRow r : f.rows.subList(tailFrom, f.rows.size())) {
      String l1 = "";
      if (!r.level1.equals(level1)) {
        level1 = r.level1;
        level2 = null;
        l1 = r.level1 + " (" + GenRow.plain(levelWeight(f, r.level1)) + "分)";
      }
      String l2 = r.level2.equals(level2) ? "" : r.level2;
      level2 = r.level2;
      addRow(rows, roles, LayoutPrinter.Role.INDICATOR, "", l1, l2, r.name, r.targetText(),
          r.actualText(), GenRow.plain(r.weight), GenRow.plain(r.score),
          r.reason == null ? "" : r.reason);
    }
    addRow(rows, roles, LayoutPrinter.Role.TOTAL, "总分", "", "", "", "", "100",
        GenRow.plain(f.printedTotal), "等级：" + f.printedGrade, "");
    new LayoutPrinter(layout, noises, tailStream, lines).table(rows, roles);
  }

  /**
   * A row of the coefficient table: the 系数 is 得分 / 分值 in per cent to two decimals (so 分值 ×
   * 系数 gives the 得分 to the cent); rows of 10 points or more are the core ones.
   */
  private static String[] coefficientRow(GenRow r, boolean garbled) {
    String unit = r.kind == GenRow.Kind.PERCENT ? "%" : r.unitWord;
    String target = GenRow.plain(r.target == null ? java.math.BigDecimal.ZERO : r.target);
    if (garbled && r.kind == GenRow.Kind.COUNT && !r.qualitative && target.length() >= 2) {
      return garbledRow(r, unit, target);
    }
    String coefficient = GenRow.plain(r.score.multiply(BigDecimal.valueOf(100))
        .divide(r.weight, 2, java.math.RoundingMode.HALF_UP));
    return new String[] {r.name, r.quantitative() ? unit : "",
        r.quantitative() ? "定量指标" : "定性指标", r.targetText(), r.actualText(),
        coefficient + "%", GenRow.plain(r.weight), GenRow.plain(r.score),
        r.weight.compareTo(BigDecimal.TEN) >= 0 ? "是" : "否"};
  }

  /**
   * A coefficient row as OCR of a scanned unit-level form gives some (variant GARBLED_TARGETS):
   * the target's comparator and first digit read as one character ({@code 到0次} for ≥40次,
   * {@code 第2份}), and no 指标性质 printed; the garbled target is the truth.
   */
  private static String[] garbledRow(GenRow r, String unit, String target) {
    r.printedTarget = (r.name.length() % 2 == 0 ? "到" : "第") + target.substring(1) + unit;
    String[] row = coefficientRow(r, false);
    row[2] = "";
    row[3] = r.printedTarget;
    return row;
  }

  /**
   * A level name's characters in the order a sharing site's OCR prints a vertical cell
   * (产出指标 → 出标产指: second, fourth, first, third); a longer name keeps its tail.
   */
  static String scrambled(String level) {
    if (level.length() < 4) {
      return level;
    }
    return "" + level.charAt(1) + level.charAt(3) + level.charAt(0) + level.charAt(2)
        + level.substring(4);
  }

  /**
   * A row of the unit-level table without an end column: the comparator in 指标性质, the target's
   * and the actual's numbers without their unit (printed once, in 计量单位), an empty 说明.
   */
  private static String[] unitTableRow(GenRow r) {
    if (!r.quantitative()) {
      return new String[] {r.name, "", "定性指标", r.targetText(), GenRow.plain(r.weight),
          r.actualText(), GenRow.plain(r.score), ""};
    }
    return new String[] {r.name, r.kind == GenRow.Kind.PERCENT ? "%" : r.unitWord, "≥",
        GenRow.plain(r.target), GenRow.plain(r.weight), GenRow.plain(r.actual),
        GenRow.plain(r.score), ""};
  }

  private static void addRow(List<String[]> rows, List<LayoutPrinter.Role> roles,
      LayoutPrinter.Role role, String... cells) {
    rows.add(cells);
    roles.add(role);
  }

  private static BigDecimal levelWeight(GenForm f, String level1) {
    BigDecimal w = BigDecimal.ZERO;
    for (GenRow r : f.rows) {
      if (r.level1.equals(level1)) {
        w = w.add(r.weight);
      }
    }
    return w;
  }

  private static String money(BigDecimal v) {
    return v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  /** Appends a line; returns its 1-based number. */
  private int add(String line) {
    lines.add(line);
    blocks.add(Block.paragraph(line));
    return lines.size();
  }
}
