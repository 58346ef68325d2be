package io.selfeval.extract.format;

import io.selfeval.extract.RejectedDocumentException;
import io.selfeval.extract.TextDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads an HTML page with jsoup: its tables resolved to their grid (rowspan, colspan), the rest
 * as prose, one block element a line. Scripts, styles, navigation and forms are ignored. The
 * page's declared charset is honoured; a page that declares none is decoded like a text file
 * (UTF-8, else GB18030). A table holding other tables is page layout: its cells are read as
 * blocks and the tables inside as tables.
 */
final class HtmlReader {

  private static final Pattern DECLARED_CHARSET = Pattern.compile(
      "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Set<String> IGNORED = Set.of("script", "style", "noscript", "nav",
      "iframe", "template", "select", "button", "input", "textarea", "svg", "head");
  private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5",
      "h6", "li", "tr", "section", "article", "header", "footer", "main", "blockquote", "pre",
      "dt", "dd", "center", "ul", "ol", "dl", "form", "body", "td", "th");
  /** Cells a rowspan or colspan may cover; larger spans are clipped (a broken page). */
  private static final int MAX_SPAN = 200;

  private final TableLines out = new TableLines();
  private final StringBuilder line = new StringBuilder();
  private int tables;
  private int paragraphs;

  private HtmlReader() {}

  static DocumentText read(byte[] bytes) throws RejectedDocumentException {
    String encoding;
    String html;
    Charset declared = declaredCharset(bytes);
    if (declared != null) {
      encoding = declared.name();
      html = new String(bytes, declared);
    } else {
      TextDecoder.Decoded d = TextDecoder.decodeMarkup(bytes);
      encoding = d.encoding();
      html = d.text();
    }
    Document doc = Jsoup.parse(html);
    HtmlReader reader = new HtmlReader();
    reader.block(doc.body());
    if (reader.out.isEmpty()) {
      throw new RejectedDocumentException("HTML page with no text");
    }
    return reader.out.build(DocumentFormat.HTML.label(), encoding);
  }

  private static Charset declaredCharset(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB) {
      return StandardCharsets.UTF_8;
    }
    String head = new String(bytes, 0, Math.min(bytes.length, 4096),
        StandardCharsets.ISO_8859_1);
    Matcher m = DECLARED_CHARSET.matcher(head);
    if (!m.find()) {
      return null;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    if (name.equals("gb2312") || name.equals("gbk")) {
      return Charset.forName("GB18030"); // pages that say GB2312 use GBK characters too
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void block(Element element) {
    for (Node child : element.childNodes()) {
      if (child instanceof TextNode t) {
        line.append(t.getWholeText());
      } else if (child instanceof Element e) {
        String tag = e.normalName();
        if (IGNORED.contains(tag) || e.attr("style").replace(" ", "").contains("display:none")) {
          continue;
        }
        if (tag.equals("br")) {
          flush();
        } else if (tag.equals("table") && e.selectFirst("table table") == null
            && e.select("table").size() == 1) {
          flush();
          table(e);
        } else if (tag.equals("table") || BLOCKS.contains(tag)) {
          flush();
          block(e);
          flush();
        } else {
          block(e);
        }
      }
    }
  }

  private void flush() {
    String text = line.toString().replace('\u00a0', ' ');
    line.setLength(0);
    if (!text.isBlank()) {
      out.prose(text.replaceAll("\\s+", " "), "paragraph " + (++paragraphs));
    }
  }

  private void table(Element table) {
    String name = "table " + (++tables);
    List<String[]> grid = new ArrayList<>();
    List<String> locations = new ArrayList<>();
    List<int[]> pendingDown = new ArrayList<>(); // per column: rows still covered by a rowspan
    int r = 0;
    for (Element tr : table.select("tr")) {
      if (tr.closest("table") != table) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      int c = 0;
      for (Element td : tr.children()) {
        if (!td.normalName().equals("td") && !td.normalName().equals("th")) {
          continue;
        }
        c = skipCovered(pendingDown, r, c, cells);
        int colspan = span(td.attr("colspan"));
        int rowspan = span(td.attr("rowspan"));
        cells.add(td.wholeText().replace('\u00a0', ' ').replaceAll("[ \\t\\r\\n]+", " "));
        for (int k = 1; k < colspan; k++) {
          cells.add("");
        }
        for (int k = 0; k < colspan; k++) {
          while (pendingDown.size() <= c + k) {
            pendingDown.add(new int[] {-1});
          }
          pendingDown.get(c + k)[0] = rowspan > 1 ? r + rowspan - 1 : -1;
        }
        c += colspan;
      }
      skipCovered(pendingDown, r, c, cells);
      grid.add(cells.toArray(new String[0]));
      locations.add(name + " row " + (++r));
    }
    out.table(grid, locations);
  }

  /** Adds empty cells for the columns from {@code c} on that a rowspan above still covers. */
  private static int skipCovered(List<int[]> pendingDown, int r, int c, List<String> cells) {
    while (c < pendingDown.size() && pendingDown.get(c)[0] >= r) {
      cells.add("");
      c++;
    }
    return c;
  }

  private static int span(String attr) {
    try {
      return Math.max(1, Math.min(MAX_SPAN, Integer.parseInt(attr.trim())));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
