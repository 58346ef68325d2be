"""The DuckDB peer of selfeval's analyse stage (issue #9), run by bench/run.sh.

Reads the parquet that io.selfeval.bench.ParquetExport wrote (the normalised tables, the parsed
indicator values and Spark's int_ tables), runs bench/duckdb/[0-9]*.sql in order with the rule
pack's settings filled in, times them, and compares each duck_<x> table with Spark's int_<x> row
for row (every column of the DuckDB table; decimals at their scale, NULL equal to NULL).

Writes a TSV report: one "<sql step>\tseconds" line per file, "total", "peak_rss_kib" and one
"compare:<table>\t<verdict>" line per compared table. Exits 1 when a comparison differs.
"""

import argparse
import json
import math
import pathlib
import resource
import string
import sys
import time

import duckdb

INPUTS = ["forms", "indicators", "budget_lines", "facts", "units", "parsed_values"]
COMPARED = {
    "duck_indicator_deviations": ("int_indicator_deviations", "indicator_id"),
    "duck_form_execution": ("int_form_execution", "form_id"),
    "duck_unit_year_profiles": ("int_unit_year_profiles", "unit_id, fiscal_year"),
    # only the rules the SQL raises; flags are compared without their evidence
    "duck_flags": ("int_flags", "flag_id"),
}


def pack_settings(path):
    pack = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    return {
        "rule_pack": f"{pack['id']}@{pack['version']}",
        "budget_weight": pack["budget_weight"],
        "budget_score_capped": "true" if pack["budget_score_capped"] else "false",
        "score_scale": pack["score_scale"],
        "qualitative_achieved": pack["qualitative"]["achieved"],
        "qualitative_partial": pack["qualitative"]["partial"],
        "qualitative_not_achieved": pack["qualitative"]["not_achieved"],
        "over_ratio": pack["over_achievement"]["ratio"],
        "over_fraction": pack["over_achievement"]["fraction"],
    }, pack["grades"]


def flag_settings(path):
    """score_tolerance, and unit kind and peer group as SQL expressions, from flags.json."""
    flags = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    kind = "CASE"
    for k in flags["unit_kinds"]:
        tests = " OR ".join(f"ends_with(coalesce(unit_name, ''), '{x}')" for x in k["suffixes"])
        kind += f" WHEN {tests} THEN '{k['kind']}'"
    kind += " ELSE 'other' END"
    parts = {"fiscal_year": "CAST(fiscal_year AS VARCHAR)", "unit_kind": kind}
    group = ", ".join(parts[c] for c in flags["peer_group_by"])
    severity = "CASE rule_id " + " ".join(
        f"WHEN '{r}' THEN '{v}'" for r, v in flags["severity"].items()) + " END"
    weights = flags["standard_level1_weights"]
    settings = {"unit_kind_case": kind, "peer_group": f"concat_ws('|', {group})",
                "severity_case": severity, "thresholds_version": flags["version"],
                "weight_output": weights["产出指标"], "weight_effect": weights["效益指标"],
                "weight_satisfaction": weights["满意度指标"]}
    settings["severity_case_digit"] = f"'{flags['severity']['DIGIT_ANOMALY']}'"
    settings["digit_count_columns"] = ", ".join(
        f"count(*) FILTER (WHERE digit = {d}) AS d{d}" for d in range(1, 10))
    # Spark adds |observed - expected| from 0.0 in digit order; so does this sum
    settings["benford_mad_sum"] = "0.0::DOUBLE" + "".join(
        f" + abs(d{d}::DOUBLE / n - {math.log10(1 + 1.0 / d)!r})" for d in range(1, 10))
    for name in ["digit_min_population", "digit_max_mad", "digit_max_last_two_chi2",
                 "digit_max_round_share"]:
        settings[name] = flags[name]
    settings["severity_case_narrative"] = f"'{flags['severity']['NARRATIVE_TABLE_MISMATCH']}'"
    metrics = flags["outlier_metrics"]
    settings["outlier_metric_values"] = ", ".join(
        f"('{m}', {float(flags['outlier_min_mad'][m])}::DOUBLE)" for m in metrics)
    settings["outlier_metric_doubles"] = ", ".join(f"{m}::DOUBLE AS {m}" for m in metrics)
    settings["outlier_metric_names"] = ", ".join(metrics)
    for name in ["satisfaction_margin_pp", "satisfaction_min_years", "outlier_robust_z",
                 "outlier_min_peers", "outlier_min_years", "score_tolerance", "perfect_total", "score_excess_min_points",
                 "rate_tolerance_pp", "amount_tolerance_wan_yuan", "exact_hits_min_quantitative",
                 "exact_hits_min_share", "qualitative_heavy_min_share", "high_score_min_total"]:
        settings[name] = flags[name]
    return settings


def parquet(export, table):
    return f"read_parquet('{export / table}/*.parquet')"


def compare(con, duck, spark, key, export):
    """Rows only in DuckDB, rows only in Spark, rows in all, for duck's columns."""
    cols = [r[0] for r in con.execute(f"DESCRIBE {duck}").fetchall()]
    select = ", ".join(f'"{c}"' for c in cols)
    src = parquet(export, spark)
    if duck == "duck_flags":
        src = f"(SELECT * FROM {src} WHERE rule_id IN (SELECT rule_id FROM duck_flag_rules))"
    only_duck = con.execute(
        f"SELECT count(*) FROM (SELECT {select} FROM {duck} EXCEPT ALL "
        f"SELECT {select} FROM {src})").fetchone()[0]
    only_spark = con.execute(
        f"SELECT count(*) FROM (SELECT {select} FROM {src} EXCEPT ALL "
        f"SELECT {select} FROM {duck})").fetchone()[0]
    total = con.execute(f"SELECT count(*) FROM {src}").fetchone()[0]
    if only_duck or only_spark:
        # which columns differ, on rows matched by key (for the report, not the verdict)
        diff_cols = []
        for c in cols:
            if c in [k.strip() for k in key.split(",")]:
                continue
            n = con.execute(
                f"SELECT count(*) FROM {duck} d JOIN {src} s USING ({key}) "
                f'WHERE d."{c}" IS DISTINCT FROM s."{c}"').fetchone()[0]
            if n:
                diff_cols.append(f"{c} ({n})")
        detail = "; columns differing on matched keys: " + ", ".join(diff_cols)
        return False, (f"DIFFERENT: {only_duck} rows only in DuckDB, {only_spark} only in Spark "
                       f"of {total}{detail}")
    return True, f"equal ({total} rows, {len(cols)} columns)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--export", required=True, type=pathlib.Path)
    parser.add_argument("--sql", required=True, type=pathlib.Path)
    parser.add_argument("--report", required=True, type=pathlib.Path)
    root = pathlib.Path(__file__).resolve().parents[2]
    parser.add_argument("--rule-pack", type=pathlib.Path,
                        default=root / "jobs/src/main/resources/rulepacks/national.json")
    parser.add_argument("--flags", type=pathlib.Path,
                        default=root / "jobs/src/main/resources/flags.json")
    parser.add_argument("--threads", type=int, default=0,
                        help="DuckDB threads (default: DuckDB's, one per core)")
    args = parser.parse_args()
    settings, grades = pack_settings(args.rule_pack)
    settings.update(flag_settings(args.flags))
    con = duckdb.connect()
    if args.threads:
        con.execute(f"SET threads = {args.threads}")
    lines = []
    started = time.perf_counter()
    for table in INPUTS:
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM {parquet(args.export, table)}")
    con.execute("CREATE TABLE grades (grade VARCHAR, min_total DECIMAL(22, 6))")
    con.executemany("INSERT INTO grades VALUES (?, ?)", [(g["grade"], g["min"]) for g in grades])
    for sql in sorted(args.sql.glob("[0-9]*.sql")):
        text = string.Template(sql.read_text(encoding="utf-8")).substitute(settings)
        t0 = time.perf_counter()
        con.execute(text)
        step = sql.stem.split("_", 1)[1]
        lines.append(f"{step}\t{time.perf_counter() - t0:.2f}")
        print(f"duckdb: {sql.name} in {time.perf_counter() - t0:.2f} s", file=sys.stderr)
    lines.append(f"total\t{time.perf_counter() - started:.2f}")
    lines.append(f"peak_rss_kib\t{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
    ok = True
    made = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    for duck, (spark, key) in COMPARED.items():
        if duck not in made:
            continue
        equal, verdict = compare(con, duck, spark, key, args.export)
        ok = ok and equal
        lines.append(f"compare:{spark}\t{verdict}")
        print(f"duckdb: {duck} vs {spark}: {verdict}", file=sys.stderr)
    args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
