package io.selfeval.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfeval.site.SiteRows.Form;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The data of a year page's charts (drawn in the browser by Apache ECharts, bundled with the
 * site): how many forms fall in each band of reported and of fair total, and of execution
 * rate. Handed to the page as JSON inside a {@code <script type="application/json">}, with
 * {@code <}, {@code >} and {@code &} escaped so no value can close the script.
 */
final class Charts {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Lower bounds of the total bands, in points; below the first is its own band. */
  private static final int[] TOTAL_BANDS = {60, 70, 80, 85, 90, 95, 100};
  /** Lower bounds of the execution-rate bands, in percent. */
  private static final int[] RATE_BANDS = {50, 70, 80, 90, 95, 100};

  private Charts() {}

  static String json(List<Form> forms) {
    Map<String, Object> charts = Map.of(
        "totalBands", labels(TOTAL_BANDS, ""),
        "reported", counts(forms, Form::reportedTotal, TOTAL_BANDS, 1),
        "fair", counts(forms, Form::fairTotal, TOTAL_BANDS, 1),
        "rateBands", labels(RATE_BANDS, " %"),
        "rates", counts(forms, Form::executionRate, RATE_BANDS, 100));
    try {
      return JSON.writeValueAsString(charts).replace("<", "\\u003c").replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> labels(int[] bands, String unit) {
    List<String> out = new ArrayList<>();
    out.add("< " + bands[0] + unit);
    for (int i = 0; i < bands.length - 1; i++) {
      out.add(bands[i] + "–" + bands[i + 1] + unit);
    }
    out.add("≥ " + bands[bands.length - 1] + unit);
    return out;
  }

  /** Forms per band of {@code value} × {@code scale}; forms without the value are left out. */
  private static int[] counts(List<Form> forms, Function<Form, BigDecimal> value, int[] bands,
      int scale) {
    int[] counts = new int[bands.length + 1];
    for (Form f : forms) {
      BigDecimal v = value.apply(f);
      if (v == null) {
        continue;
      }
      BigDecimal scaled = v.multiply(BigDecimal.valueOf(scale));
      int band = 0;
      while (band < bands.length && scaled.compareTo(BigDecimal.valueOf(bands[band])) >= 0) {
        band++;
      }
      counts[band]++;
    }
    return counts;
  }
}
