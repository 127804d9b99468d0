#!/usr/bin/env bash
# The recovery study of the README ("Recovery on synthetic donations"): every claim on populations drawn from the
# synthetic-donation generator's model, with every effect planted, each effect switched off, every effect off, and
# adversarial nulls (small counts, overdispersed activity, every mega owner a spammer); coverage of each claim's
# estimand, power and false positives. Plain Java on both cores (io.tiedepth.claims.RecoveryStudy), no Spark.
#
# Usage: scripts/recovery-study.sh [seeds] [planted-seeds] [owners] [resamples] [estimand-owners] [planted-estimand-owners]
#        (defaults 40 50 400 300 10000 40000: the README's table, 9 minutes on the unloaded 2-core machine)
# Prints a Markdown table and writes it to bench-results/recovery-study.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$ROOT/bench-results"
exec "$ROOT/scripts/plain-java" "${RECOVERY_MEMORY:-6g}" io.tiedepth.claims.RecoveryStudy "${1:-40}" "${2:-50}" \
  "${3:-400}" "${4:-300}" "${5:-10000}" "${6:-40000}" "$ROOT/bench-results/recovery-study.md"
