#!/usr/bin/env bash
# Prints the benchmark CSV (bench/run.sh) as one table: a row per size and mode (the latest
# figures of each), the seconds of each stage and of the whole, forms per second of the whole,
# peak memory and the load average the run started under; then the ratios.
set -euo pipefail

csv=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/results/bench.csv}
[[ -f "$csv" ]] || { echo "bench/table.sh: no such file: $csv" >&2; exit 1; }

awk -F, '
  NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
  {
    k = $c["size"] SUBSEP $c["mode"]
    if (!(k in seen)) { seen[k] = 1; keys[++n] = k }
    v[k, $c["stage"]] = $c["seconds"]
    if ($c["stage"] == "total") {
      rate[k] = $c["forms_per_second"]; peak[k] = $c["peak_rss_mib"]
      load[k] = $c["load_average"]; forms[k] = $c["forms"]
    }
  }
  function cell(x) { return x == "" ? "-" : x }
  END {
    printf "| forms | mode | extract s | load s | analyse s | publish s | total s | forms/s | peak MiB | load avg |\n"
    printf "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    for (j = 1; j <= n; j++) {
      k = keys[j]; split(k, p, SUBSEP)
      if (p[2] == "duckdb") {
        printf "| %s | duckdb SQL | | | %s | | %s | %s | %s | %s |\n", forms[k],
          cell(v[k, "total"]), cell(v[k, "total"]), cell(rate[k]), cell(peak[k]), cell(load[k])
      } else {
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", forms[k], p[2],
          cell(v[k, "extract"]), cell(v[k, "load"]), cell(v[k, "analyse"]),
          cell(v[k, "publish"]), cell(v[k, "total"]), cell(rate[k]), cell(peak[k]), cell(load[k])
      }
    }
    print ""
    for (j = 1; j <= n; j++) {
      k = keys[j]; split(k, p, SUBSEP); s = p[1]
      if (p[2] != "cold") continue
      d = v[s, "duckdb", "total"]; w = v[s, "warm", "analyse"]; ca = v[k, "analyse"]
      if (d > 0) printf "%s forms: Spark analyse / DuckDB SQL = %.1f cold, %s warm\n", s,
        ca / d, (w > 0 ? sprintf("%.1f", w / d) : "-")
      i = v[s, "incremental", "total"]
      if (i > 0) printf "%s forms: incremental (+1 %%) / full run = %.2f\n", s, i / v[k, "total"]
      wt = v[s, "warm", "total"]
      if (wt > 0) printf "%s forms: warm / cold run = %.2f\n", s, wt / v[k, "total"]
    }
  }' "$csv"
