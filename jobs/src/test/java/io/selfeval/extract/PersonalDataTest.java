package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.model.FormRecord;
import io.selfeval.model.PiiMasker;
import io.selfeval.model.Records;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Personal data planted all over a seed report (prose, a signature line, a table cell beyond the
 * header, the file name) reaches none of what extraction gives out: records, warnings, reasons.
 */
class PersonalDataTest {

  /** Planted text, and what of it must not come out (digits compared without separators). */
  private static final String[][] PLANTED = {
      {"填报人：张 三", "张 三"},
      {"经办人阿卜杜热合曼", "阿卜杜热合曼"},
      {"联系人 买买提·艾力 ", "买买提·艾力"},
      {"手机 +86 139\u200b0013 9000", "13900139000"},
      {"电话 0731-84567891", "84567891"},
      {"身份证 4301 0219 9001 0112 3X", "43010219900101123X"},
      {"身份证４３０１０２１９８８０２０２５６７８", "430102198802025678"},
      {"卡号 6222 0212 3456 7894", "6222021234567894"},
      {"邮箱 wang.wu(at)example.gov.cn", "wang.wu"},
      {"邮箱 zhao＠example.com", "zhao"},
  };

  @Test
  void nothingPlantedReachesRecordsWarningsOrTheFileName() {
    List<String> lines = new ArrayList<>(Seeds.text("001_b0594b0c6d3b86f7.txt").lines().toList());
    final int indicatorRow = lines.indexOf(lines.stream().filter(l -> l.contains("\t执法案件\t"))
        .findFirst().orElseThrow());
    StringBuilder all = new StringBuilder();
    for (String[] p : PLANTED) {
      all.append(p[0]).append('，');
    }
    // in the prose after the title, as a signature line, and in a cell beyond the header
    lines.add(4, "本报告" + all);
    lines.add(all.toString());
    lines.set(indicatorRow + 1, lines.get(indicatorRow + 1) + "\t" + all);
    String file = "自评报告_13900139000_430102199001011234.txt";
    ReportExtractor.Result r = ReportExtractor.extract(
        String.join("\n", lines).getBytes(StandardCharsets.UTF_8), file);
    assertFalse(r.records().isEmpty());
    StringBuilder out = new StringBuilder(r.file()).append(r.reason());
    for (FormRecord rec : r.records()) {
      out.append(Records.toJson(rec));
    }
    String text = out.toString();
    // blanks, dashes and brackets dropped, full-width forms folded: a number split up or
    // written in full-width digits is still found
    String digits = Texts.compact(text).replaceAll("[-()\\u200b]", "");
    for (String[] p : PLANTED) {
      String secret = p[1];
      boolean numeric = secret.matches("[0-9X]+");
      assertFalse(numeric ? digits.contains(secret) : text.contains(secret),
          secret + " came out of extraction");
    }
    assertFalse(digits.contains("430102199001011234"), text);
    assertEquals("自评报告_***_***.txt", r.file());
    assertTrue(text.contains(PiiMasker.MASK));
  }
}
