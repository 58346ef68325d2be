package io.selfeval.extract;

import io.selfeval.extract.format.DocumentText;
import io.selfeval.extract.format.Formats;
import io.selfeval.extract.format.ZipReader;
import io.selfeval.extract.layout.LayoutNormaliser;
import io.selfeval.extract.layout.TableText;
import io.selfeval.extract.vocab.PinyinAnnotations;
import io.selfeval.extract.vocab.Vocabulary;
import io.selfeval.model.Budget;
import io.selfeval.model.Fact;
import io.selfeval.model.FormRecord;
import io.selfeval.model.Narrative;
import io.selfeval.model.PiiMasker;
import io.selfeval.model.Records;
import io.selfeval.model.Source;
import io.selfeval.model.Warning;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one report's bytes into normalised records: one per self-evaluation form, or one
 * prose-only unit record for a report without a score table. Pure Java, no Spark: the extract
 * job calls it once per document, and tests call it directly.
 */
public final class ReportExtractor {

  public static final String NAME = "selfeval-extract 0.1.0";

  /** Outcome of one document. */
  public enum Status { PARSED, PARSED_WITH_WARNINGS, REJECTED }

  /** What became of one document: its records, or the reason it was rejected. */
  public record Result(String file, String sha256, Status status, String reason,
      String encoding, List<FormRecord> records) {

    public int warningCount() {
      return records.stream().mapToInt(r -> r.warnings().size()).sum();
    }
  }

  private static final Pattern LABELLED_UNIT = Pattern.compile(
      "^(?:编制单位|预算单位名称|单位名称|部门名称|预算单位)\\s*[:：]\\s*(.+)$");
  private static final Pattern TITLE_UNIT = Pattern.compile(
      "^(?:(?:19|20)\\d{2}\\s*年度?)?\\s*(.{4,}?)(?:部门|单位)?整体支出绩效自评报告$");
  private static final Pattern UNIT_LIKE = Pattern.compile(
      "(\\p{IsHan}{2,40}?(?:大队|支队|中队|执法局|管理局|局|委员会|办公室|中心))");
  private static final Pattern YEAR_OF_REPORT = Pattern.compile("((?:19|20)\\d{2})\\s*年度");
  private static final Pattern YEAR_IN_PROSE = Pattern.compile("((?:19|20)\\d{2})\\s*年");
  /** A year not part of a date: 填报日期 2021年4月22日 says when a form was filled, not its year. */
  private static final Pattern YEAR_NOT_DATE =
      Pattern.compile("((?:19|20)\\d{2})\\s*年(?!\\s*\\d{1,2}\\s*月)");
  /** The kind of report a title names: 项目(支出)(绩效)(目标)自评表 or 整体支出绩效自评报告. */
  private static final Pattern REPORT_KIND =
      Pattern.compile("(项目|整体)(?:支出)?(?:绩效)?(?:目标)?自评(?:表|报告)");
  /** A year of report the schema cannot take (e.g. 2999年度): said, not silently dropped. */
  private static final Pattern ANY_YEAR_OF_REPORT = Pattern.compile("(?<!\\d)(\\d{4})\\s*年度");

  private ReportExtractor() {}

  /**
   * Reads one document.
   *
   * @param bytes the file's bytes, exactly as stored
   * @param rawFile its path relative to the input root, '/'-separated; masked before use
   */
  public static Result extract(byte[] bytes, String rawFile) {
    String file = PiiMasker.mask(rawFile); // a file name can hold a name, a phone, an ID number
    String sha256 = Records.sha256Hex(bytes);
    DocumentText decoded;
    try {
      decoded = Formats.read(bytes, file);
    } catch (RejectedDocumentException e) {
      return new Result(file, sha256, Status.REJECTED, PiiMasker.mask(e.getMessage()), null,
          List.of());
    }
    // the encoding column names the format of a document that is not text (docx, pdf …)
    String encoding = decoded.encoding() != null ? decoded.encoding() : decoded.format();
    String[] lines = splitLines(PiiMasker.mask(decoded.text()));
    List<FormRecord> records = ValueChecks.check(new DocumentReader(lines, file, sha256,
        encoding, decoded.warnings()).read());
    if (records.isEmpty()) {
      return new Result(file, sha256, Status.REJECTED,
          "no self-evaluation form, stated figure or fiscal year found", encoding, List.of());
    }
    if (decoded.locations() != null) {
      records = Provenance.withLocations(records, decoded);
    }
    boolean warned = records.stream().anyMatch(r -> !r.warnings().isEmpty());
    return new Result(file, sha256, warned ? Status.PARSED_WITH_WARNINGS : Status.PARSED, null,
        encoding, records);
  }

  /**
   * Reads one file, which may be a .zip archive of documents: then each entry is a document with
   * its own outcome, named {@code archive.zip!/path/in/zip.docx}. An archive inside an archive
   * is not opened.
   */
  public static List<Result> extractAll(byte[] bytes, String file) {
    if (!Formats.isArchive(bytes)) {
      return List.of(extract(bytes, file));
    }
    List<Result> out = new ArrayList<>();
    String stopped = ZipReader.read(bytes, (path, entry, rejection) -> {
      String name = file + "!/" + path;
      if (rejection != null) {
        out.add(new Result(name, null, Status.REJECTED, rejection, null, List.of()));
      } else if (Formats.isArchive(entry)) {
        out.add(new Result(name, Records.sha256Hex(entry), Status.REJECTED,
            "archive inside an archive: not opened", null, List.of()));
      } else {
        out.add(extract(entry, name));
      }
    });
    if (stopped != null) {
      out.add(new Result(file, Records.sha256Hex(bytes), Status.REJECTED, stopped, "zip",
          List.of()));
    }
    return out;
  }

  /** Lines split on \n, \r\n or \r; a final newline does not make an extra empty line. */
  static String[] splitLines(String text) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    if (lines.length > 1 && lines[lines.length - 1].isEmpty()) {
      String[] trimmed = new String[lines.length - 1];
      System.arraycopy(lines, 0, trimmed, 0, trimmed.length);
      return trimmed;
    }
    return lines;
  }

  /** The reading of one document, in the order its parts depend on each other. */
  private static final class DocumentReader {
    private final String[] lines;
    private final String file;
    private final String sha256;
    private final String encoding;
    private final List<Warning> documentWarnings = new ArrayList<>();

    DocumentReader(String[] lines, String file, String sha256, String encoding,
        List<Warning> decodeWarnings) {
      this.lines = lines;
      this.file = file;
      this.sha256 = sha256;
      this.encoding = encoding;
      documentWarnings.addAll(decodeWarnings);
      pinyinWarning();
    }

    /**
     * PINYIN_ANNOTATIONS at the first line holding a sharing site's pinyin ({@code 預(yù)算}):
     * matching leaves it out ({@link Vocabulary#fold}), values keep it as printed.
     */
    private void pinyinWarning() {
      for (int i = 0; i < lines.length; i++) {
        if (PinyinAnnotations.holds(lines[i])) {
          documentWarnings.add(new Warning("PINYIN_ANNOTATIONS", "pinyin a document-sharing "
              + "site inserted after characters (預(yù)算) was left out where the form's words "
              + "were matched; values keep it as printed", i + 1));
          return;
        }
      }
    }

    List<FormRecord> read() {
      String[] compact = new String[lines.length];
      for (int i = 0; i < lines.length; i++) {
        compact[i] = Texts.compact(lines[i]);
      }
      TableText table = LayoutNormaliser.layout(lines);
      String[] tableLines = table.lines();
      String[] tableCompact = new String[tableLines.length];
      for (int i = 0; i < tableLines.length; i++) {
        tableCompact[i] = Vocabulary.fold(Texts.compact(tableLines[i]));
      }
      documentWarnings.addAll(table.warnings());
      List<TableBlock> blocks = new TableScanner(tableLines, tableCompact, table).scan();
      boolean[] inTable = new boolean[lines.length];
      List<ParsedForm> forms = new ArrayList<>();
      List<Fact> facts = new ArrayList<>();
      for (TableBlock block : blocks) {
        inTable[block.titleLine() - 1] = true;
        for (int l = block.firstLine(); l <= block.lastLine(); l++) {
          inTable[l - 1] = true;
        }
        String kind = FormKind.of(block);
        if (FormKind.BASIC_DATA.equals(kind)) {
          facts.addAll(BasicDataReader.read(block));
        } else {
          ParsedForm form = formOf(block, kind);
          if (form != null) {
            forms.add(form);
          }
        }
      }
      ProseReader prose = new ProseReader(lines, compact);
      Narrative unitNarrative = Narrative.none();
      Narrative projectNarrative = Narrative.none();
      for (ProseReader.Part part : prose.parts(inTable)) {
        facts.addAll(prose.facts(part));
        Narrative n = prose.narrative(part);
        if (part.project() && projectNarrative.problemsSection() == null) {
          projectNarrative = n;
        } else if (!part.project() && unitNarrative.problemsSection() == null) {
          unitNarrative = n;
        }
      }
      documentWarnings.addAll(ProseReader.conflicts(facts));
      Integer year = documentYear(forms);
      String unit = documentUnit(forms);
      if (forms.isEmpty()) {
        if (facts.isEmpty() && year == null) {
          return List.of();
        }
        return List.of(record(0, reportKind(), unit, year, null, false, Budget.empty(), null,
            null, 1, lines.length, facts, unitNarrative, documentWarnings, null));
      }
      List<FormRecord> records = new ArrayList<>();
      int factsAt = 0;
      for (int i = 0; i < forms.size(); i++) {
        if (FormKind.UNIT.equals(forms.get(i).kind())) {
          factsAt = i;
          break;
        }
      }
      Set<String> projects = new HashSet<>();
      for (int i = 0; i < forms.size(); i++) {
        ParsedForm f = forms.get(i);
        List<Warning> warnings = new ArrayList<>(f.warnings());
        if (i == 0) {
          warnings.addAll(0, documentWarnings);
        }
        if (f.projectName() != null && !projects.add(f.projectName())) {
          warnings.add(new Warning("DUPLICATE_PROJECT", "a second form for project "
              + f.projectName() + " in the same document", f.lineStart()));
        }
        Integer formYear = f.fiscalYear();
        if (formYear == null) {
          formYear = year;
          warnings.add(new Warning("YEAR_FROM_DOCUMENT",
              "the form's title states no year; the document's was used", f.lineStart()));
        }
        String formUnit = f.unitName() != null ? f.unitName() : unit;
        boolean project = FormKind.PROJECT.equals(f.kind());
        records.add(record(i, f.kind(), formUnit, formYear, f.projectName(), true, f.budget(),
            f, f.reportedTotal(), f.lineStart(), f.lineEnd(), i == factsAt ? facts : List.of(),
            project ? projectNarrative : unitNarrative, warnings, f.goals()));
      }
      return records;
    }

    /**
     * The form a table holds, null (with a warning) for an unfilled template or a table that is
     * no form. A table continued from a page or excerpt before it, its header left there, is read
     * by its rows' shape ({@link HeaderlessRows}): of the kind its own labels say (项目负责人 under
     * it), else the kind the document's titles name (a fragment naming none is not read).
     */
    private ParsedForm formOf(TableBlock block, String kind) {
      ParsedForm form = kind == null ? null : FormParser.parse(block, kind);
      if (form == null || form.isEmptyTemplate()) {
        String tailKind = kind != null ? kind : namedKind();
        ParsedForm tail = tailKind == null ? null : HeaderlessRows.read(block, tailKind);
        form = tail != null ? tail : form;
      }
      if (form == null) {
        documentWarnings.add(new Warning("TABLE_NOT_UNDERSTOOD",
            "a table that is neither a self-evaluation form nor a basic-data table was "
                + "skipped", block.titleLine()));
      } else if (form.isEmptyTemplate()) {
        documentWarnings.add(new Warning("EMPTY_TEMPLATE",
            "an unfilled form template was skipped", block.titleLine()));
        return null;
      }
      return form;
    }

    private FormRecord record(int formIndex, String kind, String unit, Integer year,
        String project, boolean table, Budget budget, ParsedForm form,
        io.selfeval.model.Figure total, int lineStart, int lineEnd, List<Fact> facts,
        Narrative narrative, List<Warning> warnings, io.selfeval.model.Goals goals) {
      return new FormRecord(FormRecord.SCHEMA_VERSION, Records.recordId(sha256, formIndex), NAME,
          new Source(file, sha256, formIndex, lineStart, lineEnd, encoding), unit, year, kind,
          FormKind.PROJECT.equals(kind) ? project : null, table, budget, goals,
          form == null ? List.of() : form.indicators(), total,
          form == null ? null : form.reportedTotalWeight(),
          form == null ? null : form.reportedGrade(), List.copyOf(facts), narrative,
          List.copyOf(warnings));
    }

    private Integer documentYear(List<ParsedForm> forms) {
      for (ParsedForm f : forms) {
        if (f.fiscalYear() != null) {
          return f.fiscalYear();
        }
      }
      for (String line : lines) {
        Matcher m = YEAR_OF_REPORT.matcher(line);
        if (m.find()) {
          return Integer.valueOf(m.group(1));
        }
      }
      for (int i = 0; i < lines.length; i++) {
        Matcher m = ANY_YEAR_OF_REPORT.matcher(lines[i]);
        if (m.find()) {
          documentWarnings.add(new Warning("YEAR_OUT_OF_RANGE", "the report is of the year "
              + m.group(1) + ", outside 1990-2100; no fiscal year taken", i + 1));
          return null;
        }
      }
      for (Pattern year : List.of(YEAR_NOT_DATE, YEAR_IN_PROSE)) {
        for (int i = 0; i < lines.length; i++) {
          Matcher m = year.matcher(lines[i]);
          if (m.find()) {
            documentWarnings.add(new Warning("YEAR_FROM_PROSE",
                "no title states the year; the first year in the text was taken", i + 1));
            return Integer.valueOf(m.group(1));
          }
        }
      }
      documentWarnings.add(new Warning("NO_YEAR", "no fiscal year found", null));
      return null;
    }

    /**
     * The kind of a report read without a form table: project when the first title naming a kind
     * of self-evaluation is a 项目 one (…项目支出绩效自评表, …项目自评表), unit otherwise.
     */
    private String reportKind() {
      String named = namedKind();
      return named == null ? FormKind.UNIT : named;
    }

    /** The kind the first title naming a kind of self-evaluation names; null when none does. */
    private String namedKind() {
      for (String line : lines) {
        Matcher m = REPORT_KIND.matcher(Vocabulary.fold(Texts.compact(line)));
        if (m.find()) {
          return m.group(1).equals("项目") ? FormKind.PROJECT : FormKind.UNIT;
        }
      }
      return null;
    }

    private String documentUnit(List<ParsedForm> forms) {
      for (ParsedForm f : forms) {
        if (FormKind.UNIT.equals(f.kind()) && f.unitName() != null) {
          return f.unitName();
        }
      }
      for (String line : lines) {
        Matcher m = LABELLED_UNIT.matcher(Texts.clean(line) == null ? "" : Texts.clean(line));
        if (m.matches() && FieldText.untilNextField(m.group(1)) != null) {
          return FieldText.untilNextField(m.group(1));
        }
      }
      for (String line : lines) {
        String c = Texts.clean(line);
        Matcher m = TITLE_UNIT.matcher(c == null ? "" : c);
        if (m.matches() && !m.group(1).matches("(部门|单位|预算单位)+")) {
          return Texts.clean(m.group(1));
        }
      }
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].contains("基本情况")) {
          continue;
        }
        for (int j = i; j < Math.min(lines.length, i + 4); j++) {
          Matcher m = UNIT_LIKE.matcher(lines[j]);
          if (m.find()) {
            documentWarnings.add(new Warning("UNIT_FROM_PROSE",
                "no label names the unit; the first unit-like name in 基本情况 was taken",
                j + 1));
            return m.group(1);
          }
        }
      }
      for (ParsedForm f : forms) {
        if (f.unitName() != null) {
          return f.unitName();
        }
      }
      documentWarnings.add(new Warning("NO_UNIT", "no unit name found", null));
      return null;
    }
  }
}
