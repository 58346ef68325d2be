package io.selfeval.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PiiMaskerTest {

  @Test
  void masksSignerNamesAndPhonesOnTheSignatureLine() {
    assertEquals("单位负责人签字：            填表人：*** 联系电话：***  填报日：2024年5月",
        PiiMasker.mask("单位负责人签字：            填表人：李华 联系电话：13800138000  填报日：2024年5月"));
  }

  @Test
  void masksNamesAfterEveryLabelButNotLabelsStandingWhereNameWould() {
    assertEquals("联系人：***，负责人：***", PiiMasker.mask("联系人：王小明，负责人：欧阳娜娜"));
    assertEquals("填表人：***联系电话：***", PiiMasker.mask("填表人：张三联系电话：0730-8888888"));
    assertEquals("单位负责人签字：填表人：", PiiMasker.mask("单位负责人签字：填表人："));
  }

  @Test
  void masksIdNumbersMobilesLandlinesAndEmails() {
    assertEquals("身份证号***，***，手机***，座机***，邮箱***。",
        PiiMasker.mask("身份证号430102199001011234，43010219900101123X，手机15912345678，"
            + "座机0731-84567890，邮箱li.hua@example.gov.cn。"));
  }

  @Test
  void leavesAmountsDatesAndCodesAlone() {
    String text = "预算收入 1112.67 万元，215,457.6元，2024年12月31日前，岳财函〔2022〕209号，"
        + "12345678901，文号20240101001";
    assertEquals(text, PiiMasker.mask(text));
  }
}
