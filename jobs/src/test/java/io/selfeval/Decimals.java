package io.selfeval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

/** Decimal assertions for tests: equal by value, whatever the scale. */
public final class Decimals {

  private Decimals() {}

  public static void assertDecimal(String expected, Object actual, String why) {
    assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual),
        why + ": expected " + expected + ", got " + actual);
  }
}
