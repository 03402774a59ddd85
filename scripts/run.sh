#!/usr/bin/env bash
# Builds Firebell if needed and serves http://localhost:8080 on the embedded H2 database with the
# sample configuration (config/firebell.yaml). Extra arguments go to Firebell, e.g. --config PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/firebell.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building $jar ..."
  ./mvnw -q -B -DskipTests package
fi
# A small heap keeps the resident size low; Firebell needs little memory.
exec java -Xms64m -Xmx256m -XX:+UseSerialGC -jar "$jar" "$@"
