#!/usr/bin/env bash
# The recovery study of the README ("Recovery on synthetic donations"): every claim on populations drawn from the
# synthetic-donation generator's model, with every effect planted, each effect switched off, every effect off, and
# adversarial nulls (small counts, overdispersed activity, every mega owner a spammer); coverage of each claim's
# estimand, power and false positives. Plain Java on both cores (io.tiedepth.claims.RecoveryStudy), no Spark.
#
# Usage: scripts/recovery-study.sh [seeds] [planted-seeds] [owners] [resamples] [estimand-owners] [planted-estimand-owners]
#        (defaults 60 60 1000 300 20000 60000: the README's table, about an hour on the 2-core machine)
# Prints a Markdown table and writes it to bench-results/recovery-study.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$ROOT/bench-results"
exec "$ROOT/scripts/plain-java" "${RECOVERY_MEMORY:-6g}" io.tiedepth.claims.RecoveryStudy "${1:-60}" "${2:-60}" \
  "${3:-1000}" "${4:-300}" "${5:-20000}" "${6:-60000}" "$ROOT/bench-results/recovery-study.md"
