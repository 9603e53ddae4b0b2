#!/usr/bin/env bash
# Runs the whole ecopulse stack on this machine: a Kafka broker (KRaft), the embedded store (mongo-java-server on an
# H2 file), then the aggregator and the seven collectors, each from its packaged jar. A process that exits later is
# restarted (with a growing pause, logged); Ctrl-C stops everything, and so does a process that cannot start at all
# (not ready in time at start, or exiting again ECOPULSE_RESTART_LIMIT times in a row).
#
#   deploy/local/run.sh            build what is missing, start, wait until every service is ready
#   deploy/local/run.sh --rebuild  rebuild the jars first
#   deploy/local/run.sh --offline  SAMPLE DATA, no network: a local replay server (WireMock) answers in place of GitHub,
#                                  PyPI, pypistats, Maven Central, deps.dev, the Hugging Face Hub, Stack Exchange,
#                                  npm and OpenAlex with invented numbers (deploy/local/offline/replay,
#                                  docs/offline.md); one collection per collector is started and the script waits
#                                  until every framework has a score
#
# Environment (all optional):
#   KAFKA_BOOTSTRAP_SERVERS             use this Kafka instead of starting one
#   QUARKUS_MONGODB_CONNECTION_STRING   use this MongoDB instead of starting the embedded store
#   KAFKA_PORT (9092) KAFKA_CONTROLLER_PORT (9093) STORE_PORT (27017)
#   AGGREGATOR_PORT (8080) GITHUB_COLLECTOR_PORT (8081) PYPI_COLLECTOR_PORT (8082) MAVEN_COLLECTOR_PORT (8083)
#   HUGGINGFACE_COLLECTOR_PORT (8084) STACKEXCHANGE_COLLECTOR_PORT (8085) NPM_COLLECTOR_PORT (8086)
#   RESEARCH_COLLECTOR_PORT (8087)
#   ECOPULSE_DATA_DIR (.local-data; --offline: .local-data/offline)  where the broker, store, logs, admin key and the
#                                       collectors' backfill ledgers (backfill/<service>.txt) live
#   ECOPULSE_ADMIN_KEY                  admin key for POST /api/v1/collect, 24+ characters (generated and kept in the
#                                       data dir if unset; curl reads it from $DATA_DIR/admin-key.header, never argv)
#   GITHUB_TOKEN, HF_TOKEN, ECOPULSE_STACKEXCHANGE_KEY, ECOPULSE_OPENALEX_API_KEY (all optional: each raises its
#                                       upstream's limit), ECOPULSE_CATALOG_PATH and every other ECOPULSE_* /
#                                       QUARKUS_* variable reach the services as they are
#   ECOPULSE_READY_TIMEOUT (90)         seconds each process may take to become ready
#   ECOPULSE_RESTART_LIMIT (5)          restarts in a row (none lasting ECOPULSE_RESTART_STABLE s) before giving up
#   ECOPULSE_RESTART_STABLE (120)       seconds a restarted process must keep running to count as recovered
#   REPLAY_PORT (8089)                  --offline: port of the replay server
#   ECOPULSE_SCORES_TIMEOUT (180)       --offline: seconds to wait for every framework's score
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

REBUILD=false
OFFLINE=false
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=true ;;
    --offline) OFFLINE=true ;;
    -h|--help) sed -n '2,33p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

STARTED_AT=$SECONDS
DATA_DIR="${ECOPULSE_DATA_DIR:-$ROOT/.local-data}"
# sample data never mixes with collected data: offline mode keeps its own broker, store and logs
if $OFFLINE && [ -z "${ECOPULSE_DATA_DIR:-}" ]; then DATA_DIR="$ROOT/.local-data/offline"; fi
LOG_DIR="$DATA_DIR/logs"
READY_TIMEOUT="${ECOPULSE_READY_TIMEOUT:-90}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
STORE_PORT="${STORE_PORT:-27017}"
COLLECTORS=(github-collector pypi-collector maven-collector huggingface-collector stackexchange-collector npm-collector
  research-collector)
SERVICES=(aggregator "${COLLECTORS[@]}")
declare -A PORTS=(
  [aggregator]="${AGGREGATOR_PORT:-8080}"
  [github-collector]="${GITHUB_COLLECTOR_PORT:-8081}"
  [pypi-collector]="${PYPI_COLLECTOR_PORT:-8082}"
  [maven-collector]="${MAVEN_COLLECTOR_PORT:-8083}"
  [huggingface-collector]="${HUGGINGFACE_COLLECTOR_PORT:-8084}"
  [stackexchange-collector]="${STACKEXCHANGE_COLLECTOR_PORT:-8085}"
  [npm-collector]="${NPM_COLLECTOR_PORT:-8086}"
  [research-collector]="${RESEARCH_COLLECTOR_PORT:-8087}"
)
INFRA_DIR="$ROOT/deploy/local/infra/target"
REPLAY_PORT="${REPLAY_PORT:-8089}"
REPLAY_JAR="$INFRA_DIR/replay-server/wiremock-standalone.jar"
REPLAY_DIR="$ROOT/deploy/local/offline/replay"
SCORES_TIMEOUT="${ECOPULSE_SCORES_TIMEOUT:-180}"
RESTART_LIMIT="${ECOPULSE_RESTART_LIMIT:-5}"
RESTART_STABLE="${ECOPULSE_RESTART_STABLE:-120}"
# the minimum the collectors accept (AdminKey.MIN_LENGTH)
ADMIN_KEY_MIN_LENGTH=24
PIDS=()         # per process: its pid, or empty while it waits to be restarted
NAMES=()
COMMANDS=()     # per process: its command line, quoted for eval
STARTED=()      # per process: SECONDS when it was last started
RESTARTS=()     # per process: restarts in a row that did not last RESTART_STABLE seconds
RESTART_AT=()   # per process: SECONDS at which a waiting process is started again

say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { say "ERROR: $*" >&2; exit 1; }

jar_of() { echo "$ROOT/services/$1/target/quarkus-app/quarkus-run.jar"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- stop everything we started, newest first, and wait for each process to end ---------------------------------
stopping=false
stop_all() {
  $stopping && return
  stopping=true
  trap - INT TERM
  say "Stopping..."
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    local pid="${PIDS[$i]}" name="${NAMES[$i]}"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || continue
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      say "  $name did not stop within 30 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    rm -f "$DATA_DIR/pids/$name.pid"
    say "  $name stopped"
  done
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

launch() { # index: (re)starts that process in the background, its output appended to its log
  local i="$1"
  # exec: the pid kept is the process itself, so a signal to it reaches it (and not a shell around it)
  eval "exec ${COMMANDS[$i]}" >>"$LOG_DIR/${NAMES[$i]}.log" 2>&1 &
  PIDS[$i]="$!"
  STARTED[$i]=$SECONDS
  echo "${PIDS[$i]}" >"$DATA_DIR/pids/${NAMES[$i]}.pid"
}

start() { # name, then the command
  local name="$1"; shift
  local i=${#NAMES[@]}
  NAMES[$i]="$name"
  COMMANDS[$i]="$(printf '%q ' "$@")"
  RESTARTS[$i]=0
  RESTART_AT[$i]=0
  launch "$i"
}

# A process that ended on its own: restarted after 1, 2, 4 ... 60 s. One that keeps failing cannot start at all.
supervise() {
  local i pid code delay
  for i in "${!NAMES[@]}"; do
    pid="${PIDS[$i]}"
    if [ -z "$pid" ]; then
      ((SECONDS >= RESTART_AT[i])) || continue
      say "Restarting ${NAMES[$i]} (restart ${RESTARTS[$i]} in a row)"
      launch "$i"
      continue
    fi
    kill -0 "$pid" 2>/dev/null && continue
    code=0; wait "$pid" 2>/dev/null || code=$?
    if ((SECONDS - STARTED[i] >= RESTART_STABLE)); then RESTARTS[$i]=0; fi
    RESTARTS[$i]=$((RESTARTS[i] + 1))
    if ((RESTARTS[i] > RESTART_LIMIT)); then
      tail -n 40 "$LOG_DIR/${NAMES[$i]}.log" >&2
      fail "${NAMES[$i]} exited again (code $code): $RESTART_LIMIT restarts in a row did not keep it running, so it cannot start; stopping everything (log: $LOG_DIR/${NAMES[$i]}.log)"
    fi
    delay=$((1 << (RESTARTS[i] - 1))); ((delay <= 60)) || delay=60
    say "${NAMES[$i]} exited unexpectedly (code $code, pid $pid); restarting it in $delay s (log: $LOG_DIR/${NAMES[$i]}.log)"
    PIDS[$i]=""
    RESTART_AT[$i]=$((SECONDS + delay))
  done
}

wait_until() { # name, pid, check command...
  local name="$1" pid="$2"; shift 2
  local deadline=$((SECONDS + READY_TIMEOUT))
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || { tail -n 40 "$LOG_DIR/$name.log" >&2; fail "$name exited during start (log: $LOG_DIR/$name.log)"; }
    ((SECONDS < deadline)) || { tail -n 40 "$LOG_DIR/$name.log" >&2; fail "$name not ready after $READY_TIMEOUT s (log: $LOG_DIR/$name.log)"; }
    sleep 1
  done
}

service_ready() { curl -fs -o /dev/null "http://127.0.0.1:$1/q/health/ready"; }

# which optional upstream credentials the collectors got: names only, never a value
credentials() {
  local v out=()
  for v in GITHUB_TOKEN HF_TOKEN ECOPULSE_STACKEXCHANGE_KEY ECOPULSE_OPENALEX_API_KEY; do
    if [ -n "${!v:-}" ]; then out+=("$v set"); else out+=("$v unset"); fi
  done
  local IFS=,
  echo "${out[*]}" | sed 's/,/, /g'
}

# --- preflight ---------------------------------------------------------------------------------------------------
command -v java >/dev/null || fail "java is not on the PATH (JDK 17 needed)"
command -v curl >/dev/null || fail "curl is needed to check readiness (apt-get install curl)"
for s in "${SERVICES[@]}"; do
  port_in_use "${PORTS[$s]}" && fail "port ${PORTS[$s]} for $s is in use (is the stack already running?)"
done
if [ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]; then
  port_in_use "$KAFKA_PORT" && fail "port $KAFKA_PORT for Kafka is in use (set KAFKA_PORT, or KAFKA_BOOTSTRAP_SERVERS to use that broker)"
fi
if [ -z "${QUARKUS_MONGODB_CONNECTION_STRING:-}" ]; then
  port_in_use "$STORE_PORT" && fail "port $STORE_PORT for the store is in use (set STORE_PORT, or QUARKUS_MONGODB_CONNECTION_STRING to use that MongoDB)"
fi
if $OFFLINE; then
  # invented observations must not land in a real broker or store, where nothing marks them as sample data
  if [ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ] || [ -n "${QUARKUS_MONGODB_CONNECTION_STRING:-}" ]; then
    fail "--offline runs its own broker and store for the sample data: unset KAFKA_BOOTSTRAP_SERVERS and QUARKUS_MONGODB_CONNECTION_STRING"
  fi
  port_in_use "$REPLAY_PORT" && fail "port $REPLAY_PORT for the replay server is in use (set REPLAY_PORT)"
  [ -d "$REPLAY_DIR/mappings" ] || fail "no replay files in $REPLAY_DIR (python3 deploy/local/offline/generate.py writes them)"
fi
mkdir -p "$LOG_DIR"

# --- build what is missing -----------------------------------------------------------------------------------------
missing=false
for s in "${SERVICES[@]}"; do [ -f "$(jar_of "$s")" ] || missing=true; done
[ -f "$INFRA_DIR/ecopulse-local-infra.jar" ] || missing=true
if $OFFLINE && [ ! -f "$REPLAY_JAR" ]; then missing=true; fi
if $REBUILD || $missing; then
  say "Building the services (./mvnw package -DskipTests)..."
  ./mvnw -B -q package -DskipTests || fail "the build failed"
fi
say "Build ready; starting the stack (logs in $LOG_DIR)"

if [ -z "${ECOPULSE_ADMIN_KEY:-}" ]; then
  key_file="$DATA_DIR/admin-key"
  if [ -s "$key_file" ] && (($(tr -d '\n' <"$key_file" | wc -c) < ADMIN_KEY_MIN_LENGTH)); then
    say "The kept admin key is shorter than $ADMIN_KEY_MIN_LENGTH characters; generating a new one"
    rm -f "$key_file"
  fi
  # 24 random bytes: 32 characters
  [ -s "$key_file" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '\n' >"$key_file")
  ECOPULSE_ADMIN_KEY="$(cat "$key_file")"
fi
((${#ECOPULSE_ADMIN_KEY} >= ADMIN_KEY_MIN_LENGTH)) \
  || fail "ECOPULSE_ADMIN_KEY has ${#ECOPULSE_ADMIN_KEY} characters; the collectors need at least $ADMIN_KEY_MIN_LENGTH (openssl rand -hex 24)"
export ECOPULSE_ADMIN_KEY
# curl reads the header from this file (-H @file), so the key never shows in a process list
ADMIN_HEADER="$DATA_DIR/admin-key.header"
(umask 077; printf 'X-Api-Key: %s\n' "$ECOPULSE_ADMIN_KEY" >"$ADMIN_HEADER")
mkdir -p "$DATA_DIR/pids"

INFRA_CP="$INFRA_DIR/ecopulse-local-infra.jar:$INFRA_DIR/lib/*"

# --- offline: the replay server in place of every public API ------------------------------------------------------
if $OFFLINE; then
  start replay-server java -Xmx256m -XX:+UseSerialGC -jar "$REPLAY_JAR" --port "$REPLAY_PORT" \
    --bind-address 127.0.0.1 --root-dir "$REPLAY_DIR" --disable-banner --no-request-journal
  wait_until replay-server "${PIDS[-1]}" curl -fs -o /dev/null "http://127.0.0.1:$REPLAY_PORT/__admin/health"
  REPLAY_URL="http://127.0.0.1:$REPLAY_PORT"
  export ECOPULSE_GITHUB_API_URL="$REPLAY_URL" ECOPULSE_GITHUB_BATCH_SIZE=50
  export GITHUB_TOKEN="offline-sample-token"   # not a real token: it only makes the collector use GraphQL
  export ECOPULSE_UPSTREAM_ALLOW_INSECURE=true  # the replay speaks plain http on localhost
  export ECOPULSE_PYPI_URL="$REPLAY_URL" ECOPULSE_PYPISTATS_URL="$REPLAY_URL" ECOPULSE_DEPSDEV_URL="$REPLAY_URL"
  export ECOPULSE_MAVEN_REPO_URL="$REPLAY_URL/maven2" ECOPULSE_MAVEN_SEARCH_URL="$REPLAY_URL"
  export ECOPULSE_HUGGINGFACE_URL="$REPLAY_URL" ECOPULSE_STACKEXCHANGE_URL="$REPLAY_URL"
  export ECOPULSE_NPM_REGISTRY_URL="$REPLAY_URL" ECOPULSE_NPM_DOWNLOADS_URL="$REPLAY_URL"
  export ECOPULSE_RESEARCH_URL="$REPLAY_URL"
  # the replay server is local: no public API's politeness limits to keep
  export ECOPULSE_PYPI_REQUESTS_PER_SECOND=1000 ECOPULSE_PYPISTATS_REQUESTS_PER_SECOND=1000
  export ECOPULSE_PYPISTATS_REQUESTS_PER_MINUTE=60000 ECOPULSE_MAVEN_REQUESTS_PER_SECOND=1000
  export ECOPULSE_HUGGINGFACE_REQUESTS_PER_SECOND=1000 ECOPULSE_STACKEXCHANGE_REQUESTS_PER_SECOND=30
  export ECOPULSE_NPM_REGISTRY_REQUESTS_PER_SECOND=1000 ECOPULSE_NPM_DOWNLOADS_INTERVAL=PT0.05S
  export ECOPULSE_RESEARCH_REQUESTS_PER_SECOND=1000
  # OpenAlex's free daily allowance without a key covers about ten searches; the replay charges nothing
  export ECOPULSE_RESEARCH_DAILY_BUDGET=100
  # real keys are not needed by the replay and stay out of its logs
  unset HF_TOKEN ECOPULSE_STACKEXCHANGE_KEY ECOPULSE_OPENALEX_API_KEY ECOPULSE_RESEARCH_API_KEY
  # not a real key (the replay checks none): the research collector plans with a keyed budget and reports no
  # "no API key" error, as GITHUB_TOKEN's placeholder makes the GitHub collector use GraphQL
  export ECOPULSE_OPENALEX_API_KEY="offline-sample-token"
  export ECOPULSE_COLLECT_ON_START=false ECOPULSE_SAMPLE_DATA=true
  # a second collection minutes later (snapshot 2) is stored as an observation of its own, not merged into the first
  export ECOPULSE_COLLECT_BUCKET=1s
  unset ECOPULSE_CATALOG_PATH   # the replay files answer for the default catalog
  say "Replay server ready on $REPLAY_URL: SAMPLE DATA with invented numbers (files in $REPLAY_DIR)"
fi

# --- Kafka ---------------------------------------------------------------------------------------------------------
if [ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]; then
  say "Kafka: using $KAFKA_BOOTSTRAP_SERVERS (no local broker started)"
else
  start kafka java -Xmx512m -Xms128m -cp "$INFRA_CP" dev.ecopulse.infra.KafkaBrokerMain \
    --data "$DATA_DIR/kafka" --port "$KAFKA_PORT" --controller-port "$KAFKA_CONTROLLER_PORT"
  wait_until kafka "${PIDS[-1]}" grep -qs "Kafka broker ready" "$LOG_DIR/kafka.log"
  export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
  say "Kafka ready on $KAFKA_BOOTSTRAP_SERVERS (data in $DATA_DIR/kafka)"
fi

# --- store ---------------------------------------------------------------------------------------------------------
if [ -n "${QUARKUS_MONGODB_CONNECTION_STRING:-}" ]; then
  say "Store: using the MongoDB in QUARKUS_MONGODB_CONNECTION_STRING (no embedded store started)"
else
  start store java -Xmx512m -Xms64m -cp "$INFRA_CP" dev.ecopulse.infra.StoreMain \
    --data "$DATA_DIR/store/ecopulse.mv" --port "$STORE_PORT"
  wait_until store "${PIDS[-1]}" grep -qs "Store ready" "$LOG_DIR/store.log"
  export QUARKUS_MONGODB_CONNECTION_STRING="mongodb://127.0.0.1:$STORE_PORT"
  say "Store ready on $QUARKUS_MONGODB_CONNECTION_STRING (data in $DATA_DIR/store)"
fi

# --- services: started together, then each waited for --------------------------------------------------------------
for s in "${SERVICES[@]}"; do
  # each collector remembers which subjects it backfilled and its ETags, so a restart does not read their past again
  # and still gets its 304s
  start "$s" env QUARKUS_HTTP_PORT="${PORTS[$s]}" \
    ECOPULSE_COLLECT_BACKFILL_LEDGER="${ECOPULSE_COLLECT_BACKFILL_LEDGER:-$DATA_DIR/backfill/$s.txt}" \
    ECOPULSE_COLLECT_ETAG_CACHE="${ECOPULSE_COLLECT_ETAG_CACHE:-$DATA_DIR/etag-cache/$s.json}" \
    java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$(jar_of "$s")"
done
for i in "${!SERVICES[@]}"; do
  s="${SERVICES[$i]}"
  wait_until "$s" "${PIDS[$((${#PIDS[@]} - ${#SERVICES[@]} + i))]}" service_ready "${PORTS[$s]}"
  say "$s ready on http://localhost:${PORTS[$s]}"
done

cat <<EOF

ecopulse is running. Ctrl-C stops everything; a process that exits is restarted.
  aggregator               http://localhost:${PORTS[aggregator]}/api/v1        (Swagger UI: /q/swagger-ui)
  comparison page          http://localhost:${PORTS[aggregator]}/               (open it in a browser)
$(for s in "${COLLECTORS[@]}"; do printf '  %-24s http://localhost:%s/api/v1/collect\n' "$s" "${PORTS[$s]}"; done)
  upstream credentials     $(credentials)
  Kafka                    ${KAFKA_BOOTSTRAP_SERVERS}
  MongoDB protocol         ${QUARKUS_MONGODB_CONNECTION_STRING}
  metrics                  /q/metrics on every service; health /q/health
  admin key                header X-Api-Key; curl -H @$ADMIN_HEADER ... (key kept in $DATA_DIR/admin-key)
  logs                     $LOG_DIR

EOF

# --- offline: one collection per collector, then wait for every framework's score ----------------------------------
if $OFFLINE; then
  for s in "${COLLECTORS[@]}"; do
    curl -fs -o /dev/null -X POST -H @"$ADMIN_HEADER" "http://127.0.0.1:${PORTS[$s]}/api/v1/collect" \
      || fail "$s refused to start a collection (log: $LOG_DIR/$s.log)"
  done
  say "Collecting the sample data (snapshot 1)..."
  deadline=$((SECONDS + SCORES_TIMEOUT))
  # every framework of the list has "projects"; only a scored one has "maturity"
  until body="$(curl -fs "http://127.0.0.1:${PORTS[aggregator]}/api/v1/frameworks")" \
      && frameworks="$(grep -o '"projects":' <<<"$body" | wc -l)" && ((frameworks > 0)) \
      && [ "$(grep -o '"maturity":' <<<"$body" | wc -l)" -eq "$frameworks" ]; do
    ((SECONDS < deadline)) || fail "not every framework has a score after $SCORES_TIMEOUT s (logs in $LOG_DIR)"
    sleep 2
  done
  say "Scores ready for all $frameworks frameworks, $((SECONDS - STARTED_AT)) s after start. SAMPLE DATA: invented numbers."
  cat <<OFFLINE_HINT
  curl -s localhost:${PORTS[aggregator]}/api/v1/frameworks   or open http://localhost:${PORTS[aggregator]}/
  A second collection reads snapshot 2 (four weeks later in the sample data), e.g.:
  curl -s -X POST -H @$ADMIN_HEADER localhost:${PORTS[pypi-collector]}/api/v1/collect

OFFLINE_HINT
fi

# --- keep running until Ctrl-C, restarting what exits --------------------------------------------------------------
while true; do
  supervise
  sleep 1
done
