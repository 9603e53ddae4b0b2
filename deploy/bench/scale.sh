#!/usr/bin/env bash
# Scoring at scale (not part of `mvn verify`): a generated catalog of N projects observed daily for D days, scored
# with the aggregator's pure scoring functions in one JVM; wall time of one evaluation and of a full rescore of the
# history, and the heap in use after GC (docs/performance.md).
#
#   deploy/bench/scale.sh [projects (10000)] [days (31)]
#
# Environment (optional): BENCH_HEAP (2g).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"
HEAP="${BENCH_HEAP:-2g}"

build
machine
java -Xmx"$HEAP" -XX:+UseG1GC -cp "$BENCH_CP" dev.ecopulse.aggregator.bench.ScaleBench "${1:-10000}" "${2:-31}"
machine
