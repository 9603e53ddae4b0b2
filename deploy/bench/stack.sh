#!/usr/bin/env bash
# Shared by the benchmarks in deploy/bench (source it, do not run it): builds the aggregator and its test classes,
# starts a local Kafka broker, the embedded store and the aggregator's packaged jar on spare ports, and stops
# whatever it started when the script exits.
#
# Environment (all optional): BENCH_KAFKA_PORT (19092), BENCH_STORE_PORT (19017), BENCH_HTTP_PORT (18080),
#   BENCH_PARTITIONS (1), BENCH_HEAP (512m), STORE_HEAP (1g, the embedded store's), STORE_COMMIT (each-write, as
#   run.sh; or background).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
KAFKA_PORT="${BENCH_KAFKA_PORT:-19092}"
STORE_PORT="${BENCH_STORE_PORT:-19017}"
HTTP_PORT="${BENCH_HTTP_PORT:-18080}"
PARTITIONS="${BENCH_PARTITIONS:-1}"
HEAP="${BENCH_HEAP:-512m}"
BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
BASE="http://127.0.0.1:$HTTP_PORT"
WORK="$ROOT/target/bench"
PIDS=()

say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
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
machine() { # what the numbers were measured on, printed with them
  say "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(java -version 2>&1 | head -1); load average$(uptime | sed 's/.*load average//')"
}

build() {
  say "Building the aggregator, its test classes and the local infrastructure..."
  # -am: the modules they use come from this tree, not from a local repository (nothing is installed)
  ./mvnw -B -q -o -pl deploy/local/infra,services/aggregator -am package -DskipTests >/dev/null || fail "build failed"
  # the aggregator is built last, so the class path written last (and kept) is its own
  ./mvnw -B -q -o -pl services/aggregator -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$ROOT/target/bench-classpath.txt" >/dev/null || fail "cannot compute the test class path"
  BENCH_CP="services/aggregator/target/test-classes:services/aggregator/target/classes:$(cat "$ROOT/target/bench-classpath.txt")"
}

bench_java() { # main class (in dev.ecopulse.aggregator.bench), arguments...
  local main="$1"; shift
  java -cp "$BENCH_CP" "dev.ecopulse.aggregator.bench.$main" "$@"
}

start_infra() {
  rm -rf "$WORK" && mkdir -p "$WORK"
  local cp="deploy/local/infra/target/ecopulse-local-infra.jar:deploy/local/infra/target/lib/*"
  java -Xmx512m -cp "$cp" dev.ecopulse.infra.KafkaBrokerMain --data "$WORK/kafka" --port "$KAFKA_PORT" \
    --controller-port "$((KAFKA_PORT + 1))" --partitions "$PARTITIONS" >"$WORK/kafka.log" 2>&1 &
  PIDS+=("$!")
  java -Xmx"${STORE_HEAP:-1g}" -cp "$cp" dev.ecopulse.infra.StoreMain --data "$WORK/store/ecopulse.mv" --port "$STORE_PORT" \
    --commit "${STORE_COMMIT:-each-write}" \
    >"$WORK/store.log" 2>&1 &
  PIDS+=("$!")
  wait_for "Kafka" 60 grep -qs "Kafka broker ready" "$WORK/kafka.log"
  wait_for "store" 60 grep -qs "Store ready" "$WORK/store.log"
  say "Kafka $BOOTSTRAP ($PARTITIONS partition(s) per topic), store 127.0.0.1:$STORE_PORT"
}

start_aggregator() { # starts it in the background; wait_ready waits for it
  KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" QUARKUS_MONGODB_CONNECTION_STRING="mongodb://127.0.0.1:$STORE_PORT" \
    QUARKUS_HTTP_PORT="$HTTP_PORT" java -Xmx"$HEAP" -jar services/aggregator/target/quarkus-app/quarkus-run.jar \
    >"$WORK/aggregator.log" 2>&1 &
  PIDS+=("$!")
}

wait_ready() {
  wait_for "aggregator" 120 curl -fs -o /dev/null "$BASE/q/health/ready"
  say "Aggregator ready at $BASE (-Xmx$HEAP)"
}
