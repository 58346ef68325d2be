#!/usr/bin/env bash
# Scores the reader on the real dev set (data/devset/) and prints the per-document table.
# Usage: dev/devset-score.sh   (offline Maven; runs DevSetScorerTest and DevSetTest only)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
mvn -B -q -o test -Dtest='DevSetScorerTest,DevSetTest' -Dsurefire.failIfNoSpecifiedTests=false \
  > target/devset-mvn.log 2>&1 || { tail -40 target/devset-mvn.log; exit 1; }
cat target/devset-score.txt
