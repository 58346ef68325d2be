package io.selfeval.extract.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.selfeval.extract.RejectedDocumentException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DetectorTest {

  @Test
  void officeFilesAreToldApartByTheirParts() throws Exception {
    assertEquals(DocumentFormat.DOCX, Detector.byContent(SampleWriters.docx()));
    assertEquals(DocumentFormat.XLSX, Detector.byContent(SampleWriters.xlsx()));
    assertEquals(DocumentFormat.XLS, Detector.byContent(SampleWriters.xls()));
  }

  @Test
  void textHtmlAndPdfByTheirFirstBytes() throws Exception {
    assertEquals(DocumentFormat.TEXT, Detector.byContent(utf8("2023年度自评报告\n")));
    assertEquals(DocumentFormat.HTML,
        Detector.byContent(utf8("\uFEFF  \n<!doctype html><html><body>x</body></html>")));
    assertEquals(DocumentFormat.HTML, Detector.byContent(utf8("<table><tr><td>1</td></tr>")));
    assertEquals(DocumentFormat.PDF, Detector.byContent(utf8("%PDF-1.7\n%âãÏÓ\n")));
  }

  @Test
  void mismatchedNameIsWarningAndMatchingOneNone() throws Exception {
    Detector.Detection d = Detector.detect(SampleWriters.xlsx(), "report.doc");
    assertEquals(DocumentFormat.XLSX, d.format());
    assertEquals("EXTENSION_MISMATCH", d.warning().code());
    assertNull(Detector.detect(SampleWriters.xlsx(), "report.XLSM").warning());
    assertNull(Detector.detect(utf8("2023年度"), "no-extension").warning());
  }

  @Test
  void unreadBinariesAreRejectedSayingWhatTheyAre() {
    byte[] rar = {'R', 'a', 'r', '!', 0x1A, 0x07, 0x00, 0, 0, 0};
    RejectedDocumentException e =
        assertThrows(RejectedDocumentException.class, () -> Detector.byContent(rar));
    assertTrue(e.getMessage().startsWith("RAR archive"), e.getMessage());
    byte[] rtf = utf8("{\\rtf1\\ansi 2023}");
    e = assertThrows(RejectedDocumentException.class, () -> Detector.byContent(rtf));
    assertTrue(e.getMessage().startsWith("RTF"), e.getMessage());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
