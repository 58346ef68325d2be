package io.selfeval.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Variant ITEM_SCORES of the flattened layouts (flat_line, flat_pdf): the scored items some
 * provincial templates (Hubei, Hunan county forms) print between the goals and the indicator
 * table, under {@code 项目权重 | 评价内容 | 分值 | 自评分 | 评价标准及依据}: a 项目决策 block and a
 * 项目管理 block, each a run of rows {@code 名称 | 分值 | 自评分 | instructions}, the block's label
 * and points ({@code 项目管理 13 分}, or {@code 项目管理(13分)}) in a merged cell a PDF's text
 * prints beside the middle row of its block, before the row's name or after it. The instructions
 * cell is full of numbers ({@code 1、…1 分;2、…}), as real ones are. The rows are truth in the
 * manifest (name, 分值, 自评分; no target or actual), before the form's indicator rows.
 */
final class ItemScores {

  /** One printed item. */
  static final class Item {
    final String name;
    final BigDecimal weight;
    final BigDecimal score;
    int line;

    Item(String name, BigDecimal weight, BigDecimal score) {
      this.name = name;
      this.weight = weight;
      this.score = score;
    }
  }

  private static final List<String> DECISION = List.of("决策依据", "立项程序", "目标设定",
      "资金分配");
  private static final List<String> MANAGEMENT = List.of("财务制度", "组织机构", "运行监管",
      "目标申报", "资金到位", "资金使用", "档案管理", "制度执行");
  private static final List<String> LEVELS = List.of("项目决策", "项目管理");

  private final List<List<Item>> blocks = new ArrayList<>();
  private final boolean labelAfterName;
  private final boolean labelInOneWord;

  private ItemScores(SplittableRandom own) {
    blocks.add(block(own, DECISION, 1 + own.nextInt(2)));
    blocks.add(block(own, MANAGEMENT, 2 + own.nextInt(3)));
    labelAfterName = own.nextBoolean();
    labelInOneWord = own.nextInt(3) == 0;
  }

  /** The items of one form, drawn from the variant's own stream. */
  static ItemScores draw(SplittableRandom own) {
    return new ItemScores(own);
  }

  /** Every item, in printed order. */
  List<Item> items() {
    List<Item> all = new ArrayList<>();
    blocks.forEach(all::addAll);
    return all;
  }

  private static List<Item> block(SplittableRandom own, List<String> pool, int n) {
    List<String> names = new ArrayList<>(pool);
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = names.remove(own.nextInt(names.size()));
      BigDecimal w = BigDecimal.valueOf(1 + own.nextInt(5));
      BigDecimal s = own.nextInt(4) == 0
          ? w.subtract(BigDecimal.valueOf(own.nextInt(2) + 1, 1).multiply(BigDecimal.valueOf(5)))
          : w;
      out.add(new Item(name, w, s.signum() < 0 ? BigDecimal.ZERO : s));
    }
    return out;
  }

  /** The header row's cells. */
  static String[] header() {
    return new String[] {"项目权重", "评价内容", "分值", "自评分", "复核分", "评价标准及依据"};
  }

  /** The rows' cells, in order: one list per item (the first row of each block carries it). */
  List<String[]> rows() {
    List<String[]> out = new ArrayList<>();
    for (int b = 0; b < blocks.size(); b++) {
      List<Item> block = blocks.get(b);
      BigDecimal points = BigDecimal.ZERO;
      for (Item it : block) {
        points = points.add(it.weight);
      }
      String p = GenRow.plain(points);
      String label = labelInOneWord ? LEVELS.get(b) + "(" + p + "分)"
          : LEVELS.get(b) + " " + p + " 分";
      int middle = block.size() / 2;
      for (int i = 0; i < block.size(); i++) {
        Item it = block.get(i);
        String level = i == middle ? label : "";
        String rule = "1、" + it.name + "有佐证资料计 1 分; 2、执行到位计 "
            + GenRow.plain(it.weight.subtract(BigDecimal.ONE).max(BigDecimal.ONE))
            + " 分,没有不得分。";
        String w = GenRow.plain(it.weight);
        String s = GenRow.plain(it.score);
        out.add(labelAfterName ? new String[] {it.name, level, w, s, "", rule}
            : new String[] {level, it.name, w, s, "", rule});
      }
    }
    return out;
  }
}
