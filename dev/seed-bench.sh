#!/usr/bin/env bash
# Times cold `selfeval run`s on the five seed reports and counts their Spark jobs, per stage.
# Prints one line per run and the medians; numbers only, it asserts nothing.
#
#   dev/seed-bench.sh [runs]      (default 2; needs python3)
#
# Each run starts a new JVM on an empty warehouse under $TMPDIR, with Spark's event log on (the
# job count comes from it; writing it costs a little time too). Stage durations come from the
# "[n/4] <stage> done in" log lines, jobs are attributed to a stage by their submission time.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-2}
work=$(mktemp -d "${TMPDIR:-/tmp}/seed-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
sed 's/%d{HH:mm:ss}/%d{UNIX_MILLIS}/' "$root/jobs/src/main/resources/log4j2.properties" \
  > "$work/log4j2.properties"
# builds the jar first when the sources are newer, so no timed run includes (or logs) a build
"$root/bin/selfeval" --version > /dev/null
for i in $(seq 1 "$runs"); do
  mkdir -p "$work/$i/events"
  SELFEVAL_PROGRESS=off SELFEVAL_JAVA_OPTS="-Dlog4j2.configurationFile=$work/log4j2.properties \
-Dspark.eventLog.enabled=true -Dspark.eventLog.dir=file://$work/$i/events \
-Dspark.eventLog.compress=false ${SELFEVAL_JAVA_OPTS:-}" \
    "$root/bin/selfeval" run --input "$root/data/reports" --warehouse "$work/$i/wh" \
    > "$work/$i/out" 2> "$work/$i/err" || [[ $? -eq 4 ]]
done
python3 - "$work" "$runs" <<'PY'
import glob, json, re, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
stages = ["extract", "load", "analyse", "publish"]
rows = []
for i in range(1, runs + 1):
    marks = {}
    for line in open(f"{work}/{i}/err", encoding="utf-8"):
        m = re.match(r"(\d{13}) .*\[\d/4\] (\w+) (started|done in ([\d.]+) s)", line)
        if m:
            marks.setdefault(m.group(2), {})[m.group(3).split()[0]] = int(m.group(1))
    jobs = []
    for f in glob.glob(f"{work}/{i}/events/**/events_*", recursive=True):
        for line in open(f, encoding="utf-8"):
            if '"SparkListenerJobStart"' in line:
                jobs.append(json.loads(line)["Submission Time"])
    row = {}
    for s in stages:
        a, b = marks[s]["started"], marks[s]["done"]
        row[s] = ((b - a) / 1000, sum(a <= t <= b for t in jobs))
    row["all stages"] = (sum(row[s][0] for s in stages), len(jobs))
    rows.append(row)
    print(f"run {i}: " + ", ".join(f"{k} {v[0]:.1f} s {v[1]} jobs" for k, v in row.items()))
print("median: " + ", ".join(
    f"{k} {statistics.median(r[k][0] for r in rows):.1f} s "
    f"{statistics.median(r[k][1] for r in rows):.0f} jobs" for k in stages + ["all stages"]))
PY
