package io.selfeval.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One indicator row of a generated form, with the numbers behind its printed texts. */
final class GenRow {

  /** How a row states its target and actual. */
  enum Kind { COUNT, PERCENT, QUALITATIVE }

  final String level1;
  final String level2;
  final Kind kind;
  final String unitWord;
  final boolean satisfaction;
  String name;
  /** The name as the form prints it when that differs (a row label before it), else null. */
  String printedName;
  /** The target as the form prints it when OCR garbled it (variant GARBLED_TARGETS), else null. */
  String printedTarget;
  BigDecimal weight;
  BigDecimal target;
  BigDecimal actual;
  BigDecimal score;
  String reason;
  boolean qualitative;
  int line;

  GenRow(String level1, String level2, String name, Kind kind, String unitWord,
      boolean satisfaction) {
    this.level1 = level1;
    this.level2 = level2;
    this.name = name;
    this.kind = kind;
    this.unitWord = unitWord;
    this.satisfaction = satisfaction;
    this.qualitative = kind == Kind.QUALITATIVE;
  }

  boolean quantitative() {
    return !qualitative;
  }

  boolean missed() {
    return quantitative() && actual.compareTo(target) < 0;
  }

  boolean exactHit() {
    return quantitative() && actual.compareTo(target) == 0;
  }

  /** The score the national rule pack gives: weight x actual / target when missed, else full. */
  BigDecimal expectedScore() {
    if (!missed()) {
      return weight.setScale(2, RoundingMode.HALF_UP);
    }
    return weight.multiply(actual).divide(target, 10, RoundingMode.HALF_UP)
        .setScale(2, RoundingMode.HALF_UP);
  }

  boolean fullMarks() {
    return score.compareTo(weight.subtract(new BigDecimal("0.01"))) >= 0;
  }

  String targetText() {
    if (qualitative) {
      return kind == Kind.QUALITATIVE ? qualitativeTarget() : "按计划完成";
    }
    return "≥" + plain(target) + (kind == Kind.PERCENT ? "%" : unitWord);
  }

  String actualText() {
    if (qualitative) {
      return kind == Kind.QUALITATIVE ? qualitativeActual() : "已按计划完成";
    }
    return plain(actual) + (kind == Kind.PERCENT ? "%" : unitWord);
  }

  private String qualitativeTarget() {
    return level2.startsWith("成本") ? "控制在预算范围内" : "明显提升";
  }

  private String qualitativeActual() {
    return level2.startsWith("成本") ? "控制在预算范围内" : "效果显著";
  }

  static String plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }
}
