#!/usr/bin/env bash
# Renders generated .docx reports to PDF with LibreOffice headless and rasterises some of them
# into image-only (scanned) PDFs with poppler, for the PDF measurements (issue 17). CI has no
# LibreOffice: the few PDFs this writes are committed as test resources with their truth
# (jobs/src/test/resources/formats/pdf/, read by PdfCorpusIT).
#
# Needs: libreoffice-writer-nogui, fonts-noto-cjk, poppler-utils (apt-get install -y ...), and a
#        built tree (mvn -o -q compile) for the generator and PDFBox.
# Usage: dev/render-pdfs.sh OUT [TEXT_PDFS=4] [SCANNED=2] [SEED=31] [UNITS=30]
#   writes OUT/corpus (a generate --formats corpus), OUT/reports/<unit>-<year>.pdf (text) and
#   OUT/reports/<unit>-<year>-scan.pdf (image-only, 300 dpi black and white, CCITT G4), OUT/manifest.json (the
#   manifest's entries of those documents, "format": "pdf" or "pdf_scan", file names changed).
set -euo pipefail
out=${1:?usage: dev/render-pdfs.sh OUT [TEXT_PDFS] [SCANNED] [SEED] [UNITS]}
text_pdfs=${2:-4}
scanned=${3:-2}
seed=${4:-31}
units=${5:-30}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "render-pdfs: $tool not installed" >&2; exit 2; }
done
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
(cd "$root" && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null)
cp="$root/target/classes:$(cat "$cp_file")"
mkdir -p "$out/reports"
java -cp "$cp" io.selfeval.cli.SelfevalCli generate --out "$out/corpus" --units "$units" \
  --years 1 --seed "$seed" --formats
mapfile -t docx < <(python3 - "$out/corpus/manifest.json" "$text_pdfs" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
docs = [d['file'] for d in m['documents'] if d['format'] == 'docx']
print('\n'.join(sorted(docs)[:int(sys.argv[2])]))
PY
)
work=$(mktemp -d)
for f in "${docx[@]}"; do
  name=$(echo "${f%.docx}" | tr / -)
  cp "$out/corpus/reports/$f" "$work/$name.docx"
  soffice --headless --convert-to pdf --outdir "$out/reports" "$work/$name.docx" >/dev/null
done
n=0
for f in "${docx[@]}"; do
  [[ $n -lt $scanned ]] || break
  n=$((n + 1))
  name=$(echo "${f%.docx}" | tr / -)
  pdftoppm -r 300 -mono -png "$out/reports/$name.pdf" "$work/$name-page"
  java -cp "$cp" "$root/dev/ImagesToPdf.java" "$out/reports/$name-scan.pdf" \
    $(ls "$work/$name"-page*.png | sort)
done
rm -rf "$work"
python3 - "$out/corpus/manifest.json" "$out/manifest.json" "$scanned" "${docx[@]}" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
chosen = sys.argv[4:]
scanned = set(chosen[:int(sys.argv[3])])
docs = []
for d in m['documents']:
    if d['file'] not in chosen:
        continue
    name = d['file'][:-len('.docx')].replace('/', '-')
    for fmt, suffix in (('pdf', ''), ('pdf_scan', '-scan')):
        if fmt == 'pdf_scan' and d['file'] not in scanned:
            continue
        e = dict(d, file=name + suffix + '.pdf', format=fmt)
        docs.append(e)
keep = {k: m[k] for k in ('synthetic', 'generator', 'seed', 'units', 'years', 'first_year',
                          'layouts')}
keep['source'] = 'dev/render-pdfs.sh: generated .docx rendered by LibreOffice, scans by poppler'
keep['documents'] = docs
json.dump(keep, open(sys.argv[2], 'w'), ensure_ascii=False, indent=1)
PY
ls -la "$out/reports"
