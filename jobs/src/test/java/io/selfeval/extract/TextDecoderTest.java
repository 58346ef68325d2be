package io.selfeval.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

  private static final String REPORT = "2021年度部门整体支出绩效自评表\n部门名称\t株洲市城管支队\n"
      + "总分\t100\t98.5\t等级：优\n";

  private static byte[] withPrefix(byte[] prefix, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(prefix);
    out.writeBytes(body);
    return out.toByteArray();
  }

  @Test
  void readsUtf8WithAndWithoutBom() throws Exception {
    byte[] utf8 = REPORT.getBytes(StandardCharsets.UTF_8);
    assertEquals(new TextDecoder.Decoded(REPORT, "UTF-8"), TextDecoder.decode(utf8));
    byte[] bom = withPrefix(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8);
    assertEquals(new TextDecoder.Decoded(REPORT, "UTF-8 (BOM)"), TextDecoder.decode(bom));
  }

  @Test
  void readsGb18030AndGbk() throws Exception {
    assertEquals(new TextDecoder.Decoded(REPORT, "GB18030"),
        TextDecoder.decode(REPORT.getBytes(Charset.forName("GB18030"))));
    assertEquals(new TextDecoder.Decoded(REPORT, "GB18030"),
        TextDecoder.decode(REPORT.getBytes(Charset.forName("GBK"))));
  }

  @Test
  void readsUtf16WithBom() throws Exception {
    byte[] le = withPrefix(new byte[] {(byte) 0xFF, (byte) 0xFE},
        REPORT.getBytes(StandardCharsets.UTF_16LE));
    byte[] be = withPrefix(new byte[] {(byte) 0xFE, (byte) 0xFF},
        REPORT.getBytes(StandardCharsets.UTF_16BE));
    assertEquals(new TextDecoder.Decoded(REPORT, "UTF-16LE"), TextDecoder.decode(le));
    assertEquals(new TextDecoder.Decoded(REPORT, "UTF-16BE"), TextDecoder.decode(be));
  }

  @Test
  void rejectsEmptyBinaryAndUndecodableBytes() {
    assertReason(new byte[0], "empty file");
    assertReason("  \n\t\n".getBytes(StandardCharsets.UTF_8), "empty file");
    assertReason(new byte[] {0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00}, "binary");
    assertReason(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0xFF, 0x41}, "not valid");
    byte[] controls = new byte[200];
    java.util.Arrays.fill(controls, (byte) 0x07);
    assertReason(controls, "binary");
  }

  private static void assertReason(byte[] bytes, String expected) {
    RejectedDocumentException e = assertThrows(RejectedDocumentException.class,
        () -> TextDecoder.decode(bytes));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  // The cases below were found by the bad-input corpus (test resources bad-inputs/).

  private static java.util.List<String> codes(TextDecoder.Decoded d) {
    return d.warnings().stream().map(io.selfeval.model.Warning::code).toList();
  }

  @Test
  void utf8CutInsideItsLastCharacterIsStillUtf8() throws Exception {
    byte[] utf8 = REPORT.getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(utf8, utf8.length - 3); // "优\n" -> first byte of 优
    TextDecoder.Decoded d = TextDecoder.decode(cut);
    assertEquals("UTF-8", d.encoding());
    assertEquals(REPORT.substring(0, REPORT.length() - 2), d.text());
    assertEquals(java.util.List.of("TRUNCATED_CHARACTER"), codes(d));
    assertEquals(3, d.warnings().get(0).line());
  }

  @Test
  void nulPaddingAtTheEndIsIgnoredWithWarning() throws Exception {
    byte[] padded = withPrefix(REPORT.getBytes(StandardCharsets.UTF_8), new byte[4096]);
    TextDecoder.Decoded d = TextDecoder.decode(padded);
    assertEquals(REPORT, d.text());
    assertEquals(java.util.List.of("ZERO_FILLED_TAIL"), codes(d));
    assertTrue(d.warnings().get(0).message().startsWith("4096 NUL bytes"));
    assertReason(new byte[512], "NUL bytes only");
    assertReason(withPrefix(new byte[] {0x41, 0, 0x42}, new byte[4]), "NUL bytes");
  }

  @Test
  void linesOfGbkAmongUtf8OnesAreEachReadInTheirOwnEncoding() throws Exception {
    String prose = "2021年度部门整体支出绩效自评报告\n编制单位：株洲市城管支队\n";
    byte[] mixed = withPrefix(prose.getBytes(StandardCharsets.UTF_8),
        REPORT.getBytes(Charset.forName("GBK")));
    TextDecoder.Decoded d = TextDecoder.decode(mixed);
    assertEquals(prose + REPORT, d.text());
    assertEquals("UTF-8 and GB18030 (mixed)", d.encoding());
    assertEquals(java.util.List.of("MIXED_ENCODING"), codes(d));
    assertEquals(3, d.warnings().get(0).line());
    assertTrue(d.warnings().get(0).message().endsWith("GB18030 lines: 3-5"),
        d.warnings().get(0).message());
  }

  @Test
  void textThatWentThroughWrongEncodingIsRefusedSayingSo() {
    String mojibake = new String(REPORT.getBytes(StandardCharsets.UTF_8),
        Charset.forName("windows-1252"));
    assertReason(mojibake.getBytes(StandardCharsets.UTF_8), "mojibake");
    String latin1 = new String(REPORT.getBytes(StandardCharsets.UTF_8),
        StandardCharsets.ISO_8859_1);
    assertReason(latin1.getBytes(StandardCharsets.UTF_8), "mojibake");
    String lost = new String(REPORT.getBytes(Charset.forName("GBK")), StandardCharsets.UTF_8);
    assertReason(lost.getBytes(StandardCharsets.UTF_8), "U+FFFD");
  }

  @Test
  void fewReplacementCharactersAreReadWithWarningOnTheirLine() throws Exception {
    String text = REPORT.replace("株洲", "\uFFFD洲"); // U+FFFD for 株
    TextDecoder.Decoded d = TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8));
    assertEquals(text, d.text());
    assertEquals(java.util.List.of("REPLACEMENT_CHARACTERS"), codes(d));
    assertEquals(2, d.warnings().get(0).line());
  }

  @Test
  void webPageSavedAsTextIsRefused() {
    assertReason(("<!DOCTYPE html>\n<html><body><p>" + REPORT + "</p></body></html>")
        .getBytes(StandardCharsets.UTF_8), "HTML");
    assertReason(("\t<table>\n\t\t<tr><td>部门名称</td><td>株洲市城管支队</td></tr>\n</table>")
        .getBytes(StandardCharsets.UTF_8), "HTML");
  }
}
