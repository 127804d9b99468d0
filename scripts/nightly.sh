#!/usr/bin/env bash
# Cron-ready nightly run of tiedepth:
#   scripts/nightly.sh --inbox DIR --warehouse DIR [--key-file FILE] [any other `tiedepth run` option]
# - Holds a lock (flock) per warehouse, so two runs on one warehouse never overlap; a run that finds the lock
#   taken exits at once with code 75 (EX_TEMPFAIL), leaving the running one alone.
# - Appends everything to a dated log file: $TIEDEPTH_LOG_DIR/tiedepth-<YYYY-MM-DD>.log (default ~/tiedepth-logs).
# - Exits with tiedepth's own exit code (0 ok or nothing new, 2 bad arguments, 3 unreadable input, 4 stage failed,
#   5 study key differs from the warehouse's, 75 warehouse locked by another command).
# Environment: TIEDEPTH_KEY or --key-file for the study key; TIEDEPTH_LOG_DIR; TIEDEPTH_LOCK_DIR (default /tmp);
# TIEDEPTH_LAUNCHER (default scripts/tiedepth).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAUNCHER="${TIEDEPTH_LAUNCHER:-$ROOT/scripts/tiedepth}"
LOG_DIR="${TIEDEPTH_LOG_DIR:-$HOME/tiedepth-logs}"
LOCK_DIR="${TIEDEPTH_LOCK_DIR:-/tmp}"

warehouse=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    --warehouse | --output) warehouse="${args[$((i + 1))]:-}" ;;
    --warehouse=* | --output=*) warehouse="${args[$i]#*=}" ;;
  esac
done
if [[ -z "$warehouse" ]]; then
  echo "nightly.sh: missing --warehouse DIR" >&2
  exit 2
fi

mkdir -p "$LOG_DIR" "$LOCK_DIR"
log="$LOG_DIR/tiedepth-$(date -u +%F).log"
lock="$LOCK_DIR/tiedepth-$(printf '%s' "$warehouse" | sha256sum | cut -c1-16).lock"

exec 9>"$lock"
if ! flock -n 9; then
  echo "$(date -u +%FT%TZ) nightly.sh: another run holds $lock for warehouse $warehouse; not starting" | tee -a "$log" >&2
  exit 75
fi

echo "$(date -u +%FT%TZ) nightly.sh: tiedepth run $*" >>"$log"
"$LAUNCHER" run "$@" >>"$log" 2>&1
code=$?
echo "$(date -u +%FT%TZ) nightly.sh: exit code $code" >>"$log"
exit "$code"
