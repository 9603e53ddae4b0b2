#!/usr/bin/env bash
# Load benchmark of the aggregator on this machine (not part of `mvn verify`):
#   1. ingest: publishes N realistic observations (collection runs of every catalog subject, 6 hours apart) to a local
#      Kafka broker and measures how fast the aggregator validates, stores (embedded store on an H2 file) and
#      acknowledges them;
#   2. REST: wrk against GET /api/v1/frameworks/{id} (the full explanation) next to trivial endpoints of the same app.
# Starts its own broker, store and aggregator on spare ports, and stops them when done. Numbers: docs/performance.md.
#
#   deploy/bench/aggregator-load.sh
#
# Environment (all optional): BENCH_OBSERVATIONS (20000), BENCH_DURATION (20s), BENCH_THREADS (2),
#   BENCH_CONNECTIONS (16), BENCH_FRAMEWORK (pytorch), BENCH_KAFKA_PORT (19092), BENCH_STORE_PORT (19017),
#   BENCH_HTTP_PORT (18080). Needs wrk (apt-get install -y wrk), curl and a JDK 17.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OBSERVATIONS="${BENCH_OBSERVATIONS:-20000}"
DURATION="${BENCH_DURATION:-20s}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
FRAMEWORK="${BENCH_FRAMEWORK:-pytorch}"
KAFKA_PORT="${BENCH_KAFKA_PORT:-19092}"
STORE_PORT="${BENCH_STORE_PORT:-19017}"
HTTP_PORT="${BENCH_HTTP_PORT:-18080}"
WORK="$ROOT/target/bench"
BASE="http://127.0.0.1:$HTTP_PORT"
PIDS=()

say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { say "ERROR: $*" >&2; exit 1; }
stop_all() {
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill -TERM "${PIDS[$i]}" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "${PIDS[$i]}" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "${PIDS[$i]}" 2>/dev/null || true
  done
}
trap stop_all EXIT
wait_for() { # what, seconds, check...
  local what="$1" deadline=$((SECONDS + $2)); shift 2
  until "$@"; do ((SECONDS < deadline)) || fail "$what not ready (logs in $WORK)"; sleep 1; done
}

command -v wrk >/dev/null || fail "wrk is not installed (apt-get install -y wrk)"
command -v curl >/dev/null || fail "curl is not installed"

say "Building the aggregator, its test classes and the local infrastructure..."
mvn -B -q -o -pl deploy/local/infra,services/aggregator package -DskipTests >/dev/null || fail "build failed"
mvn -B -q -o -pl services/aggregator test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$ROOT/target/bench-classpath.txt" >/dev/null || fail "cannot compute the test class path"
rm -rf "$WORK" && mkdir -p "$WORK"

INFRA_CP="deploy/local/infra/target/ecopulse-local-infra.jar:deploy/local/infra/target/lib/*"
java -Xmx512m -cp "$INFRA_CP" dev.ecopulse.infra.KafkaBrokerMain --data "$WORK/kafka" --port "$KAFKA_PORT" \
  --controller-port "$((KAFKA_PORT + 1))" --partitions 1 >"$WORK/kafka.log" 2>&1 &
PIDS+=("$!")
java -Xmx512m -cp "$INFRA_CP" dev.ecopulse.infra.StoreMain --data "$WORK/store/ecopulse.mv" --port "$STORE_PORT" \
    --commit "${STORE_COMMIT:-each-write}" \
  >"$WORK/store.log" 2>&1 &
PIDS+=("$!")
wait_for "Kafka" 60 grep -qs "Kafka broker ready" "$WORK/kafka.log"
wait_for "store" 60 grep -qs "Store ready" "$WORK/store.log"

KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" QUARKUS_MONGODB_CONNECTION_STRING="mongodb://127.0.0.1:$STORE_PORT" \
  QUARKUS_HTTP_PORT="$HTTP_PORT" java -Xmx512m -jar services/aggregator/target/quarkus-app/quarkus-run.jar \
  >"$WORK/aggregator.log" 2>&1 &
PIDS+=("$!")
wait_for "aggregator" 90 curl -fs -o /dev/null "$BASE/q/health/ready"
say "Stack ready: Kafka 127.0.0.1:$KAFKA_PORT, store 127.0.0.1:$STORE_PORT, aggregator $BASE"

say "Load average$(uptime | sed 's/.*load average//')"
say "Ingest: $OBSERVATIONS observations"
java -cp "services/aggregator/target/test-classes:services/aggregator/target/classes:$(cat "$ROOT/target/bench-classpath.txt")" \
  dev.ecopulse.aggregator.bench.IngestLoad "127.0.0.1:$KAFKA_PORT" "$BASE" "$OBSERVATIONS"

# let the last refresh settle, so the REST numbers are not mixed with rescoring
sleep 12
say "Load average$(uptime | sed 's/.*load average//')"
for path in "/api/v1/frameworks/$FRAMEWORK" "/api/v1/frameworks" "/api/v1/methodology" "/q/health/live"; do
  bytes=$(curl -fs "$BASE$path" | wc -c)
  say "REST: GET $path ($bytes bytes), $THREADS threads, $CONNECTIONS connections, $DURATION"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$path" | grep -E "Requests/sec|Latency|50%|99%|requests in"
done
