#!/usr/bin/env bash
# The recovery study of the README ("Recovery on synthetic donations"): claims on populations drawn from the
# synthetic-donation generator's model, every effect planted and each effect switched off, over several seeds.
# Usage: scripts/recovery-study.sh [seeds] [owners]     (defaults 5 and 500; about a minute per seed)
# Prints a Markdown table and writes it to common/target/recovery-study.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="${1:-5}"
owners="${2:-500}"
mvn -q -B -pl common test -Dtest=RecoveryStudyTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Drecovery.study=true -Drecovery.seeds="$seeds" -Drecovery.owners="$owners"
cat common/target/recovery-study.md
