#!/usr/bin/env bash
# Runs selfeval through spark-submit on a Spark standalone cluster on this machine: one master
# and two workers (1 core each) on 127.0.0.1, started from the Spark jars Maven already
# downloaded, no Spark installation needed. The cluster is stopped when the script exits.
#
#   mvn -B -DskipTests package              # target/selfeval-submit.jar, target/spark-classpath.txt
#   dev/standalone-cluster.sh               # run over data/reports, warehouse in the work folder
#   dev/standalone-cluster.sh -- run --input /abs/reports --warehouse /abs/warehouse
#
# Options (before --; what follows -- goes to selfeval, default: run over data/reports):
#   --app-jar JAR          application jar (default target/selfeval-submit.jar)
#   --jars A.jar,B.jar     further jars for spark-submit --jars
#   --spark-classpath FILE the Spark distribution as a class path list (default
#                          target/spark-classpath.txt: the provided-scope dependencies)
#   --work DIR             folder for logs, worker and Spark home folders (default: a new
#                          temporary folder, kept and printed at the end)
#   --status FILE          write the master's JSON status here once the application has ended
#   --conf KEY=VALUE       further spark-submit settings (repeatable)
#
# Paths given to selfeval must be absolute (or file:/hdfs:/s3a: URIs): executors run in the
# workers' folders, and all processes share this machine's file system, so a file: warehouse works.
# StandaloneClusterIT runs this script in `mvn verify` and compares the marts with a local run.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
app_jar="$root/target/selfeval-submit.jar"
jars=""
spark_cp_file="$root/target/spark-classpath.txt"
work=""
status_file=""
confs=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --app-jar) app_jar=$2; shift 2 ;;
    --jars) jars=$2; shift 2 ;;
    --spark-classpath) spark_cp_file=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --status) status_file=$2; shift 2 ;;
    --conf) confs+=(--conf "$2"); shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "standalone-cluster: unknown option $1 (--help lists them)" >&2; exit 2 ;;
  esac
done
for f in "$app_jar" "$spark_cp_file" "$root/target/jvm-opens.txt"; do
  if [[ ! -f "$f" ]]; then
    echo "standalone-cluster: $f missing; run mvn -B -DskipTests package first" >&2
    exit 2
  fi
done
if [[ -z "$work" ]]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/selfeval-cluster.XXXXXX")
fi
mkdir -p "$work"
work=$(cd "$work" && pwd)
if [[ $# -eq 0 ]]; then
  set -- run --input "$root/data/reports" --warehouse "$work/warehouse"
fi

# A Spark home is only a jars/ folder here: the Worker builds each executor's class path from
# $SPARK_HOME/jars/* (and needs SPARK_SCALA_VERSION when there is no source build beside it).
export SPARK_HOME="$work/spark-home"
export SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOCAL_HOSTNAME=127.0.0.1
rm -rf "$SPARK_HOME" && mkdir -p "$SPARK_HOME/jars" "$work/logs"
IFS=: read -r -a spark_jars <"$spark_cp_file" || true  # no newline at the end
for jar in "${spark_jars[@]}"; do
  ln -s "$jar" "$SPARK_HOME/jars/$(basename "$jar")"
done
# shellcheck disable=SC2206
opens=($(cat "$root/target/jvm-opens.txt"))
spark_java=("$java_bin" "${opens[@]}" -Dfile.encoding=UTF-8 -cp "$SPARK_HOME/jars/*")

pids=()
stop_cluster() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  pids=()
}
trap stop_cluster EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# GET on the master's web UI without curl: bash's /dev/tcp.
http_get() {
  local port=$1 path=$2
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
  sed '1,/^\r$/d' <&3
  exec 3<&-
}

# wait_for SECONDS WHAT COMMAND...: retries COMMAND every second until it succeeds.
wait_for() {
  local seconds=$1 what=$2
  shift 2
  for ((i = 0; i < seconds; i++)); do
    if "$@"; then
      return 0
    fi
    sleep 1
  done
  echo "standalone-cluster: no $what after ${seconds}s; logs in $work/logs" >&2
  tail -n 30 "$work"/logs/*.log >&2 || true
  return 1
}

# Port 0 everywhere: the master and the workers pick free ports and log them.
"${spark_java[@]}" -Xmx512m org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port 0 --webui-port 0 >"$work/logs/master.log" 2>&1 &
pids+=($!)
master_logged() {
  master_url=$(grep -o 'spark://127\.0\.0\.1:[0-9]*' "$work/logs/master.log" | head -n 1)
  ui_port=$(grep -o 'MasterWebUI.*http://127\.0\.0\.1:[0-9]*' "$work/logs/master.log" \
    | grep -o '[0-9]*$' | head -n 1)
  [[ -n "$master_url" && -n "$ui_port" ]]
}
wait_for 120 "master" master_logged
echo "standalone-cluster: master $master_url, web UI http://127.0.0.1:$ui_port" >&2

for n in 1 2; do
  mkdir -p "$work/worker-$n"
  "${spark_java[@]}" -Xmx512m org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --port 0 --webui-port 0 --cores 1 --memory 2g \
    --work-dir "$work/worker-$n" "$master_url" >"$work/logs/worker-$n.log" 2>&1 &
  pids+=($!)
done
workers_alive() {
  http_get "$ui_port" /json/ 2>/dev/null | grep -Eq '"aliveworkers" *: *2\b'
}
wait_for 120 "two registered workers" workers_alive
echo "standalone-cluster: 2 workers registered; submitting $(basename "$app_jar")" >&2

# Client deploy mode: the driver is this JVM, with the Spark jars as spark-submit would have them.
submit=("${spark_java[@]}" -Xmx2g org.apache.spark.deploy.SparkSubmit
  --master "$master_url" --deploy-mode client --class io.selfeval.cli.SelfevalCli
  --conf "spark.driver.host=127.0.0.1" --conf "spark.driver.bindAddress=127.0.0.1"
  --conf "spark.executor.memory=1g"
  --conf "spark.executor.extraJavaOptions=${opens[*]} -Dfile.encoding=UTF-8"
  --conf "spark.driver.extraJavaOptions=${opens[*]} -Dfile.encoding=UTF-8")
if [[ -n "$jars" ]]; then
  submit+=(--jars "$jars")
fi
submit+=(${confs[@]+"${confs[@]}"} "$app_jar" "$@")
# In the background and waited for, so that a TERM reaches the trap at once.
"${submit[@]}" 2>"$work/logs/driver.log" &
driver=$!
pids=("$driver" "${pids[@]}")
code=0
wait "$driver" || code=$?
if [[ -n "$status_file" ]]; then
  app_done() {
    http_get "$ui_port" /json/ >"$status_file" 2>/dev/null \
      && ! grep -Eq '"activeapps" *: *\[ *\{' "$status_file"
  }
  wait_for 60 "end of the application in the master's status" app_done || true
fi
if [[ $code -ne 0 ]]; then
  echo "standalone-cluster: spark-submit exited with $code; the driver's log ends:" >&2
  tail -n 40 "$work/logs/driver.log" >&2
fi
echo "standalone-cluster: logs, worker folders and default warehouse in $work" >&2
exit "$code"
