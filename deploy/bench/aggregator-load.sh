#!/usr/bin/env bash
# Load benchmark of the aggregator on this machine (not part of `mvn verify`):
#   1. ingest: publishes N realistic observations (collection runs of every catalog subject, 6 hours apart) to a local
#      Kafka broker and measures how fast the aggregator validates, stores (embedded store on an H2 file) and
#      acknowledges them;
#   2. REST: wrk against GET /api/v1/frameworks/{id} (the full explanation) next to trivial endpoints of the same app,
#      and against the comparison page's HTML and a script of it.
# Starts its own broker, store and aggregator on spare ports, and stops them when done. Numbers: docs/performance.md.
#
#   deploy/bench/aggregator-load.sh
#
# Environment (all optional): BENCH_OBSERVATIONS (20000), BENCH_DURATION (20s), BENCH_THREADS (2),
#   BENCH_CONNECTIONS (16), BENCH_FRAMEWORK (pytorch), BENCH_ROUNDS (1: how many times the explanation and the trivial
#   endpoint are measured, alternately, so that a change in the machine's load shows in both) and those of
#   deploy/bench/stack.sh.
#   Needs wrk (apt-get install -y wrk), curl and a JDK 17.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"
OBSERVATIONS="${BENCH_OBSERVATIONS:-20000}"
DURATION="${BENCH_DURATION:-20s}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
FRAMEWORK="${BENCH_FRAMEWORK:-pytorch}"
ROUNDS="${BENCH_ROUNDS:-1}"

command -v wrk >/dev/null || fail "wrk is not installed (apt-get install -y wrk)"
command -v curl >/dev/null || fail "curl is not installed"

build
start_infra
start_aggregator
wait_ready

say "Load average$(uptime | sed 's/.*load average//')"
say "Ingest: $OBSERVATIONS observations"
bench_java IngestLoad "$BOOTSTRAP" "$BASE" "$OBSERVATIONS"

# let the last refresh settle, so the REST numbers are not mixed with rescoring
sleep 12
say "Load average$(uptime | sed 's/.*load average//')"
# the explanation next to the trivial endpoint (alternately, BENCH_ROUNDS times), then the other API answers the
# comparison page is drawn from, the page's shell and its largest script
paths=()
for _ in $(seq 1 "$ROUNDS"); do paths+=("/api/v1/frameworks/$FRAMEWORK" "/q/health/live"); done
for path in "${paths[@]}" "/api/v1/frameworks" "/api/v1/methodology" "/frameworks/$FRAMEWORK" "/assets/charts.js"; do
  bytes=$(curl -fs "$BASE$path" | wc -c)
  say "REST: GET $path ($bytes bytes), $THREADS threads, $CONNECTIONS connections, $DURATION; load average$(uptime | sed 's/.*load average//')"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$path" | grep -E "Requests/sec|Latency|50%|99%|requests in"
done
