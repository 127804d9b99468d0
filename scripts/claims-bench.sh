#!/usr/bin/env bash
# The claims stage's driver-side work at study scale (io.tiedepth.claims.ClaimsBenchmark): owner rows from the
# generator's model in memory, then the ten claims, per-platform claims, cohorts, curves, layers and the suppression
# audit, each timed. Plain Java, no Spark.
#
# Usage: scripts/claims-bench.sh [owners] [resamples] [seed]   (defaults 100000 1000 1)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLASSPATH_FILE="$ROOT/jobs/target/embedded-classpath.txt"
if [[ ! -f "$CLASSPATH_FILE" || -n "$(find "$ROOT/common/src/main" -newer "$CLASSPATH_FILE" -print -quit)" ]]; then
  echo "claims-bench: building (mvn package, tests skipped)..." >&2
  (cd "$ROOT" && mvn -q -B -DskipTests package) >&2
fi
exec java -Xmx${CLAIMS_BENCH_MEMORY:-4g} -cp "$ROOT/common/target/classes:$(cat "$CLASSPATH_FILE")" \
  io.tiedepth.claims.ClaimsBenchmark "${1:-100000}" "${2:-1000}" "${3:-1}"
