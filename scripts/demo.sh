#!/usr/bin/env bash
# Firebell end to end on this machine: a pizza-failure spike arrives as Grafana sends it, Tessa is
# paged at a local capture "phone", acknowledges through the page's link, the alert resolves, and
# the timeline and the draft postmortem are printed. Everything started here is stopped at exit.
# Needs a JDK and curl. Ports: FIREBELL_DEMO_PORT (18080) and FIREBELL_DEMO_CAPTURE_PORT (18099).
set -euo pipefail
cd "$(dirname "$0")/.."

port=${FIREBELL_DEMO_PORT:-18080}
capture_port=${FIREBELL_DEMO_CAPTURE_PORT:-18099}
base="http://127.0.0.1:$port"
token=demo-ingest-token
api=demo-api-token
work=$(mktemp -d)
pids=()

step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nDEMO FAILED: %s\n' "$*" >&2; [ -f "$work/firebell.log" ] && tail -20 "$work/firebell.log" >&2; exit 1; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

command -v curl >/dev/null || fail "curl is needed"

jar=target/firebell.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml config -newer "$jar" -print -quit)" ]; then
  step "Building $jar"
  ./mvnw -q -B -DskipTests package || fail "the build failed"
fi

step "Starting the capture phone on 127.0.0.1:$capture_port"
java scripts/demo/CaptureServer.java "$capture_port" "$work/pages.jsonl" > "$work/capture.log" 2>&1 &
pids+=($!)

cat > "$work/oncall.yaml" <<YAML
people:
  - id: tessa
    name: Tessa
    contacts: [{ type: webhook, url: "http://127.0.0.1:$capture_port/tessa" }]
schedules:
  - id: primary
    timeZone: UTC
    rotations: [{ start: "2026-01-01T00:00", every: 1w, people: [tessa] }]
escalationPolicies:
  - id: default
    steps: [{ targets: ["schedule:primary"], escalateAfter: 5m }]
routes:
  - { policy: default }
YAML
cat > "$work/firebell.yaml" <<YAML
server: { port: $port, publicUrl: "$base" }
database: { url: "jdbc:h2:file:$work/data/firebell" }
ingest: { bearerToken: "$token" }
api: { tokens: ["$api"] }
oncall: { file: "$work/oncall.yaml" }
YAML

step "Starting Firebell on $base (embedded H2 in $work)"
java -Xmx256m -XX:+ExitOnOutOfMemoryError -jar "$jar" --config "$work/firebell.yaml" > "$work/firebell.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fs "$base/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "$base/readyz" >/dev/null || fail "Firebell did not become ready"
echo "ready"

alert() { # status endsAt
  local title_status=FIRING state=alerting
  [ "$1" = resolved ] && { title_status=RESOLVED; state=ok; }
  sed -e "s/__STATUS__/$1/g" -e "s/__STARTS_AT__/$started/" -e "s/__ENDS_AT__/$2/" \
      -e "s/__TITLE_STATUS__/$title_status/" -e "s/__STATE__/$state/" scripts/demo/pizza-alert.json
}
post_alert() {
  curl -fsS -X POST "$base/webhooks/grafana" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary @- 
}

started=$(date -u -d '-2 minutes' +%Y-%m-%dT%H:%M:%SZ)
step "Grafana: PizzaFailureSpike is firing (sent three times, as Grafana repeats and HA replicas do)"
for _ in 1 2 3; do
  alert firing 0001-01-01T00:00:00Z | post_alert || fail "the webhook was refused"
  echo
done

step "Waiting for the page to reach Tessa's phone"
for _ in $(seq 1 50); do
  [ -s "$work/pages.jsonl" ] && break
  sleep 0.2
done
[ -s "$work/pages.jsonl" ] || fail "no page arrived"
page=$(head -1 "$work/pages.jsonl")
ack_url=$(printf '%s' "$page" | grep -o '"ackUrl":"[^"]*"' | cut -d'"' -f4)
incident=$(printf '%s' "$page" | grep -o '"incidentId":[0-9]*' | cut -d: -f2)
echo "page for incident $incident, acknowledge link: $ack_url"

sleep 2 # Tessa picks up her phone
step "Tessa opens the link (a GET only shows the button)"
curl -fsS "$ack_url" | grep -q 'Acknowledge as Tessa' || fail "the acknowledge page did not show its button"
echo "shown: 'Acknowledge as Tessa'"

step "Tessa presses Acknowledge"
curl -fsS -X POST "$ack_url" | grep -q 'Acknowledged' || fail "acknowledging failed"
echo "acknowledged"

sleep 2 # the fix takes effect
step "Grafana: PizzaFailureSpike resolved"
alert resolved "$(date -u +%Y-%m-%dT%H:%M:%SZ)" | post_alert || fail "the resolution was refused"
echo

step "Timeline of incident $incident"
curl -fsS "$base/api/incidents/$incident" -H "Authorization: Bearer $api" \
  | grep -oE '"at":"[^"]*","kind":"[^"]*","text":"([^"\\]|\\.)*","actor":("[^"]*"|null)' \
  | sed -E -e 's/"at":"([^"]*)","kind":"([^"]*)","text":"(([^"\\]|\\.)*)","actor":"?([^"]*)"?$/\1  \2  \3  (\5)/' \
    -e 's/\\"/"/g' -e 's/  \(null\)$//'

step "Draft postmortem"
curl -fsS "$base/api/incidents/$incident/postmortem" -H "Authorization: Bearer $api" || fail "no postmortem"

step "Demo finished; stopping Firebell and the capture phone"
