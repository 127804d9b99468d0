#!/usr/bin/env bash
# The claims stage's driver-side work at study scale (io.tiedepth.claims.ClaimsBenchmark): owner rows from the
# generator's model in memory, then the ten claims, per-platform claims, cohorts, curves, layers and the suppression
# audit, each timed. Plain Java, no Spark.
#
# Usage: scripts/claims-bench.sh [owners] [resamples] [seed]   (defaults 100000 1000 1)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$ROOT/scripts/plain-java" "${CLAIMS_BENCH_MEMORY:-4g}" io.tiedepth.claims.ClaimsBenchmark "${1:-100000}" \
  "${2:-1000}" "${3:-1}"
