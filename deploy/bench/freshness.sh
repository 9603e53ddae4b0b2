#!/usr/bin/env bash
# End-to-end freshness (not part of `mvn verify`): on a fresh local stack, publishes one GitHub observation at a time
# (each newer, with more stars) and times until GET /api/v1/projects/{id} shows the score resting on it.
# Reports p50/p95 (docs/performance.md).
#
#   deploy/bench/freshness.sh
#
# Environment (all optional): BENCH_SAMPLES (60), BENCH_PROJECT (torch) and those of deploy/bench/stack.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"
SAMPLES="${BENCH_SAMPLES:-60}"
PROJECT="${BENCH_PROJECT:-torch}"

build
start_infra
start_aggregator
wait_ready
machine
bench_java Freshness "$BOOTSTRAP" "$BASE" "$SAMPLES" "$PROJECT"
machine
