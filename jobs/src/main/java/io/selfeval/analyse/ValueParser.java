package io.selfeval.analyse;

import io.selfeval.analyse.IndicatorValue.Kind;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads an indicator's target (年度指标值) or actual (实际完成值) text into an {@link
 * IndicatorValue}. Pure and stateless; the patterns are compiled once.
 *
 * <p><b>Normalising.</b> Full-width forms are read as half-width (NFKC: ９５％ is 95%, ＞＝ is
 * >=, ／ is /, ， is a comma); ≧ and ≥ are read as >=, ≦ and ≤ as <=, ≮ as >=, ≯ as <=; ㎡ and m²
 * as 平方米; every blank is dropped, then trailing sentence punctuation (。 . ; , !).
 *
 * <p><b>Missing text.</b> Null or blank text is UNPARSED, with {@code text} as given (null for
 * null): an empty cell says nothing, not "not applicable".
 *
 * <p><b>NOT_APPLICABLE</b>: exactly 不适用, 不涉及, 无, N/A, or only dashes, slashes, dots or
 * ellipses (/, ／, —, ——, -, ……). A lone 无 is read as "not applicable" even where it could mean
 * "none happened"; 无 followed by what is absent (无投诉) is QUALITATIVE.
 *
 * <p><b>DEADLINE</b>: a year (19xx/20xx) with optional month and day (2024年12月31日, 2024年12月,
 * 2024年; 2024-12-31, 2024.12.31 and 2024/12/31 only in full), 底 or 年底 for the end of a month
 * or year, optionally after 在 or 于 and before 完成/办结/结束:
 * 2024年12月31日前 and 在2024年12月31日前完成 are 2024-12-31. 前, 之前, 以前, 内, 以内, 之内 give
 * comparator "<=" (a day "前" is met on that day); a bare date gives no comparator. A month
 * without a day is its last day; a year alone is 31 December. A date without a year (12月底前)
 * or an impossible date is UNPARSED.
 *
 * <p><b>Numbers</b>: the whole text must be {@code [label][comparator][约|近]number[万|亿][余|多]
 * [unit][/period][suffix][左右]}, with exactly one number:
 * <ul>
 *   <li>label: words before the number, kept out of the value (市级120件, 案件处理率100%,
 *       年度预算计划数25万元, 合格率≥95%); it may hold no digit and no negation (未, 没, 无法, 不能,
 *       尚), otherwise the text is UNPARSED;
 *   <li>comparator before the number: >=, ≥, 不低于, 不少于, 不小于, 大于等于, 至少, 达到 are
 *       ">="; >, 超过, 高于, 多于, 大于 are ">"; <=, ≤, 不超过, 不高于, 不多于, 不大于, 小于等于,
 *       最多, 控制在 are "<="; <, 低于, 少于, 小于, 不足, 不满, 不到 are "<"; =, 等于 are "=".
 *       After it: 以上, 及以上 are ">="; 以下, 及以下, 以内, 之内, 内 are "<=". As in Chinese law
 *       (民法典 art. 1259), 以上/以下/以内 include the bound and 超过/不满 exclude it. A word before
 *       and a word after that disagree (低于5%以下) make the text UNPARSED;
 *   <li>number: digits with an optional decimal part, thousands separators only in groups of
 *       three (215,457.6 is 215457.6), an optional sign; read exactly as a BigDecimal;
 *   <li>万 and 亿 multiply counts (1.2万人 is 12000 人) but money keeps them in the unit (25万元 is
 *       25 万元, 1亿元 is 1 亿元), the unit the forms keep their amounts in;
 *   <li>unit: one of {@link #UNITS}, as printed (百分比 is read as %); 余 and 多 are not units;
 *   <li>approximation: 约 (also 约为, 大约), 近 (also 接近) before the number, 余 or 多 after it
 *       (12000余份, 300余台次), 左右 at the end;
 *   <li>period: /天, /月 … after the unit (1次/月), or 每天, 每月, 每季度 … ending the label
 *       (每月1次, 每周不少于2次); 日 is read as 天, 星期 as 周, 季 as 季度.
 * </ul>
 * The kind is COUNT_PER_PERIOD when a period is stated, PERCENT when the unit is %, else NUMBER.
 * Polarity is null; trend comes from the label (提高10% has trend "increase": the number is then
 * a change, not a level).
 *
 * <p><b>UNPARSED</b>: any other text holding a digit (全年365天，全天24小时… or 工地防尘要求“8个
 * 100%”: several numbers, or one in running prose), and a count in Chinese numerals ending the
 * text (两次, 每月一次): never a guessed number.
 *
 * <p><b>QUALITATIVE</b>: any other text. Polarity says what the text asserts, whether it is a
 * target or an actual, tested in this order:
 * <ul>
 *   <li>"partial": 部分 or 基本 before 达成/完成/实现/达到/达标 (基本完成 is read as less than
 *       complete);
 *   <li>"negative": 未, 未能, 没有, 无法, 不能, 尚未 before 完成/达成/达到/实现/达标/办结/到位/
 *       按时/如期/及时; 不合格, 不达标, 不符合, 不满足, 不满意, 不及时, 不到位; 超预算, 超出预算,
 *       超过年度预算 (not after 未/不/没/无); 有负面…, 有投诉, 有事故, 有纠纷, 有舆情, 有违规;
 *       滞后, 延期, 延误, 逾期, 较差;
 *   <li>"positive": absence of harm (无, 没有, 未发生, 未出现, 未造成, 避免, 杜绝, 零 before
 *       负面/事故/投诉/纠纷/舆情/违规/违法/差错/错案/问题/隐患/影响 in the same clause); staying in
 *       budget (未超预算, 不超过预算金额, 控制在…内, 预算…之内); achievement or compliance (完成,
 *       达成, 实现, 达到, 达标, 如期, 按时, 及时, 办结, 规定时间内, 合格, 符合, 满足); a favourable
 *       assessment (良好, 显著, 有效, 好评, 满意, 优秀, 优良, 成效, 正常运行, 安全运行); improvement
 *       (提升, 改善, 增强, 好转);
 *   <li>null otherwise: a description of a state (整洁、有序、舒适), of an activity or effect
 *       (优化, 营造, 打造, 加强, 维护, 吸引, 助力, 产生…效益), or a bare direction (提高, 降低,
 *       减少), which is only good or bad against the indicator.
 * </ul>
 * Trend: "increase" for 提高, 提升, 增加, 增长, 上升, 增强, 扩大; "decrease" for 降低, 减少,
 * 下降, 减小, 缩短, 压缩, 减轻; null when neither or both. Period: 每天 (每日), 每月, 按月 … (not
 * 按年度); 每天 alone is QUALITATIVE with period 天 and null polarity, as it gives no count. A
 * qualitative text has no comparator, value, unit or approximation, even 不超过预算.
 */
public final class ValueParser {

  /** Units read after a number, longest first where one is a prefix of another. */
  public static final String[] UNITS = {
    "%", "‰", "百分比", "个百分点", "百分点", "人次", "台次", "车次", "户次", "架次", "万元", "亿元",
    "元", "平方公里", "平方千米", "平方米", "立方米", "公里", "千米", "公顷", "米", "吨", "亩", "次",
    "件", "个工作日", "工作日", "个月", "个", "台", "辆", "份", "人", "支", "名", "户", "家", "处",
    "起", "场", "期", "篇", "项", "盏", "座", "所", "条", "本", "册", "套", "块", "张", "部", "批",
    "棵", "株", "宗", "天", "日", "小时", "分钟", "周", "年", "分"
  };

  private static final String UNIT_RE = Arrays.stream(UNITS)
      .sorted(Comparator.comparingInt(String::length).reversed())
      .map(Pattern::quote)
      .collect(Collectors.joining("|"));
  private static final String PERIOD_RE = "季度|半年|天|日|周|星期|月|季|年|旬";
  private static final Map<String, String> PERIODS =
      Map.of("日", "天", "星期", "周", "季", "季度");

  private static final Pattern NOT_APPLICABLE =
      Pattern.compile("不适用|不涉及|无|[Nn]/?[Aa]|[-—–_/\\\\.…·]+");
  private static final Pattern TRAILING = Pattern.compile("[。.;；,!！]+$");
  private static final Pattern DATE = Pattern.compile(
      "(?:在|于)?(?:(?<y>(?:19|20)\\d{2})年(?:(?<m>\\d{1,2})月(?:(?<d>\\d{1,2})[日号])?)?"
          + "|(?<y2>(?:19|20)\\d{2})(?<sep>[-./])(?<m2>\\d{1,2})\\k<sep>(?<d2>\\d{1,2}))"
          + "(?:年底|年末|底|末)?(?<by>之前|以前|以内|之内|前|内)?(?:全部|全面)?"
          + "(?:完成|完工|办结|结束)?");
  private static final Pattern NUMBER = Pattern.compile(
      "(?<label>[^\\d<>=]*?)"
          + "(?<cmp>>=|<=|>|<|=|不低于|不少于|不小于|大于等于|至少|达到|超过|高于|多于|大于|不超过|不高于"
          + "|不多于|不大于|小于等于|最多|控制在|低于|少于|小于|不足|不满|不到|等于)?"
          + "(?<pre>约为|大约|约|接近|近)?"
          + "(?<num>[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)"
          + "(?<mult>万|亿)?(?<ap>余|多)?(?<unit>" + UNIT_RE + ")?"
          + "(?:/(?<per>" + PERIOD_RE + "))?"
          + "(?<suf>及以上|以上|及以下|以下|以内|之内|内)?(?<around>左右)?");
  private static final Pattern LABEL_NEGATION = Pattern.compile("未|没|无法|不能|尚");
  private static final Pattern LABEL_PERIOD =
      Pattern.compile("每个?(?<p>" + PERIOD_RE + ")$");
  private static final Pattern DIGIT = Pattern.compile("\\d");
  private static final Pattern CHINESE_COUNT = Pattern.compile(
      "[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万]*(?:余|多)?(?:" + UNIT_RE
          + ")(?:以上|以下|以内)?$");

  private static final Pattern PARTIAL =
      Pattern.compile("(?:部分|基本)(?:达成|完成|实现|达到|达标)");
  private static final Pattern NEGATIVE = Pattern.compile(
      "(?:未能?|没有|没能|无法|不能|尚未)(?:完成|达成|达到|实现|达标|办结|到位|按时|如期|及时)"
          + "|不(?:合格|达标|符合|满足|满意|及时|到位)"
          + "|(?<![未不没无])超(?:出|过)?了?(?:年度)?预算"
          + "|(?<![没未])有(?:负面|投诉|事故|纠纷|舆情|违规)"
          + "|滞后|延期|延误|逾期|较差");
  private static final Pattern POSITIVE = Pattern.compile(
      "(?:无|没有|未发生|未出现|未造成|避免|杜绝|零)[^,;、。；]{0,8}?"
          + "(?:负面|事故|投诉|纠纷|舆情|违规|违法|差错|错案|问题|隐患|影响)"
          + "|(?:未|不|没有)超(?:出|过)?[^,;、。；]{0,6}?预算"
          + "|控制在[^,;、。；]*?(?:内|以下)|预算[^,;、。；]{0,6}?(?:之内|以内|内)"
          + "|完成|达成|实现|达到|达标|如期|按时|及时|办结|规定时间内|合格|符合|满足"
          + "|良好|显著|有效|好评|满意|优秀|优良|成效|正常运[行转]|安全运行"
          + "|提升|改善|增强|好转");
  private static final Pattern INCREASE = Pattern.compile("提高|提升|增加|增长|上升|增强|扩大");
  private static final Pattern DECREASE = Pattern.compile("降低|减少|下降|减小|缩短|压缩|减轻");
  private static final Pattern SCHEDULE =
      Pattern.compile("每个?(?<e>" + PERIOD_RE + ")|按(?<b>" + PERIOD_RE + ")(?!度)");

  private ValueParser() {}

  /** The typed value of one indicator text; never null, never throws. */
  public static IndicatorValue parse(String text) {
    String s = normalise(text);
    if (s.isEmpty()) {
      return unparsed(text);
    }
    if (NOT_APPLICABLE.matcher(s).matches()) {
      return only(Kind.NOT_APPLICABLE, text);
    }
    s = TRAILING.matcher(s).replaceFirst("");
    Matcher date = DATE.matcher(s);
    if (date.matches()) {
      return deadline(date, text);
    }
    Matcher number = NUMBER.matcher(s);
    if (number.matches()) {
      return numeric(number, text);
    }
    if (DIGIT.matcher(s).find() || CHINESE_COUNT.matcher(s).find()) {
      return unparsed(text);
    }
    return new IndicatorValue(Kind.QUALITATIVE, null, null, null, null, schedule(s), null,
        polarity(s), trend(s), text);
  }

  static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String n = Normalizer.normalize(text.replace("㎡", "平方米").replace("m²", "平方米"),
        Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder(n.length() + 4);
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      switch (c) {
        case '≧', '≥', '≮' -> sb.append(">=");
        case '≦', '≤', '≯' -> sb.append("<=");
        default -> {
          if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static IndicatorValue deadline(Matcher m, String text) {
    boolean numeric = m.group("y") == null;
    int year = Integer.parseInt(m.group(numeric ? "y2" : "y"));
    String month = m.group(numeric ? "m2" : "m");
    String day = m.group(numeric ? "d2" : "d");
    LocalDate date;
    try {
      if (month == null) {
        date = LocalDate.of(year, 12, 31);
      } else if (day == null) {
        date = YearMonth.of(year, Integer.parseInt(month)).atEndOfMonth();
      } else {
        date = LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day));
      }
    } catch (DateTimeException e) {
      return unparsed(text);
    }
    String comparator = m.group("by") == null ? null : "<=";
    return new IndicatorValue(Kind.DEADLINE, comparator, null, null, null, null, date, null,
        null, text);
  }

  private static IndicatorValue numeric(Matcher m, String text) {
    String label = m.group("label");
    if (LABEL_NEGATION.matcher(label).find()) {
      return unparsed(text);
    }
    String before = before(m.group("cmp"));
    String after = after(m.group("suf"));
    if (before != null && after != null && !before.equals(after)) {
      return unparsed(text);
    }
    BigDecimal value = new BigDecimal(m.group("num").replace(",", ""));
    String unit = m.group("unit");
    String mult = m.group("mult");
    if (mult != null && "元".equals(unit)) {
      unit = mult + unit;
    } else if (mult != null) {
      value = value.movePointRight("万".equals(mult) ? 4 : 8);
    }
    if ("百分比".equals(unit)) {
      unit = "%";
    }
    String period = m.group("per");
    Matcher labelPeriod = LABEL_PERIOD.matcher(label);
    if (period == null && labelPeriod.find()) {
      period = labelPeriod.group("p");
    }
    period = period == null ? null : PERIODS.getOrDefault(period, period);
    Kind kind = period != null ? Kind.COUNT_PER_PERIOD
        : "%".equals(unit) ? Kind.PERCENT : Kind.NUMBER;
    return new IndicatorValue(kind, before != null ? before : after, value, unit,
        approximation(m), period, null, null, trend(label), text);
  }

  private static String before(String word) {
    if (word == null) {
      return null;
    }
    return switch (word) {
      case ">=", "不低于", "不少于", "不小于", "大于等于", "至少", "达到" -> ">=";
      case ">", "超过", "高于", "多于", "大于" -> ">";
      case "<=", "不超过", "不高于", "不多于", "不大于", "小于等于", "最多", "控制在" -> "<=";
      case "<", "低于", "少于", "小于", "不足", "不满", "不到" -> "<";
      default -> "=";
    };
  }

  private static String after(String word) {
    if (word == null) {
      return null;
    }
    return word.endsWith("以上") ? ">=" : "<=";
  }

  private static String approximation(Matcher m) {
    String pre = m.group("pre");
    if (pre != null) {
      return pre.contains("约") ? "约" : "近";
    }
    if (m.group("ap") != null) {
      return m.group("ap");
    }
    return m.group("around");
  }

  private static String schedule(String s) {
    Matcher m = SCHEDULE.matcher(s);
    if (!m.find()) {
      return null;
    }
    String p = m.group("e") != null ? m.group("e") : m.group("b");
    return PERIODS.getOrDefault(p, p);
  }

  private static String polarity(String s) {
    if (PARTIAL.matcher(s).find()) {
      return "partial";
    }
    if (NEGATIVE.matcher(s).find()) {
      return "negative";
    }
    return POSITIVE.matcher(s).find() ? "positive" : null;
  }

  private static String trend(String s) {
    boolean up = INCREASE.matcher(s).find();
    boolean down = DECREASE.matcher(s).find();
    return up == down ? null : up ? "increase" : "decrease";
  }

  private static IndicatorValue unparsed(String text) {
    return only(Kind.UNPARSED, text);
  }

  private static IndicatorValue only(Kind kind, String text) {
    return new IndicatorValue(kind, null, null, null, null, null, null, null, null, text);
  }
}
