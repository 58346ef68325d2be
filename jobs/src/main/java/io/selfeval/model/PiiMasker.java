package io.selfeval.model;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in report text before anything is parsed, stored or logged: names after
 * signer labels (填表人, 联系人, 单位负责人 …), mobile and landline numbers, ID-card numbers and
 * e-mail addresses. Masking keeps lines intact so line numbers stay true.
 */
public final class PiiMasker {

  public static final String MASK = "***";

  /** A label word that can stand where a name would, so is never taken for one. */
  private static final String NOT_NAME = "(?!联系|电话|填报|日期|填表|签字|签名|盖章|手机|单位)";

  private static final Pattern LABELLED_NAME = Pattern.compile(
      "(填表人|联系人|单位负责人|财务负责人|项目负责人|负责人|经办人|审核人|制表人|签字人)"
          + "(\\s*(?:签字|签名)?\\s*[:：]\\s*)"
          + "((?:" + NOT_NAME + "[\\p{IsHan}·]){2,4})");
  private static final Pattern LABELLED_PHONE = Pattern.compile(
      "((?:联系)?电话|手机|联系方式|传真)(\\s*[:：]\\s*)([0-9０-９][0-9０-９\\-－— ]{5,18}[0-9０-９])");
  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
  private static final Pattern ID_NUMBER = Pattern.compile(
      "(?<![0-9A-Za-z])(?:\\d{17}[0-9Xx]|\\d{15})(?![0-9A-Za-z])");
  private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9]\\d{9}(?![0-9])");
  private static final Pattern LANDLINE = Pattern.compile(
      "(?<![0-9.])0\\d{2,3}[-－—]\\d{7,8}(?![0-9])");

  private static final List<String> NAME_LABELS =
      List.of("填表人", "联系人", "负责人", "经办人", "审核人", "制表人", "签字人");
  private static final List<String> PHONE_LABELS = List.of("电话", "手机", "联系方式", "传真");
  private static final List<Pattern> PLAIN = List.of(EMAIL, ID_NUMBER, MOBILE, LANDLINE);

  private PiiMasker() {}

  /** The text with every personal datum replaced by {@link #MASK}. */
  public static String mask(String text) {
    String out = text;
    // the labelled patterns are costly to try at every position: only where a label stands
    if (NAME_LABELS.stream().anyMatch(out::contains)) {
      out = replaceGroup(out, LABELLED_NAME, 3);
    }
    if (PHONE_LABELS.stream().anyMatch(out::contains)) {
      out = replaceGroup(out, LABELLED_PHONE, 3);
    }
    for (Pattern p : PLAIN) {
      if (p != EMAIL || out.indexOf('@') >= 0) {
        out = p.matcher(out).replaceAll(MASK);
      }
    }
    return out;
  }

  private static String replaceGroup(String text, Pattern pattern, int group) {
    Matcher m = pattern.matcher(text);
    StringBuilder sb = new StringBuilder(text.length());
    int last = 0;
    while (m.find()) {
      sb.append(text, last, m.start(group)).append(MASK);
      last = m.end(group);
    }
    return sb.append(text, last, text.length()).toString();
  }
}
