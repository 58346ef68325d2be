#!/usr/bin/env bash
# Times cold `selfeval run`s on the five seed reports and counts their Spark jobs, per stage.
# Prints one line per run and the medians; numbers only, it asserts nothing. Beside the stages'
# seconds and jobs: the run's SQL executions (event log), Delta commits (commit files under the
# warehouse's _delta_log folders) and the JVM's CPU seconds (user + system, /usr/bin/time).
#
#   dev/seed-bench.sh [runs]      (default 2; needs python3)
#
# Each run starts a new JVM on an empty warehouse under $TMPDIR, with Spark's event log on (the
# job count comes from it; writing it costs a little time too). Stage durations come from the
# "[n/5] <stage> done in" log lines, jobs are attributed to a stage by their submission time.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-2}
work=$(mktemp -d "${TMPDIR:-/tmp}/seed-bench.XXXXXX")
[[ -n "${SEED_BENCH_KEEP:-}" ]] && echo "keeping $work" >&2 || trap 'rm -rf "$work"' EXIT
sed 's/%d{HH:mm:ss}/%d{UNIX_MILLIS}/' "$root/jobs/src/main/resources/log4j2.properties" \
  > "$work/log4j2.properties"
# builds the jar first when the sources are newer, so no timed run includes (or logs) a build
"$root/bin/selfeval" --version > /dev/null
for i in $(seq 1 "$runs"); do
  mkdir -p "$work/$i/events"
  SELFEVAL_PROGRESS=off SELFEVAL_JAVA_OPTS="-Dlog4j2.configurationFile=$work/log4j2.properties \
-Dspark.eventLog.enabled=true -Dspark.eventLog.dir=file://$work/$i/events \
-Dspark.eventLog.compress=false ${SELFEVAL_JAVA_OPTS:-}" \
    /usr/bin/time -f "%U %S" -o "$work/$i/cpu" \
    "$root/bin/selfeval" run --input "$root/data/reports" --warehouse "$work/$i/wh" \
    > "$work/$i/out" 2> "$work/$i/err" || [[ $? -eq 4 ]]
done
python3 - "$work" "$runs" <<'PY'
import glob, json, os, re, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
stages = ["extract", "load", "analyse", "publish", "site"]
rows = []
for i in range(1, runs + 1):
    marks = {}
    for line in open(f"{work}/{i}/err", encoding="utf-8"):
        m = re.match(r"(\d{13}) .*\[\d/\d\] (\w+) (started|done in ([\d.]+) s)", line)
        if m:
            marks.setdefault(m.group(2), {})[m.group(3).split()[0]] = int(m.group(1))
    jobs, sqls = [], 0
    for f in glob.glob(f"{work}/{i}/events/**/events_*", recursive=True):
        for line in open(f, encoding="utf-8"):
            if '"SparkListenerJobStart"' in line:
                jobs.append(json.loads(line)["Submission Time"])
            elif '"org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart"' in line:
                sqls += 1
    commits = len([f for f in glob.glob(f"{work}/{i}/wh/**/_delta_log/*.json", recursive=True)
                   if re.fullmatch(r"\d{20}\.json", os.path.basename(f))])
    cpu = sum(float(x) for x in open(f"{work}/{i}/cpu").read().split()[-2:])
    row = {}
    for s in (s for s in stages if s in marks):
        a, b = marks[s]["started"], marks[s]["done"]
        row[s] = ((b - a) / 1000, sum(a <= t <= b for t in jobs))
    row["all stages"] = (sum(v[0] for v in row.values()), len(jobs))
    extra = {"SQL executions": sqls, "Delta commits": commits, "CPU s": cpu}
    rows.append((row, extra))
    print(f"run {i}: " + ", ".join(f"{k} {v[0]:.1f} s {v[1]} jobs" for k, v in row.items())
          + "; " + ", ".join(f"{k} {v:g}" for k, v in extra.items()))
print("median: " + ", ".join(
    f"{k} {statistics.median(r[k][0] for r, _ in rows):.1f} s "
    f"{statistics.median(r[k][1] for r, _ in rows):.0f} jobs" for k in rows[0][0])
    + "; " + ", ".join(f"{k} {statistics.median(e[k] for _, e in rows):g}"
                       for k in rows[0][1]))
PY
