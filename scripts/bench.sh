#!/usr/bin/env bash
# tiedepth benchmark: for each size (owners), generate a synthetic inbox (not timed), then time `ingest`,
# `features` and the whole `run` separately, and print one table:
#   owners, input MB, rows read, wall seconds per stage, rows/s and MB/s of the whole run, peak RSS, and the scaling
#   exponent of the run's wall time between successive sizes: log(t2/t1) / log(n2/n1) (1 = linear);
#   and the anchor (issue 15): the same tie features and owner metrics computed by DuckDB SQL
#   (scripts/bench/duckdb-features.sql) over the canonical Parquet tables ingest wrote, timed in rounds alternating
#   with `tiedepth features` on that warehouse (features_s and duckdb_s are the medians), the ratio
#   tiedepth / DuckDB, whether the two outputs are equal (by key and column, doubles within 1e-9 relative; the
#   columns the SQL does not compute, Dunbar circles, are listed and not compared), and the parse floor: one Java
#   thread streaming every byte of the inbox, zip members inflated (scripts/bench/ParseFloor.java), in MB/s beside
#   ingest's MB/s per core.
# The same table is written as CSV to bench-results/bench-<UTC time>.csv (git-ignored). Not part of the test suite.
# The script exits 3, after printing the table, when DuckDB's and tiedepth's outputs differ.
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
#   BENCH_ROUNDS      rounds of `features` alternating with DuckDB (default 3; the medians are reported)
#   BENCH_ANCHOR      0: no DuckDB (features still timed BENCH_ROUNDS times, the parse floor still measured)
#   BENCH_DUCKDB_VERSION   org.duckdb:duckdb_jdbc version (default 1.4.4.0), fetched into the local Maven repository
#                     with `mvn dependency:get` the first time (the only download; never part of the build or jar)
#   BENCH_DUCKDB_THREADS   DuckDB's threads (default: nproc, the cores tiedepth's local[*] uses)
#   BENCH_DUCKDB_MEMORY    DuckDB's memory_limit (default 4GB, the launcher's default driver heap)
#   BENCH_M2_REPO     the local Maven repository (default ~/.m2/repository)
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
ROUNDS="${BENCH_ROUNDS:-3}"
ANCHOR="${BENCH_ANCHOR:-1}"
CORES="$(nproc)"
DUCKDB_VERSION="${BENCH_DUCKDB_VERSION:-1.4.4.0}"
DUCKDB_THREADS="${BENCH_DUCKDB_THREADS:-$CORES}"
DUCKDB_MEMORY="${BENCH_DUCKDB_MEMORY:-4GB}"
M2_REPO="${BENCH_M2_REPO:-$HOME/.m2/repository}"
JAR="$ROOT/jobs/target/tiedepth.jar"
SQL="$ROOT/scripts/bench/duckdb-features.sql"
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: BENCH_ROUNDS '$ROUNDS' is not a whole number ≥ 1" >&2; exit 2; }
[[ "$DUCKDB_THREADS" =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: BENCH_DUCKDB_THREADS '$DUCKDB_THREADS' is not a whole number ≥ 1" >&2; exit 2; }
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

# measure NAME CMD...: runs CMD, appends its output to the log, sets WALL (s), RSS_MB and CPU (user + system s, "-"
# without /usr/bin/time). Fails the script on error.
measure() {
  local name="$1"; shift
  local start end status=0
  echo "=== $name: $*" >> "$LOG"
  LOADS+=("$(cut -d' ' -f1 /proc/loadavg)")
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$LOG"
  start=$(date +%s.%N)
  if [[ "$TIME_MODE" == gnu ]]; then
    local tfile; tfile="$(mktemp)"
    /usr/bin/time -v -o "$tfile" "$@" >> "$LOG" 2>&1 || status=$?
    RSS_MB=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$tfile")
    CPU=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ {s += $2} END {printf "%.1f", s}' "$tfile")
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
    CPU="-"
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

# median V...: the median of the numbers (the mean of the middle two for an even count), one decimal.
median() {
  printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {if (NR % 2) printf "%.1f", a[(NR + 1) / 2];
    else printf "%.1f", (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

# last_field PATTERN SED: from the log's last line matching PATTERN, what the sed expression keeps.
last_field() {
  grep -E "$1" "$LOG" | tail -1 | sed -E "$2"
}

echo "bench.sh: building the jar if needed..." >&2
"$TIEDEPTH" --help > /dev/null

# The benchmark's own Java (never in the build): the parse floor (no dependency) and the DuckDB anchor (java.sql,
# DuckDB's JDBC driver at run time, the tiedepth jar for the thresholds, channels and size classes).
CLASSES="$WORK/bench-classes"
rm -rf "$CLASSES"; mkdir -p "$CLASSES"
javac -d "$CLASSES" "$ROOT/scripts/bench/ParseFloor.java"
if [[ "$ANCHOR" != 0 ]]; then
  DUCKDB_JAR="$M2_REPO/org/duckdb/duckdb_jdbc/$DUCKDB_VERSION/duckdb_jdbc-$DUCKDB_VERSION.jar"
  if [[ ! -f "$DUCKDB_JAR" ]]; then
    echo "bench.sh: fetching org.duckdb:duckdb_jdbc:$DUCKDB_VERSION from Maven Central (once, into $M2_REPO)..." >&2
    (cd "$WORK" && mvn -B -q -Dstyle.color=never dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$DUCKDB_VERSION" \
      -Dtransitive=false -Dmaven.repo.local="$M2_REPO") >> "$LOG" 2>&1 || true
    [[ -f "$DUCKDB_JAR" ]] || { echo "bench.sh: cannot fetch DuckDB's JDBC driver (see $LOG); BENCH_ANCHOR=0 skips the anchor" >&2; exit 1; }
  fi
  javac -d "$CLASSES" -cp "$JAR" "$ROOT/scripts/bench/DuckdbAnchor.java"
  ANCHOR_CP="$CLASSES:$DUCKDB_JAR:$JAR"
fi
NOT_EQUAL=""

echo "owners,input_mb,rows,ingest_s,features_s,run_s,rows_per_s,mb_per_s,peak_rss_mb,ingest_rss_mb,features_rss_mb,run_rss_mb,scaling_exponent,duckdb_s,ratio,equal,differing_cells,parse_floor_mb_s,ingest_mb_s_per_core,features_runs_s,duckdb_runs_s,duckdb_in_jvm_s,duckdb_rss_mb,load_1m_min,load_1m_max,features_cpu_s,duckdb_cpu_s,cpu_ratio" > "$CSV"
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

  duck="$WORK/duckdb-$n"
  rm -rf "$w1" "$w2" "$duck"
  LOADS=()

  echo "bench.sh: $n owners, $input_mb MB: ingest..." >&2
  measure "ingest $n" "$TIEDEPTH" ingest --input "$inbox" --output "$w1" --demo-key --run-date "$RUN_DATE"
  t_ingest=$WALL; r_ingest=$RSS_MB
  rows=$(manifest_count "$w1" rows_read)

  # features and DuckDB on the same warehouse, in alternating rounds (each a whole command: JVM start included).
  f_runs=(); d_runs=(); d_jvm=(); f_cpu=(); d_cpu=(); r_features=0; r_duck=0
  for ((round = 1; round <= ROUNDS; round++)); do
    echo "bench.sh: $n owners: features ($round/$ROUNDS)..." >&2
    measure "features $n round $round" "$TIEDEPTH" features --output "$w1" --run-date "$RUN_DATE"
    f_runs+=("$WALL"); f_cpu+=("$CPU"); (( RSS_MB > r_features )) && r_features=$RSS_MB
    if [[ "$ANCHOR" != 0 ]]; then
      echo "bench.sh: $n owners: DuckDB ($round/$ROUNDS)..." >&2
      rm -rf "$duck"
      measure "duckdb $n round $round" java -cp "$ANCHOR_CP" DuckdbAnchor compute "$SQL" "$w1" "$duck" \
        "$DUCKDB_THREADS" "$DUCKDB_MEMORY"
      d_runs+=("$WALL"); d_cpu+=("$CPU"); (( RSS_MB > r_duck )) && r_duck=$RSS_MB
      d_jvm+=("$(last_field '^duckdb v' 's/.*; ([0-9.]+) s in the JVM.*/\1/')")
    fi
  done
  t_features=$(median "${f_runs[@]}")
  features_cpu="-"; [[ "$TIME_MODE" == gnu ]] && features_cpu=$(median "${f_cpu[@]}")
  duck_s="-"; ratio="-"; equal="-"; cells="-"; duck_jvm="-"; duck_cpu="-"; cpu_ratio="-"
  if [[ "$ANCHOR" != 0 ]]; then
    duck_s=$(median "${d_runs[@]}")
    duck_jvm=$(median "${d_jvm[@]}")
    ratio=$(awk -v f="$t_features" -v d="$duck_s" 'BEGIN {printf "%.1f", (d > 0 ? f / d : 0)}')
    if [[ "$TIME_MODE" == gnu ]]; then
      duck_cpu=$(median "${d_cpu[@]}")
      cpu_ratio=$(awk -v f="$features_cpu" -v d="$duck_cpu" 'BEGIN {printf "%.1f", (d > 0 ? f / d : 0)}')
    fi
    echo "bench.sh: $n owners: comparing tiedepth's features with DuckDB's..." >&2
    echo "=== compare $n" >> "$LOG"
    status=0
    java -cp "$ANCHOR_CP" DuckdbAnchor compare "$SQL" "$w1" "$duck" 2>&1 | tee -a "$LOG" | sed 's/^/  /' >&2 \
      || status=$?
    equal=$(last_field '^anchor: equal=' 's/^anchor: equal=([a-z]+).*/\1/')
    cells=$(last_field '^anchor: equal=' 's/.*differing_cells=([0-9]+).*/\1/')
    if [[ "$status" -ne 0 || "$equal" != yes ]]; then
      [[ -n "$equal" ]] || equal=no
      NOT_EQUAL="$NOT_EQUAL $n"
      echo "bench.sh: $n owners: DuckDB's and tiedepth's features are NOT EQUAL (see above and $LOG)" >&2
    fi
  fi

  echo "bench.sh: $n owners: parse floor (one thread reading the inbox)..." >&2
  measure "parse floor $n" java -cp "$CLASSES" ParseFloor "$inbox"
  floor=$(last_field '^parse floor:' 's/.*; ([0-9.]+) MB\/s$/\1/')
  ingest_core=$(awk -v m="$input_mb" -v t="$t_ingest" -v c="$CORES" 'BEGIN {printf "%.2f", (t > 0 ? m / t / c : 0)}')

  echo "bench.sh: $n owners: run..." >&2
  measure "run $n" "$TIEDEPTH" run --input "$inbox" --output "$w2" --demo-key --run-date "$RUN_DATE"
  t_run=$WALL; r_run=$RSS_MB
  [[ -n "${BENCH_KEEP:-}" ]] || rm -rf "$w1" "$w2" "$duck"
  load_min=$(printf '%s\n' "${LOADS[@]}" | sort -g | head -1)
  load_max=$(printf '%s\n' "${LOADS[@]}" | sort -g | tail -1)

  peak=$(printf '%s\n' "$r_ingest" "$r_features" "$r_run" | sort -n | tail -1)
  rps=$(awk -v r="$rows" -v t="$t_run" 'BEGIN {printf "%.0f", (t > 0 ? r / t : 0)}')
  mbps=$(awk -v m="$input_mb" -v t="$t_run" 'BEGIN {printf "%.2f", (t > 0 ? m / t : 0)}')
  if [[ -n "$prev_n" ]]; then
    expo=$(awk -v n1="$prev_n" -v n2="$n" -v t1="$prev_t" -v t2="$t_run" \
      'BEGIN {printf "%.2f", ((t1 > 0 && n2 != n1) ? log(t2 / t1) / log(n2 / n1) : 0)}')
  else
    expo=""
  fi
  f_list=$(IFS=';'; echo "${f_runs[*]}"); d_list=$(IFS=';'; echo "${d_runs[*]:-}")
  echo "$n,$input_mb,$rows,$t_ingest,$t_features,$t_run,$rps,$mbps,$peak,$r_ingest,$r_features,$r_run,$expo,$duck_s,$ratio,$equal,$cells,$floor,$ingest_core,$f_list,$d_list,$duck_jvm,$r_duck,$load_min,$load_max,$features_cpu,$duck_cpu,$cpu_ratio" >> "$CSV"
  prev_n=$n; prev_t=$t_run
done

echo
printf '%8s %9s %10s %9s %11s %9s %6s %9s %10s %10s %11s %7s %9s %7s %9s %9s %10s\n' owners input_MB rows ingest_s \
  features_s duckdb_s ratio cpu_ratio equal floor_MB/s ingest_MB/s/c run_s rows/s MB/s peak_RSS exponent load_1m
tail -n +2 "$CSV" | while IFS=, read -r n mb rows ti tf tr rps mbps peak ri rf rr expo td ratio eq cells floor ic \
    _ _ _ _ lmin lmax _ _ cratio; do
  printf '%8s %9s %10s %9s %11s %9s %6s %9s %10s %10s %11s %7s %9s %7s %8sM %9s %10s\n' "$n" "$mb" "$rows" "$ti" \
    "$tf" "$td" "$ratio" "$cratio" "$eq/$cells" "$floor" "$ic" "$tr" "$rps" "$mbps" "$peak" "${expo:--}" "$lmin-$lmax"
done
echo
echo "features_s: tiedepth features, duckdb_s: the same tie features and owner metrics as DuckDB SQL ($DUCKDB_THREADS threads," \
  "memory limit $DUCKDB_MEMORY), each the median of $ROUNDS alternating runs of the whole command on the same warehouse;"
echo "ratio = features_s / duckdb_s; cpu_ratio: the same with the medians of user + system CPU seconds; equal: yes/no and the differing cells (doubles within 1e-9 relative), not compared:"
grep -E '^-- @excluded ' "$SQL" | sed -E 's/^-- @excluded ([^:]+):(.*)$/  \1:\2/'
echo "floor_MB/s: one Java thread reading every byte of the inbox (zips inflated); ingest_MB/s/c: input MB / ingest s / $CORES cores."
echo "rows/s and MB/s are of the whole run; exponent = log(run time ratio) / log(size ratio) against the previous size;"
echo "load_1m: the 1-minute load average at the start of each measured command, min-max."
echo "CSV: $CSV   log: $LOG"
if [[ -n "$NOT_EQUAL" ]]; then
  echo "bench.sh: NOT EQUAL: DuckDB's and tiedepth's tie features / owner metrics differ at size(s)$NOT_EQUAL (see $LOG)" >&2
  exit 3
fi
