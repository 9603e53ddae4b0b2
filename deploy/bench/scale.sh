#!/usr/bin/env bash
# Scoring at scale (not part of `mvn verify`): a generated catalog of N projects observed daily for D days, fed in
# order into the aggregator's bounded in-memory history and scored with its pure scoring functions in one JVM; the
# days and heap memory holds, the time of the current scores and of the rescores a late observation causes
# (docs/performance.md).
#
#   deploy/bench/scale.sh [projects (10000)] [days (365)] [repetitions (5)] [late days in memory (31)]
#
# Environment (optional): BENCH_HEAP (8g).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"
HEAP="${BENCH_HEAP:-8g}"

build
machine
java -Xmx"$HEAP" -XX:+UseG1GC -cp "$BENCH_CP" dev.ecopulse.aggregator.bench.ScaleBench "${1:-10000}" "${2:-365}" "${3:-5}" "${4:-31}"
machine
