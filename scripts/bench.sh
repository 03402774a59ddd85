#!/usr/bin/env bash
# Benchmarks Firebell on this machine against a bare Javalin ceiling measured in the same run,
# with load from wrk (Debian package wrk). Writes target/bench/report.md and
# target/bench/results.json. Bounded in time: about 6 minutes on H2, 12 with PostgreSQL (when
# FIREBELL_TEST_POSTGRES_URL is set or CI=true); --quick is a smoke that only checks the report.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v wrk >/dev/null 2>&1 || { echo "bench.sh needs wrk: apt-get install wrk" >&2; exit 1; }

echo "[bench] building ..."
./mvnw -q -B -DskipTests package test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
exec java -Xmx1g -cp "$classpath" dev.firebell.bench.BenchMain "$@"
