package io.selfeval.extract.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.selfeval.extract.ReportExtractor;
import io.selfeval.model.FormRecord;
import java.io.File;
import org.junit.jupiter.api.Test;

/**
 * {@link SampleForm} printed to PDF by PDFBox with a CJK font found on the machine; skipped, with
 * the reason, where there is none (Debian: {@code apt-get install fonts-wqy-microhei}).
 */
class PdfFormTest {

  private static final File FONT = SamplePdf.cjkFont();

  @Test
  void textPdfFormIsReadFromGlyphPositions() throws Exception {
    assumeTrue(FONT != null, "no CJK TrueType font under /usr/share/fonts: PDF test skipped");
    ReportExtractor.Result result =
        ReportExtractor.extract(SamplePdf.textPdf(FONT), "自评.pdf");
    FormRecord r = FormatReadersTest.only(result);
    FormatReadersTest.assertSampleValues(r);
    assertEquals("pdf", r.source().format());
    // the title at line 2 of the page, the form's rows from line 3: 保洁道路面积 is row 9
    assertEquals("page 1 line 11",
        FormatReadersTest.locationOf(r, r.indicators().get(0).line()));
  }

  @Test
  void scannedPdfIsReadByOcrOrRejectedSayingOcrIsMissing() throws Exception {
    assumeTrue(FONT != null, "no CJK TrueType font under /usr/share/fonts: PDF test skipped");
    byte[] scan = SamplePdf.scannedPdf(SamplePdf.textPdf(FONT));
    ReportExtractor.Result result = ReportExtractor.extract(scan, "扫描件.pdf");
    if (!Ocr.available()) {
      assertEquals(ReportExtractor.Status.REJECTED, result.status());
      assertEquals("image-only PDF: OCR not installed", result.reason());
      return;
    }
    FormRecord r = FormatReadersTest.only(result);
    assertEquals("pdf (ocr)", r.source().format());
    assertTrue(FormatReadersTest.codes(r).contains("OCR"), r.warnings().toString());
    FormatReadersTest.assertSampleFigures(r);
  }
}
