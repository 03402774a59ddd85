#!/usr/bin/env bash
# Builds Firebell if needed and serves http://localhost:8080 on the embedded H2 database with the
# sample configuration (config/firebell.yaml). Extra arguments go to Firebell, e.g. --config PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/firebell.jar
if [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building $jar ..."
  ./mvnw -q -B -DskipTests package
fi
# Class data sharing: the first run of a build records the classes Firebell loads (written when it
# stops), later runs map them instead of loading them again, which halves the time to ready.
built=$(stat -c %Y "$jar" 2>/dev/null || stat -f %m "$jar") # GNU or BSD stat
cds="target/firebell-$built.jsa"
if [ -f "$cds" ]; then
  share=(-XX:SharedArchiveFile="$cds" -Xlog:cds=off -Xlog:cds+dynamic=off)
else
  rm -f target/firebell-*.jsa
  share=(-XX:ArchiveClassesAtExit="$cds" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
mapfile -t flags < <(grep -v '^#' scripts/jvm.options | grep -v '^[[:space:]]*$')
while IFS='=' read -r name value; do # scripts/jvm.env: what is set already wins
  if [ -n "$name" ] && [ "${name:0:1}" != "#" ] && [ -z "${!name:-}" ]; then
    export "$name=$value"
  fi
done <scripts/jvm.env
exec java "${flags[@]}" "${share[@]}" -jar "$jar" "$@"
