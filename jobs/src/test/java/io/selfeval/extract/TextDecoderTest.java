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
}
