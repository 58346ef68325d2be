package io.selfeval.extract.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link GluedNumbers#splits} against a plain enumeration: every way to cut a run into k parts,
 * kept when each part is a number by the regular expression the splitter once used. The two
 * must list the same splits, in the same order, for any run.
 */
class GluedNumbersSplitTest {

  private static final Pattern NUMBER = Pattern.compile("(?:0|[1-9]\\d*)(?:\\.\\d+)?");

  @Test
  void knownRuns() {
    assertEquals("100|98;1009|8;", render(GluedNumbers.splits("10098", 2)));
    assertEquals("", render(GluedNumbers.splits("0098", 2)));
    assertEquals("1.5|6;", render(GluedNumbers.splits("1.56", 2)));
    assertEquals("0.5|0;", render(GluedNumbers.splits("0.50", 2)));
    assertEquals("", render(GluedNumbers.splits("1.2.3", 1)));
  }

  @Test
  void sameAsTheRegularExpressionOnRandomRuns() {
    Random random = new Random(7);
    String alphabet = "0000111229..%";
    for (int i = 0; i < 3_000; i++) {
      StringBuilder run = new StringBuilder();
      int length = 1 + random.nextInt(11);
      for (int c = 0; c < length; c++) {
        run.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      for (int parts = 1; parts <= 4; parts++) {
        assertEquals(render(oracle(run.toString(), parts)),
            render(GluedNumbers.splits(run.toString(), parts)), run + " in " + parts);
      }
    }
  }

  private static List<String[]> oracle(String run, int parts) {
    List<String[]> out = new ArrayList<>();
    cut(run, 0, new String[parts], 0, out);
    return out;
  }

  private static void cut(String run, int at, String[] acc, int k, List<String[]> out) {
    if (k == acc.length) {
      if (at == run.length()) {
        out.add(acc.clone());
      }
      return;
    }
    for (int e = at + 1; e <= run.length(); e++) {
      if (NUMBER.matcher(run.substring(at, e)).matches()) {
        acc[k] = run.substring(at, e);
        cut(run, e, acc, k + 1, out);
      }
    }
  }

  private static String render(List<String[]> splits) {
    StringBuilder b = new StringBuilder();
    for (String[] s : splits) {
      b.append(String.join("|", s)).append(';');
    }
    return b.toString();
  }
}
