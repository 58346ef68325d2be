#!/usr/bin/env bash
# Renders generated .docx reports to Word 97-2003 .doc with LibreOffice headless (POI cannot write
# HWPF), for the .doc fixture DocCorpusTest reads (jobs/src/test/resources/formats/doc/).
#
# Needs: libreoffice-writer-nogui (apt-get install -y ...) and a built tree (mvn -o -q compile).
# Usage: dev/render-doc.sh OUT [DOCS=1] [SEED=31] [UNITS=30]
#   writes OUT/corpus (a generate --formats corpus), OUT/reports/<unit>-<year>.doc and
#   OUT/manifest.json (those documents' manifest entries, "format": "doc", file names changed).
set -euo pipefail
out=${1:?usage: dev/render-doc.sh OUT [DOCS] [SEED] [UNITS]}
docs=${2:-1}
seed=${3:-31}
units=${4:-30}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
command -v soffice >/dev/null || { echo "render-doc: soffice not installed" >&2; exit 2; }
cp_file=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$cp_file" "$work"' EXIT
(cd "$root" && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null)
cp="$root/target/classes:$(cat "$cp_file")"
mkdir -p "$out/reports"
java -cp "$cp" io.selfeval.cli.SelfevalCli generate --out "$out/corpus" --units "$units" \
  --years 1 --seed "$seed" --formats
mapfile -t docx < <(python3 - "$out/corpus/manifest.json" "$docs" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
print('\n'.join(sorted(d['file'] for d in m['documents'] if d['format'] == 'docx')[:int(sys.argv[2])]))
PY
)
for f in "${docx[@]}"; do
  name=$(echo "${f%.docx}" | tr / -)
  cp "$out/corpus/reports/$f" "$work/$name.docx"
  soffice --headless --convert-to doc --outdir "$out/reports" "$work/$name.docx" >/dev/null
done
python3 - "$out/corpus/manifest.json" "$out/manifest.json" "${docx[@]}" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
chosen = sys.argv[3:]
docs = [dict(d, file=d['file'][:-len('.docx')].replace('/', '-') + '.doc', format='doc')
        for d in m['documents'] if d['file'] in chosen]
keep = {k: m[k] for k in ('synthetic', 'generator', 'seed', 'units', 'years', 'first_year',
                          'layouts')}
keep['source'] = 'dev/render-doc.sh: a generated .docx saved as .doc by LibreOffice'
keep['documents'] = docs
json.dump(keep, open(sys.argv[2], 'w'), ensure_ascii=False, indent=1)
PY
ls -la "$out/reports"
