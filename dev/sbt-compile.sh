#!/usr/bin/env bash
# Compiles the project with sbt (build.sbt, dependencies read from pom.xml via externalPom()),
# needing only Java 17, Maven and Maven Central: no sbt install, no scala-sbt.org or Ivy repositories.
#   dev/sbt-compile.sh                 # sbt compile Test/compile
#   dev/sbt-compile.sh package         # any other sbt commands instead
# Exits non-zero if sbt fails.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

sbt_version="$(sed -n 's/^[[:space:]]*sbt\.version[[:space:]]*=[[:space:]]*//p' project/build.properties | tr -d '[:space:]')"
[ -n "$sbt_version" ] || { echo "no sbt.version in project/build.properties" >&2; exit 2; }

# The sbt launcher, from Maven Central through Maven (so ~/.m2/settings.xml mirrors/proxies apply).
launcher_dir="${SBT_LAUNCHER_DIR:-$HOME/.sbt/launchers/$sbt_version}"
launcher="$launcher_dir/sbt-launch-$sbt_version.jar"
if [ ! -s "$launcher" ]; then
  echo "fetching org.scala-sbt:sbt-launch:$sbt_version from Maven Central" >&2
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.scala-sbt:sbt-launch:$sbt_version" -DoutputDirectory="$launcher_dir"
fi

if [ "$#" -eq 0 ]; then
  set -- compile Test/compile
fi

# dev/sbt-repositories (Maven Central only) replaces every repository the launcher and the build
# would otherwise use (the launcher's defaults include repo.scala-sbt.org and repo.typesafe.com).
# SBT_OPTS: more JVM options for sbt, after (so overriding) these.
# shellcheck disable=SC2086
exec java \
  -Xms512m -Xmx3g -Xss4m \
  -Dfile.encoding=UTF-8 \
  -Dsbt.repository.config="$root/dev/sbt-repositories" \
  -Dsbt.override.build.repos=true \
  -Dsbt.server.forcestart=false \
  -Dsbt.server.autostart=false \
  -Dsbt.ci=true \
  -Dsbt.supershell=false \
  -Dsbt.color=false \
  -Dsbt.log.noformat=true \
  ${SBT_OPTS:-} \
  -jar "$launcher" "$@" </dev/null
