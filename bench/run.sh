#!/usr/bin/env bash
# The benchmark harness of issue #9: generated corpora of N forms, the pipeline timed per stage
# cold and warm, the DuckDB peer of the analysis beside it, and an incremental run. Prints a table
# and appends its figures to a CSV that is kept (see bench/README.md).
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/run.sh [--forms N[,N...]] [--out DIR] [--work DIR] [--seed S]
                    [--no-warm] [--no-duckdb] [--no-incremental]

For each size N (default 1000; e.g. --forms 10000,100000,1000000):
  1. generates a corpus of about 1.01 x N forms with `selfeval generate` (5 years,
     units = N / (5 x 2.05 forms per document); the generator has at most 576 units, so
     past about 5,800 forms the units are 576 or fewer and the years more) and holds back
     every 100th document;
  2. cold: `bin/selfeval run` in a fresh JVM on the other ~N forms into a fresh warehouse;
     stage seconds from the run's log lines, peak memory = max RSS from /usr/bin/time -v;
  3. warm: one JVM (io.selfeval.bench.BenchRunner, test scope) runs the pipeline on a small
     warm-up corpus, then on the same N forms into a fresh warehouse; stage seconds from the
     runs ledger, peak memory = the JVM's VmHWM; then exports the normalised tables to parquet;
  4. DuckDB: bench/duckdb/*.sql over that parquet (Python duckdb in target/bench-venv, made
     here with pip: from file:///opt/pypi/simple when that mirror exists, else from pip's
     configured index), each output compared row for row with Spark's int_ table;
  5. incremental: the held-back 1 % of documents added, `bin/selfeval run` again on the cold
     warehouse.
Prints every figure as it is measured and the ratios Spark/DuckDB, incremental/full and
warm/cold per size, appends every figure to DIR/bench.csv (default bench/results) and ends with
that CSV as one table (bench/table.sh). Work files go to --work (default target/bench,
removed per size after its figures are written).

Options:
  --forms LIST      comma-separated corpus sizes in forms (default 1000)
  --out DIR         folder of the kept CSV (default bench/results)
  --work DIR        scratch folder for corpora and warehouses (default target/bench)
  --seed S          generator seed (default 1)
  --no-warm         skip the warm run (and so the DuckDB peer, which reads its export)
  --no-duckdb       skip the DuckDB peer
  --no-incremental  skip the incremental run
  -h, --help        this text

Environment: SELFEVAL_DRIVER_MEMORY (default 4g) is the heap of both JVMs.
EOF
}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
forms_list=1000
out="$root/bench/results"
work="$root/target/bench"
seed=1
warm=1
duck=1
incremental=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --forms) forms_list=${2:?--forms needs a value}; shift 2 ;;
    --out) out=${2:?--out needs a value}; shift 2 ;;
    --work) work=${2:?--work needs a value}; shift 2 ;;
    --seed) seed=${2:?--seed needs a value}; shift 2 ;;
    --no-warm) warm=0; duck=0; shift ;;
    --no-duckdb) duck=0; shift ;;
    --no-incremental) incremental=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for n in ${forms_list//,/ }; do
  [[ "$n" =~ ^[0-9]+$ && "$n" -ge 100 ]] || {
    echo "bench/run.sh: --forms takes sizes of at least 100, got '$n'" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "bench/run.sh: needs /usr/bin/time (GNU time)" >&2; exit 1; }

# measured on generated corpora: 2.05 forms per unit-year document, 9 indicator rows per form
readonly FORMS_PER_DOCUMENT=2.05 YEARS=5
# the DuckDB of the peer: the version dev/duckdb-reader pins for Node.js
readonly DUCKDB_VERSION=1.5.6
# the generator's name pools make at most 576 distinct units
readonly MAX_UNITS=576
mkdir -p "$out" "$work"
out=$(cd "$out" && pwd)
work=$(cd "$work" && pwd)
csv="$out/bench.csv"
[[ -f "$csv" ]] || echo "measured_at,commit,cores,memory_gib,size,documents,forms,indicator_rows,\
mode,stage,seconds,forms_per_second,peak_rss_mib,load_average" > "$csv"
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
cores=$(nproc)
mem_gib=$(awk '/MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)

log() { echo "bench: $*" >&2; }

build() {
  log "building the jar and the test classes (BenchRunner)"
  (cd "$root" && bin/selfeval --version >/dev/null &&
    mvn -B -o -q -Dcheckstyle.skip -Dselfeval.skipNotebooks test-compile) >&2
}

# seconds since the epoch, with decimals
now() { date +%s.%N; }

# the "[k/4] stage done in X s" log lines of a run -> "stage seconds" lines
stage_lines() {
  sed -nE 's/.*\[[0-9]\/4\] (extract|load|analyse|publish) [a-z: ]+ in ([0-9.]+) s.*/\1 \2/p' "$1"
}

max_rss_mib() {
  awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"
}

# record MODE STAGE SECONDS FORMS_FOR_RATE PEAK_MIB (and $load_average: the 1-minute load
# average when the measured run started; other work on the machine shows there)
record() {
  local rate
  rate=$(awk -v f="$4" -v s="$3" 'BEGIN {
    if (s > 0) printf (f / s < 10 ? "%.2f" : "%.1f"), f / s; else print "" }')
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ),$commit,$cores,$mem_gib,$size,$documents,$forms,\
$indicator_rows,$1,$2,$3,$rate,$5,$load_average" >> "$csv"
  printf '%-12s %-9s %9s s %12s forms/s %8s MiB\n' "$1" "$2" "$3" "$rate" "${5:--}"
}

# cold_run MODE INPUT WAREHOUSE FORMS_FOR_RATE: a fresh JVM, bin/selfeval run (an empty
# FORMS_FOR_RATE: the forms this run reports, which then become the size's $forms; for the
# incremental run, the forms it added)
cold_run() {
  local mode=$1 input=$2 wh=$3 rate_forms=$4 err="$work/$1.err" t0 t1 code=0
  log "$mode: bin/selfeval run --input $input --warehouse $wh"
  load_average=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(now)
  SELFEVAL_PROGRESS=plain /usr/bin/time -v "$root/bin/selfeval" run --input "$input" \
    --warehouse "$wh" > "$work/$mode.out" 2> "$err" || code=$?
  t1=$(now)
  if [[ $code -ne 0 && $code -ne 4 ]]; then
    log "$mode run failed (exit $code); last lines of $err:"; tail -20 "$err" >&2; exit 1
  fi
  if [[ $mode == incremental ]]; then
    # the new forms: the forms after this run less those before it
    rate_forms=$(( $(sed -nE 's/.*; ([0-9]+) forms, [0-9]+ flags.*/\1/p' "$work/$mode.out" |
      tail -1) - forms ))
    log "$mode run: $rate_forms new forms"
  elif [[ -z "$forms" ]]; then
    # the first run of a size: its summary line names the forms, extract's the indicator rows
    forms=$(sed -nE 's/.*; ([0-9]+) forms, [0-9]+ flags.*/\1/p' "$work/$mode.out" | tail -1)
    indicator_rows=$(sed -nE 's/.* ([0-9]+) indicator rows.*/\1/p' "$err" | head -1)
    log "$mode run: $forms forms, $indicator_rows indicator rows"
    rate_forms=$forms
  fi
  local peak total
  peak=$(max_rss_mib "$err")
  total=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  while read -r stage secs; do
    record "$mode" "$stage" "$secs" "$rate_forms" ""
  done < <(stage_lines "$err")
  record "$mode" total "$total" "$rate_forms" "$peak"
  eval "${mode}_total=$total"
  eval "${mode}_analyse=$(stage_lines "$err" | awk '$1 == "analyse" {print $2}')"
}

venv() {
  local v="$root/target/bench-venv"
  if [[ ! -x "$v/bin/python" ]] || [[ "$("$v/bin/python" -c \
      'import duckdb; print(duckdb.__version__)' 2>/dev/null)" != "$DUCKDB_VERSION" ]]; then
    log "making $v with the duckdb package (pip)"
    python3 -m venv "$v"
    if [[ -d /opt/pypi/simple ]]; then
      "$v/bin/pip" install -q --index-url file:///opt/pypi/simple "duckdb==$DUCKDB_VERSION" >&2
    else
      "$v/bin/pip" install -q "duckdb==$DUCKDB_VERSION" >&2
    fi
  fi
  echo "$v/bin/python"
}

build
for size in ${forms_list//,/ }; do
  dir="$work/size-$size"
  rm -rf "$dir"
  mkdir -p "$dir"
  # 5 years; past MAX_UNITS units, more years (so 100 k and 1 M forms span many years)
  read -r units years < <(awk -v n="$size" -v f="$FORMS_PER_DOCUMENT" -v y="$YEARS" \
    -v m="$MAX_UNITS" 'function up(x) { return (x == int(x)) ? x : int(x) + 1 }
    BEGIN { d = n * 1.01 / f; if (d / y > m) y = up(d / m); print up(d / y), y }')
  log "size $size: generating $units units x $years years (seed $seed)"
  "$root/bin/selfeval" generate --units "$units" --years "$years" --seed "$seed" \
    --out "$dir/corpus" >&2
  # every 100th document (in path order) arrives late: the increment
  mkdir -p "$dir/held"
  # (the last one too when there are fewer than 100, so that the increment is never empty)
  (cd "$dir/corpus/reports" && find . -type f -name '*.txt' | sort) > "$dir/documents.txt"
  awk -v n="$(wc -l < "$dir/documents.txt")" 'NR % 100 == 0 || (n < 100 && NR == n)' \
    "$dir/documents.txt" |
    while read -r f; do
      mkdir -p "$dir/held/$(dirname "$f")"
      mv "$dir/corpus/reports/$f" "$dir/held/$f"
    done
  held=$(find "$dir/held" -type f | wc -l)

  documents=$(find "$dir/corpus/reports" -type f | wc -l)
  forms=""
  indicator_rows=""
  echo
  echo "== $size forms requested: corpus of $documents documents (+ $held held back) =="
  cold_run cold "$dir/corpus/reports" "$dir/wh-cold" ""

  if [[ $warm -eq 1 ]]; then
    warmup="$work/warmup"
    [[ -d "$warmup/reports" ]] || "$root/bin/selfeval" generate --units 10 --years "$YEARS" \
      --seed $((seed + 1)) --out "$warmup" >&2
    load_average=$(cut -d' ' -f1 /proc/loadavg)
    log "warm: BenchRunner (warm-up on $warmup, then the corpus) and the parquet export"
    # shellcheck disable=SC2207
    opens=($(cat "$root/target/jvm-opens.txt"))
    SELFEVAL_PROGRESS=off java -Xmx"${SELFEVAL_DRIVER_MEMORY:-4g}" -Dfile.encoding=UTF-8 \
      "${opens[@]}" -cp "$root/target/test-classes:$root/target/selfeval.jar:$root/target/lib/*" \
      io.selfeval.bench.BenchRunner warm --warmup-input "$warmup/reports" \
      --input "$dir/corpus/reports" --work "$dir" --export "$dir/export" 2> "$work/warm.err" || {
        log "warm run failed; last lines of $work/warm.err:"; tail -20 "$work/warm.err" >&2; exit 1; }
    warm_peak=$(awk -F'\t' '$1 == "peak_rss_kib" {printf "%.0f", $2 / 1024}' "$dir/warm.tsv")
    while IFS=$'\t' read -r stage secs; do
      case "$stage" in
        extract|load|analyse|publish) record warm "$stage" "$secs" "$forms" "" ;;
        total) record warm total "$secs" "$forms" "$warm_peak"; warm_total=$secs ;;
      esac
    done < "$dir/warm.tsv"
    warm_analyse=$(awk -F'\t' '$1 == "analyse" {print $2}' "$dir/warm.tsv")
  fi

  if [[ $duck -eq 1 ]]; then
    py=$(venv)
    load_average=$(cut -d' ' -f1 /proc/loadavg)
    log "duckdb: bench/duckdb/*.sql over $dir/export"
    code=0
    "$py" "$root/bench/duckdb/peer.py" --export "$dir/export" --sql "$root/bench/duckdb" \
      --report "$dir/duckdb.tsv" >&2 || code=$?
    if [[ $code -eq 1 ]]; then
      log "duckdb: outputs differ from Spark's (below)"
    elif [[ $code -ne 0 ]]; then
      log "duckdb peer failed (exit $code): see the Python error above"; exit 1
    fi
    duck_peak=$(awk -F'\t' '$1 == "peak_rss_kib" {printf "%.0f", $2 / 1024}' "$dir/duckdb.tsv")
    while IFS=$'\t' read -r step secs; do
      case "$step" in
        peak_rss_kib|compare:*) ;;
        total) record duckdb total "$secs" "$forms" "$duck_peak"; duck_total=$secs ;;
        *) record duckdb "$step" "$secs" "$forms" "" ;;
      esac
    done < "$dir/duckdb.tsv"
    echo "compared with Spark (rows only in DuckDB / only in Spark):"
    awk -F'\t' '$1 ~ /^compare:/ {sub(/^compare:/, "", $1); printf "  %-28s %s\n", $1, $2}' \
      "$dir/duckdb.tsv"
  fi

  if [[ $incremental -eq 1 ]]; then
    cp -r "$dir/held/." "$dir/corpus/reports/"
    cold_run incremental "$dir/corpus/reports" "$dir/wh-cold" ""
  fi

  echo "-- ratios for $size forms --"
  if [[ $duck -eq 1 ]]; then
    awk -v c="$cold_analyse" -v w="$warm_analyse" -v d="$duck_total" 'BEGIN {
      printf "Spark analyse / DuckDB SQL: cold %.1f, warm %.1f (DuckDB %.2f s)\n",
        c / d, w / d, d }'
  fi
  if [[ $incremental -eq 1 ]]; then
    awk -v i="$incremental_total" -v c="$cold_total" 'BEGIN {
      printf "incremental (+1 %%) / full run: %.2f (%.1f s / %.1f s)\n", i / c, i, c }'
  fi
  [[ $warm -eq 1 ]] && awk -v w="$warm_total" -v c="$cold_total" \
    'BEGIN { printf "warm / cold run: %.2f\n", w / c }'
  rm -rf "$dir"
done
echo
echo "latest figures per size and mode in $csv:"
"$root/bench/table.sh" "$csv"
