package io.selfeval.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UnitNamesTest {

  @Test
  void smallDifferencesInPrintingGiveOneId() {
    String id = UnitNames.id("岳阳市城市管理综合行政执法支队直属三大队");
    assertEquals(id, UnitNames.id("岳阳楼区岳阳市城市管理综合行政执法支队直属三大队"));
    assertEquals(id, UnitNames.id(" 岳阳市 城市管理综合行政执法支队直属三大队　"));
    assertEquals(id, UnitNames.id("湖南省岳阳市城市管理综合行政执法支队直属三大队"));
    assertEquals(UnitNames.id("株洲市城管支队(本级)"), UnitNames.id("株洲市城管支队（本级）"));
  }

  @Test
  void differentUnitsKeepDifferentIds() {
    assertNotEquals(UnitNames.id("株洲市芦淞区城市管理综合行政执法大队"),
        UnitNames.id("株洲市芦淞区城市管理和综合执法局"));
    assertNotEquals(UnitNames.id("岳阳市城市管理综合行政执法支队直属三大队"),
        UnitNames.id("岳阳市城市管理综合行政执法支队直属二大队"));
    // a district that is the unit's own first word, with no city after it, stays
    assertEquals("芦淞区城市管理局", UnitNames.key("芦淞区城市管理局"));
  }

  @Test
  void keyIsTheDocumentedNormalisation() {
    assertEquals("岳阳市城管支队直属三大队", UnitNames.key("岳阳楼区岳阳市城管支队直属三大队"));
    assertEquals("株洲市城管支队本级", UnitNames.key("株洲市 城管支队（本级）"));
    assertEquals(16, UnitNames.id("株洲市城管支队").length());
    assertNull(UnitNames.id("  "));
    assertNull(UnitNames.id(null));
  }
}
