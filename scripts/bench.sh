#!/usr/bin/env bash
# tiedepth benchmark: for each size (owners), generate a synthetic inbox (not timed), then time `ingest`,
# `features` and the whole `run` separately, and print one table:
#   owners, input MB, rows read, wall seconds per stage, rows/s and MB/s of the whole run, peak RSS, and the scaling
#   exponent of the run's wall time between successive sizes: log(t2/t1) / log(n2/n1) (1 = linear).
# The same table is written as CSV to bench-results/bench-<UTC time>.csv (git-ignored). Not part of the test suite.
#
#   scripts/bench.sh [sizes...]        default sizes: 200 1000
#
# Environment:
#   BENCH_SEED        generator seed (default 1)
#   BENCH_PARAMS      a generator --params file (default: the generator's defaults)
#   BENCH_PLATFORMS   the generator's --platforms, e.g. linkedin,facebook,twitter (default linkedin)
#   BENCH_DIR         where inboxes and warehouses go (default bench-results/work); an inbox generated earlier with
#                     the same size, seed, platforms and params file content is reused
#   BENCH_KEEP        keep the warehouses after measuring (default: deleted)
#   TIEDEPTH_DRIVER_MEMORY, JAVA_OPTS   passed to scripts/tiedepth
#
# Peak RSS is the maximum resident set of the JVM, from `/usr/bin/time -v` ("Maximum resident set size"). When
# /usr/bin/time is missing it is installed with apt-get if possible (package `time`); otherwise the script falls back
# to sampling VmHWM (the kernel's peak RSS) from /proc/<pid>/status every 0.2 s, which can miss a final spike.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TIEDEPTH="$ROOT/scripts/tiedepth"
SEED="${BENCH_SEED:-1}"
PLATFORMS="${BENCH_PLATFORMS:-linkedin}"
[[ "$PLATFORMS" =~ ^[a-z]+(,[a-z]+)*$ ]] || { echo "bench.sh: BENCH_PLATFORMS '$PLATFORMS' is not a comma-separated list" >&2; exit 2; }
WORK="${BENCH_DIR:-$ROOT/bench-results/work}"
RUN_DATE="2026-01-01"
SIZES=("$@")
if [[ ${#SIZES[@]} -eq 0 ]]; then
  SIZES=(200 1000)
fi
for n in "${SIZES[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: size '$n' is not a whole number ≥ 1" >&2; exit 2; }
done

TIME_MODE=proc
if [[ -x /usr/bin/time ]]; then
  TIME_MODE=gnu
elif command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == 0 ]]; then
  echo "bench.sh: /usr/bin/time is missing; installing the 'time' package with apt-get for peak RSS..." >&2
  if apt-get install -y -q time >/dev/null 2>&1 || (apt-get update -q >/dev/null 2>&1 && apt-get install -y -q time >/dev/null 2>&1); then
    TIME_MODE=gnu
  fi
fi
if [[ "$TIME_MODE" == proc ]]; then
  echo "bench.sh: /usr/bin/time not available; peak RSS is sampled from /proc/<pid>/status (VmHWM)" >&2
fi

mkdir -p "$WORK" "$ROOT/bench-results"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
CSV="$ROOT/bench-results/bench-$STAMP.csv"
LOG="$ROOT/bench-results/bench-$STAMP.log"
: > "$LOG"

# measure NAME CMD...: runs CMD, appends its output to the log, sets WALL (s) and RSS_MB. Fails the script on error.
measure() {
  local name="$1"; shift
  local start end status=0
  echo "=== $name: $*" >> "$LOG"
  start=$(date +%s.%N)
  if [[ "$TIME_MODE" == gnu ]]; then
    local tfile; tfile="$(mktemp)"
    /usr/bin/time -v -o "$tfile" "$@" >> "$LOG" 2>&1 || status=$?
    RSS_MB=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$tfile")
    cat "$tfile" >> "$LOG"; rm -f "$tfile"
  else
    "$@" >> "$LOG" 2>&1 &
    local pid=$! peak=0 kb
    while kill -0 "$pid" 2>/dev/null; do
      kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [[ -n "$kb" && "$kb" -gt "$peak" ]] && peak=$kb
      sleep 0.2
    done
    wait "$pid" || status=$?
    RSS_MB=$(( peak / 1024 ))
  fi
  end=$(date +%s.%N)
  WALL=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}')
  if [[ $status -ne 0 ]]; then
    echo "bench.sh: $name failed (exit $status); see $LOG" >&2
    exit 1
  fi
}

# manifest_count WAREHOUSE KEY: a count from the newest run manifest of the warehouse.
manifest_count() {
  local m; m="$(ls -t "$1"/runs/*/manifest.json | head -1)"
  grep -o "\"$2\" *: *[0-9]*" "$m" | head -1 | grep -o '[0-9]*$'
}

echo "bench.sh: building the jar if needed..." >&2
"$TIEDEPTH" --help > /dev/null

echo "owners,input_mb,rows,ingest_s,features_s,run_s,rows_per_s,mb_per_s,peak_rss_mb,ingest_rss_mb,features_rss_mb,run_rss_mb,scaling_exponent" > "$CSV"
prev_n=""; prev_t=""
for n in "${SIZES[@]}"; do
  gen="$WORK/gen-$n-seed$SEED"
  [[ "$PLATFORMS" == linkedin ]] || gen="$gen-${PLATFORMS//,/-}"
  [[ -z "${BENCH_PARAMS:-}" ]] || gen="$gen-params-$(sha256sum "$BENCH_PARAMS" | cut -c1-12)"
  if [[ ! -f "$gen/ground_truth.json" ]]; then
    echo "bench.sh: generating $n owners (not timed)..." >&2
    params=()
    [[ -n "${BENCH_PARAMS:-}" ]] && params=(--params "$BENCH_PARAMS")
    "$TIEDEPTH" generate --owners "$n" --seed "$SEED" --platforms "$PLATFORMS" --output "$gen" --overwrite ${params[@]+"${params[@]}"} >> "$LOG" 2>&1 \
      || { echo "bench.sh: generate failed; see $LOG" >&2; exit 1; }
  fi
  inbox="$gen/inbox"
  input_mb=$(du -sb "$inbox" | awk '{printf "%.1f", $1 / 1e6}')
  w1="$WORK/warehouse-$n-stages"; w2="$WORK/warehouse-$n-run"
  rm -rf "$w1" "$w2"

  echo "bench.sh: $n owners, $input_mb MB: ingest..." >&2
  measure "ingest $n" "$TIEDEPTH" ingest --input "$inbox" --output "$w1" --demo-key --run-date "$RUN_DATE"
  t_ingest=$WALL; r_ingest=$RSS_MB
  rows=$(manifest_count "$w1" rows_read)
  echo "bench.sh: $n owners: features..." >&2
  measure "features $n" "$TIEDEPTH" features --output "$w1" --run-date "$RUN_DATE"
  t_features=$WALL; r_features=$RSS_MB
  echo "bench.sh: $n owners: run..." >&2
  measure "run $n" "$TIEDEPTH" run --input "$inbox" --output "$w2" --demo-key --run-date "$RUN_DATE"
  t_run=$WALL; r_run=$RSS_MB
  [[ -n "${BENCH_KEEP:-}" ]] || rm -rf "$w1" "$w2"

  peak=$(printf '%s\n' "$r_ingest" "$r_features" "$r_run" | sort -n | tail -1)
  rps=$(awk -v r="$rows" -v t="$t_run" 'BEGIN {printf "%.0f", (t > 0 ? r / t : 0)}')
  mbps=$(awk -v m="$input_mb" -v t="$t_run" 'BEGIN {printf "%.2f", (t > 0 ? m / t : 0)}')
  if [[ -n "$prev_n" ]]; then
    expo=$(awk -v n1="$prev_n" -v n2="$n" -v t1="$prev_t" -v t2="$t_run" \
      'BEGIN {printf "%.2f", ((t1 > 0 && n2 != n1) ? log(t2 / t1) / log(n2 / n1) : 0)}')
  else
    expo=""
  fi
  echo "$n,$input_mb,$rows,$t_ingest,$t_features,$t_run,$rps,$mbps,$peak,$r_ingest,$r_features,$r_run,$expo" >> "$CSV"
  prev_n=$n; prev_t=$t_run
done

echo
printf '%8s %9s %10s %9s %11s %7s %9s %7s %9s %9s\n' owners input_MB rows ingest_s features_s run_s rows/s MB/s peak_RSS exponent
tail -n +2 "$CSV" | while IFS=, read -r n mb rows ti tf tr rps mbps peak ri rf rr expo; do
  printf '%8s %9s %10s %9s %11s %7s %9s %7s %8sM %9s\n' "$n" "$mb" "$rows" "$ti" "$tf" "$tr" "$rps" "$mbps" "$peak" "${expo:--}"
done
echo
echo "rows/s and MB/s are of the whole run; exponent = log(run time ratio) / log(size ratio) against the previous size."
echo "CSV: $CSV   log: $LOG"
