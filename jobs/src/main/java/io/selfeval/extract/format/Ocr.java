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
  /** The Chinese model alone: worse at digits, but it never reads a Chinese glyph as Latin. */
  static final String CHINESE = "chi_sim";
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
    return words(List.of(image), 6, LANGUAGES).get(0);
  }

  /**
   * The words Tesseract reads on each of several images (the cells of a scanned table), with
   * their boxes in each image's pixels, in one run of Tesseract (its models are loaded once).
   *
   * @param psm Tesseract's page segmentation mode: 6 a block of text, 7 a single line
   * @param languages Tesseract's models, {@link #LANGUAGES} or {@link #CHINESE}
   */
  static List<List<PdfLayout.Box>> words(List<BufferedImage> images, int psm,
      String languages) throws IOException {
    List<List<PdfLayout.Box>> out = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      out.add(new ArrayList<>());
    }
    if (images.isEmpty()) {
      return out;
    }
    Path dir = Files.createTempDirectory("selfeval-ocr");
    Path list = dir.resolve("images.txt");
    Path tsv = dir.resolve("words.tsv");
    List<Path> files = new ArrayList<>();
    try {
      for (int i = 0; i < images.size(); i++) {
        Path png = dir.resolve("image" + i + ".png");
        ImageIO.write(images.get(i), "png", png.toFile());
        files.add(png);
      }
      Files.write(list, files.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
      Process p = new ProcessBuilder(COMMAND, images.size() == 1 ? files.get(0).toString()
          : list.toString(), dir.resolve("words").toString(), "-l", languages, "--psm",
          Integer.toString(psm), "tsv").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(PAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("OCR took longer than " + PAGE_TIMEOUT_SECONDS + " s");
      }
      if (Files.exists(tsv)) {
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
          PdfLayout.Box b = box(line);
          int image = image(line);
          if (b != null && image >= 0 && image < out.size()) {
            out.get(image).add(b);
          }
        }
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("OCR interrupted", e);
    } finally {
      for (Path f : files) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(list);
      Files.deleteIfExists(tsv);
      Files.deleteIfExists(dir);
    }
  }

  /** The image a TSV row is of (Tesseract counts the images of a list as pages from 1). */
  private static int image(String tsv) {
    String[] f = tsv.split("\t", 3);
    try {
      return f.length < 3 ? -1 : Integer.parseInt(f[1]) - 1;
    } catch (NumberFormatException e) {
      return -1;
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
