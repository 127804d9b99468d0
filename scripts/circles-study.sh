#!/usr/bin/env bash
# The study behind README's "Dunbar circles" table: rules for the number of circles (BIC, penalised BIC, a minimum
# gain in explained variance, Mean Shift as valearna/egonetworks) on generated owners with >= 140 active ties and on
# frequency spreads without layers.
# Usage: scripts/circles-study.sh [seeds] [owners]     (defaults 10 and 500: the README table; about 4 minutes)
# Prints a Markdown table and writes it to common/target/circles-study.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="${1:-10}"
owners="${2:-500}"
mvn -q -B -o -pl common test -Dtest=CirclesStudyTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcircles.study=true -Dcircles.seeds="$seeds" -Dcircles.owners="$owners"
cat common/target/circles-study.md
