package io.selfeval.site;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Renders the site's pages from the Pebble templates under {@code site/templates/}, with
 * autoescaping on: every value a report supplied (unit names, indicator text, evidence, source
 * lines) is HTML-escaped, so a {@code <script>} in a report shows as text.
 */
public final class SitePages {

  private final PebbleEngine engine;

  public SitePages() {
    ClasspathLoader loader = new ClasspathLoader();
    loader.setPrefix("site/templates");
    loader.setSuffix(".peb");
    engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true)
        .defaultEscapingStrategy("html").strictVariables(false).newLineTrimming(false)
        .extension(new NumberFilters()).build();
  }

  /** The page of {@code template} for {@code model}. */
  public String render(String template, Map<String, Object> model) {
    PebbleTemplate t = engine.getTemplate(template);
    StringWriter out = new StringWriter();
    try {
      t.evaluate(out, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** {@code num}: an amount or score as printed, no trailing zeros; {@code pct}: a fraction. */
  private static final class NumberFilters extends AbstractExtension {
    @Override
    public Map<String, Filter> getFilters() {
      return Map.of("num", new NumberFilter(false), "pct", new NumberFilter(true));
    }
  }

  private record NumberFilter(boolean percent) implements Filter {
    @Override
    public List<String> getArgumentNames() {
      return List.of();
    }

    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self,
        EvaluationContext context, int lineNumber) {
      if (input == null) {
        return "—";
      }
      BigDecimal n = input instanceof BigDecimal b ? b : new BigDecimal(input.toString());
      if (percent) {
        return n.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
      }
      BigDecimal plain = n.stripTrailingZeros();
      return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }
  }
}
