package io.selfeval.extract.format;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Optical character recognition of scanned pages with the Tesseract command line
 * ({@code tesseract}, Debian packages {@code tesseract-ocr tesseract-ocr-chi-sim}). Its TSV output
 * gives each word's box, which {@link PdfLayout} groups into lines and cells like PDF text.
 */
final class Ocr {

  static final String COMMAND = "tesseract";
  static final String LANGUAGES = "chi_sim+eng";
  /** A page that takes longer is abandoned. */
  static final long PAGE_TIMEOUT_SECONDS = 180;

  private static volatile Boolean available;

  private Ocr() {}

  /** True when {@code tesseract} runs and has the simplified Chinese model. */
  static boolean available() {
    Boolean a = available;
    if (a == null) {
      a = probe();
      available = a;
    }
    return a;
  }

  private static boolean probe() {
    try {
      Process p = new ProcessBuilder(COMMAND, "--list-langs").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && out.contains("chi_sim");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The words Tesseract reads on a page image, with their boxes in pixels. */
  static List<PdfLayout.Box> words(BufferedImage image) throws IOException {
    Path dir = Files.createTempDirectory("selfeval-ocr");
    Path png = dir.resolve("page.png");
    Path tsv = dir.resolve("page.tsv");
    try {
      ImageIO.write(image, "png", png.toFile());
      Process p = new ProcessBuilder(COMMAND, png.toString(), dir.resolve("page").toString(),
          "-l", LANGUAGES, "--psm", "6", "tsv").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(PAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("OCR took longer than " + PAGE_TIMEOUT_SECONDS + " s");
      }
      List<PdfLayout.Box> out = new ArrayList<>();
      if (Files.exists(tsv)) {
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
          PdfLayout.Box b = box(line);
          if (b != null) {
            out.add(b);
          }
        }
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("OCR interrupted", e);
    } finally {
      Files.deleteIfExists(png);
      Files.deleteIfExists(tsv);
      Files.deleteIfExists(dir);
    }
  }

  /**
   * A TSV row of level 5 (a word): level, page, block, par, line, word, left, top, width,
   * height, conf, text.
   */
  static PdfLayout.Box box(String tsv) {
    String[] f = tsv.split("\t", -1);
    if (f.length < 12 || !f[0].equals("5") || f[11].isBlank()) {
      return null;
    }
    try {
      return new PdfLayout.Box(f[11], Float.parseFloat(f[6]), Float.parseFloat(f[7]),
          Float.parseFloat(f[8]), Float.parseFloat(f[9]));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
