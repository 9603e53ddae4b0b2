#!/usr/bin/env bash
# Aggregator ingest next to a plain Kafka consumer on the same topics, same run, same machine (not part of
# `mvn verify`). With no aggregator running, preloads N realistic observations (collection runs of every catalog
# subject, 6 hours apart), times a plain consumer reading them all, then starts the aggregator and times it until its
# stored + duplicate counters have counted them all. The ratio of the two rates is the figure (docs/performance.md).
#
#   deploy/bench/ingest-ratio.sh
#
# Environment (all optional): BENCH_OBSERVATIONS (100000) and those of deploy/bench/stack.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/stack.sh"
OBSERVATIONS="${BENCH_OBSERVATIONS:-100000}"

build
start_infra
machine
say "Preloading $OBSERVATIONS observations (no aggregator running)"
bench_java IngestRatio preload "$BOOTSTRAP" "$OBSERVATIONS"
say "Plain consumer"
bench_java IngestRatio consume "$BOOTSTRAP" "$OBSERVATIONS"
say "Aggregator"
start_aggregator
bench_java IngestRatio await "$BASE" "$OBSERVATIONS"
machine
