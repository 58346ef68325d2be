import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * dev/render-pdfs.sh's last step: page images (PNG, one a page, in order, made black and white and stored as CCITT G4) into an image-only
 * PDF, each page the size of its image at 300 dpi, no text layer: a scanned report.
 * Usage: java -cp PDFBOX_CLASSPATH dev/ImagesToPdf.java OUT.pdf PAGE1.png [PAGE2.png ...]
 */
public final class ImagesToPdf {
  public static void main(String[] args) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      for (int i = 1; i < args.length; i++) {
        BufferedImage read = ImageIO.read(new File(args[i]));
        // black and white, stored as fax (CCITT G4) data as office scanners store it
        BufferedImage bw = new BufferedImage(read.getWidth(), read.getHeight(),
            BufferedImage.TYPE_BYTE_BINARY);
        bw.getGraphics().drawImage(read, 0, 0, null);
        PDImageXObject image = CCITTFactory.createFromImage(doc, bw);
        // the page as large as the image at 300 dpi, the resolution it was rendered at
        PDRectangle size = new PDRectangle(read.getWidth() * 72f / 300,
            read.getHeight() * 72f / 300);
        PDPage page = new PDPage(size);
        doc.addPage(page);
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
          s.drawImage(image, 0, 0, size.getWidth(), size.getHeight());
        }
      }
      doc.save(new File(args[0]));
    }
  }
}
