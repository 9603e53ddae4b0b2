#!/usr/bin/env bash
# GitHub cost per repository per run, counted at a stub server: runs GithubCostIT alone (it also runs under
# `mvn verify`, where it asserts the budget) and prints the figures it measured (docs/performance.md).
#
#   deploy/bench/github-cost.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
mvn -B -o -pl services/github-collector verify -Dit.test=GithubCostIT -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false >"$ROOT/target/github-cost.log" 2>&1 \
  || { tail -50 "$ROOT/target/github-cost.log"; exit 1; }
sed -n '/^GitHub cost/,/second run/p' "$ROOT/target/github-cost.log"
