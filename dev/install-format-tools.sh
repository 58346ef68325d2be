#!/usr/bin/env bash
# Optional tools for the document formats (README "Inputs the extractor reads"): Tesseract with
# its simplified Chinese model reads scanned PDFs; a CJK TrueType font lets PdfFormTest print its
# PDF (the test is skipped without one). Debian/Ubuntu, as root.
set -euo pipefail
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q tesseract-ocr tesseract-ocr-chi-sim \
  fonts-wqy-microhei
tesseract --list-langs
