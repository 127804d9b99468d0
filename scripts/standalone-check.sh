#!/usr/bin/env bash
# Runs README's standalone `spark-submit` examples (section "On a cluster with `spark-submit`") as README writes
# them, against a Spark 3.5.7 master and worker on 127.0.0.1, and compares them with the embedded launcher:
#   scripts/standalone-check.sh [INBOX]       (default: data-samples, with its synthetic study)
#
# There is no Spark distribution here, so the script builds a stand-in under a temp dir:
#   SPARK_HOME/jars   the Spark 3.5.7 (Scala 2.12) runtime jars from the local Maven repository: the launcher's
#                     class path (jobs/target/embedded-classpath.txt, written by `mvn package` from the jobs
#                     module's compile and provided dependencies) less the chart library, which is shaded into the jar
#   SPARK_HOME/bin    spark-class and spark-submit: small scripts of ours, not Apache's, standing in for the
#                     distribution's. Like them they ask Spark's launcher library (org.apache.spark.launcher.Main)
#                     for the java command, so the class path, heap and Java 17 --add-opens flags are Spark's own
#   SPARK_HOME/conf   spark-env.sh binding every daemon, driver and UI to 127.0.0.1; no log4j2.properties, as in
#                     a fresh distribution (Spark's INFO console)
# Then it runs the embedded launcher on INBOX (the baseline), starts a Master (spark://127.0.0.1:7077, UI 8080) and
# a Worker (UI 8081), both stopped on exit, and runs each README standalone example from the repository root with
# SPARK_HOME/bin first on PATH, README's /shared/inbox, /shared/warehouse and /secure/study.key replaced by INBOX,
# a temp warehouse and a temp study key, and --run-date appended. It checks that each run succeeded, that its
# reports' CSVs equal the baseline's (report.md too, but for the run id), that its console holds no Spark INFO line,
# and that executors launched by the worker from SPARK_HOME/jars ran the tasks; then it prints the figures.
#
# Environment: RUN_DATE (default today, UTC); STANDALONE_CHECK_KEEP=1 keeps the temp dir (logs, warehouses).
# Needs Java 17, Maven (offline is fine), curl and jq; the ports 7077, 8080 and 8081 free.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INBOX="$(cd "${1:-$ROOT/data-samples}" && pwd)"
RUN_DATE="${RUN_DATE:-$(date -u +%F)}"
MASTER_URL=spark://127.0.0.1:7077
MASTER_JSON=http://127.0.0.1:8080/json/
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tiedepth-standalone.XXXXXX")"
SPARK_HOME="$WORK/spark"
PIDS=()

stop_daemons() {
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[$i]}" 2>/dev/null && wait "${PIDS[$i]}" 2>/dev/null || true
  done
  if [[ "${STANDALONE_CHECK_KEEP:-0}" == 1 ]]; then
    echo "kept: $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap stop_daemons EXIT

# A failed check, kept in $WORK/failures (a file: checks run in subshells too); the script goes on and exits 1.
fail() {
  echo "$1" >>"$WORK/failures"
  echo "FAILED: $1" >&2
}

for tool in java mvn curl jq; do
  command -v "$tool" >/dev/null || { echo "standalone-check: $tool is needed" >&2; exit 2; }
done
for port in 7077 8080 8081; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "standalone-check: port $port on 127.0.0.1 is taken; README's example needs 7077 (and the UIs 8080, 8081)" >&2
    exit 2
  fi
done

# --- the jar and the embedded baseline -----------------------------------------------------------------------------
"$ROOT/scripts/tiedepth" --version >/dev/null
head -c 32 /dev/urandom | base64 >"$WORK/study.key"
chmod 600 "$WORK/study.key"
mkdir -p "$WORK/logs"

# seconds and exit code of one command, its console (stdout and stderr) to a file
timed() {
  local console="$1" start code=0
  shift
  start=$(date +%s)
  "$@" >"$console" 2>&1 || code=$?
  echo "$code $(($(date +%s) - start))"
}

echo "baseline: scripts/tiedepth run on $INBOX (embedded Spark)..."
read -r base_code base_secs < <(timed "$WORK/logs/embedded.console" \
  "$ROOT/scripts/tiedepth" run --input "$INBOX" --output "$WORK/warehouse-embedded" --key-file "$WORK/study.key" \
  --run-date "$RUN_DATE")
[[ "$base_code" == 0 ]] || { cat "$WORK/logs/embedded.console" >&2; echo "standalone-check: the baseline failed" >&2; exit 1; }
# the launcher's first run on data-samples generates the synthetic study first: not part of the run's console
if grep -q '^tiedepth: generating the synthetic study' "$WORK/logs/embedded.console"; then
  awk 'on; /^next: /{on = 1}' "$WORK/logs/embedded.console" >"$WORK/logs/embedded.run.console"
else
  cp "$WORK/logs/embedded.console" "$WORK/logs/embedded.run.console"
fi

# --- SPARK_HOME stand-in ---------------------------------------------------------------------------------------------
mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/bin" "$SPARK_HOME/conf"
tr ':' '\n' <"$ROOT/jobs/target/embedded-classpath.txt" | grep -v '/org/jfree/' | while read -r jar; do
  ln -s "$jar" "$SPARK_HOME/jars/"
done
cat >"$SPARK_HOME/conf/spark-env.sh" <<'EOF'
# Read by bin/spark-class, as a distribution's conf/spark-env.sh: everything on the loopback interface.
SPARK_LOCAL_IP=127.0.0.1
EOF
cat >"$SPARK_HOME/bin/spark-class" <<'EOF'
#!/usr/bin/env bash
# Stands in for a Spark distribution's bin/spark-class (written by tiedepth's scripts/standalone-check.sh; not
# Apache's script): asks Spark's launcher library for the java command of a Spark class and runs it. The launcher
# prints whatever it has to say, a NUL and a newline, then the command's words, each ended by a NUL.
export SPARK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SPARK_SCALA_VERSION=2.12  # as the distribution's load-spark-env.sh, when no build directory is found
set -a
[[ ! -f "$SPARK_HOME/conf/spark-env.sh" ]] || . "$SPARK_HOME/conf/spark-env.sh"
set +a
words=()
while IFS= read -r -d '' word; do words+=("$word"); done \
  < <(java -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "$@"; printf '%d\0' $?)
status="${words[-1]}"
if [[ "$status" != 0 || ${#words[@]} -lt 3 ]]; then
  exit $((status == 0 ? 1 : status))
fi
[[ -z "${words[0]}" ]] || printf '%s\n' "${words[0]}" >&2
command=("${words[@]:1:${#words[@]}-2}")
command[0]="${command[0]#$'\n'}"
exec "${command[@]}"
EOF
cat >"$SPARK_HOME/bin/spark-submit" <<'EOF'
#!/usr/bin/env bash
# Stands in for a Spark distribution's bin/spark-submit (written by tiedepth's scripts/standalone-check.sh).
exec "$(dirname "${BASH_SOURCE[0]}")/spark-class" org.apache.spark.deploy.SparkSubmit "$@"
EOF
chmod +x "$SPARK_HOME/bin/spark-class" "$SPARK_HOME/bin/spark-submit"

# --- master and worker -------------------------------------------------------------------------------------------
"$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 \
  --webui-port 8080 >"$WORK/logs/master.log" 2>&1 &
PIDS+=($!)
"$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --webui-port 8081 \
  --work-dir "$WORK/worker" "$MASTER_URL" >"$WORK/logs/worker.log" 2>&1 &
PIDS+=($!)
for ((i = 0; i < 120; i++)); do
  alive="$(curl -sf "$MASTER_JSON" 2>/dev/null | jq '[.workers[] | select(.state == "ALIVE")] | length' || echo 0)"
  [[ "$alive" -ge 1 ]] && break
  sleep 1
done
if [[ "${alive:-0}" -lt 1 ]]; then
  tail -n 20 "$WORK/logs/master.log" "$WORK/logs/worker.log" >&2
  echo "standalone-check: no worker registered with $MASTER_URL within 120 s" >&2
  exit 1
fi
worker_cores="$(curl -sf "$MASTER_JSON" | jq '.workers[0].cores')"
echo "master $MASTER_URL up, 1 worker with $worker_cores cores ($WORK)"

# --- README's examples ---------------------------------------------------------------------------------------------
# The command under a comment of README that starts with $1: its continuation lines, the comment lines between them
# and the command left out.
readme_example() {
  awk -v head="$1" '
    index($0, head) == 1 { on = 1; next }
    on && !started && /^#/ { next }
    on && (/^#/ || /^$/ || /^```/) { exit }
    on { started = 1; print }' "$ROOT/README.md"
}

as_run() {
  local cmd
  cmd="$(readme_example "$1")"
  [[ -n "$cmd" ]] || { echo "standalone-check: README has no example under '$1'" >&2; exit 1; }
  cmd="${cmd//\/shared\/inbox/$INBOX}"
  cmd="${cmd//\/shared\/warehouse/$2}"
  cmd="${cmd//\/secure\/study.key/$WORK/study.key}"
  printf '%s --run-date %s' "$cmd" "$RUN_DATE"
}

run_example() {
  (cd "$ROOT" && PATH="$SPARK_HOME/bin:$PATH" && eval "$1")
}

# The id of the app (client mode) or driver (cluster mode) that started last, once the master lists $2 of them as
# completed.
completed() {
  local what="$1" count="$2" i
  for ((i = 0; i < 60; i++)); do
    if [[ "$(curl -sf "$MASTER_JSON" | jq ".completed$what | length")" -ge "$count" ]]; then
      curl -sf "$MASTER_JSON" | jq -r ".completed$what | sort_by(.starttime) | last | .id"
      return
    fi
    sleep 1
  done
}

csvs_equal() {
  local warehouse="$1" f name same=0 differ=()
  for f in "$WORK/warehouse-embedded/reports/$RUN_DATE"/*.csv; do
    name="$(basename "$f")"
    if cmp -s "$f" "$warehouse/reports/$RUN_DATE/$name"; then
      same=$((same + 1))
    else
      differ+=("$name")
    fi
  done
  if ! diff -q <(grep -v '^| run id |' "$WORK/warehouse-embedded/reports/$RUN_DATE/report.md") \
      <(grep -v '^| run id |' "$warehouse/reports/$RUN_DATE/report.md") >/dev/null; then
    differ+=(report.md)
  fi
  if ((${#differ[@]} == 0)); then
    echo "equal ($same CSVs, report.md)"
  else
    echo "DIFFER: ${differ[*]}"
  fi
}

# Lines of Spark's own logging (its default layout: yy/MM/dd HH:mm:ss LEVEL) in a console, at INFO and in all.
spark_lines() {
  echo "$(grep -cE '^[0-9]{2}/[0-9]{2}/[0-9]{2} [0-9:]{8} INFO ' "$1" || true)" \
    "$(grep -cE '^[0-9]{2}/[0-9]{2}/[0-9]{2} [0-9:]{8} [A-Z]+ ' "$1" || true)"
}

features_secs() {
  sed -n 's/.*FeaturesJob: features: .*; \([0-9]*\) s$/\1/p' "$1" | tail -n 1
}

# The executors of an app on the worker: how many, whether launched from SPARK_HOME/jars, tasks they finished.
executors_of() {
  local app="$1" dir n=0 tasks=0 from_jars=yes
  for dir in "$WORK/worker/$app"/*/; do
    [[ -f "$dir/stderr" ]] || continue
    n=$((n + 1))
    tasks=$((tasks + $(grep -c 'Executor: Finished task' "$dir/stderr" || true)))
    grep -q "^Spark Executor Command: .*\"-cp\" \"[^\"]*$SPARK_HOME/jars/\*\"" "$dir/stderr" || from_jars=no
  done
  echo "$n $tasks $from_jars"
}

# Runs README's example under "# standalone, <mode> mode" into warehouse-<mode>, its console to logs/<mode>.console;
# prints "exit-code seconds".
run_readme_example() {
  local mode="$1" cmd
  cmd="$(as_run "# standalone, $mode mode" "$WORK/warehouse-$mode")"
  printf '\nREADME, standalone %s mode, as run:\n%s\n' "$mode" "$cmd" >&2
  timed "$WORK/logs/$mode.console" run_example "$cmd"
}

# Checks a mode's app on the worker and its warehouse; prints "<executors> (<tasks> tasks); <reports compared>".
outcome() {
  local mode="$1" app="$2" execs tasks from_jars csvs
  read -r execs tasks from_jars < <(executors_of "$app")
  csvs="$(csvs_equal "$WORK/warehouse-$mode")"
  [[ "$csvs" == equal* ]] || fail "$mode mode: reports $csvs from the embedded run's"
  ((execs >= 1 && tasks > 0)) || fail "$mode mode: no task ran on an executor of the worker"
  [[ "$from_jars" == yes ]] || fail "$mode mode: an executor was not launched from $SPARK_HOME/jars"
  echo "$execs ($tasks tasks); $csvs"
}

read -r client_code client_secs < <(run_readme_example client)
client_outcome="$(outcome client "$(completed apps 1)")"
read -r client_info client_spark < <(spark_lines "$WORK/logs/client.console")
client_lines="$(wc -l <"$WORK/logs/client.console")"
client_summary="$(grep -n '^tiedepth run .* finished$' "$WORK/logs/client.console" | cut -d: -f1 || true)"
[[ "$client_code" == 0 ]] || fail "client mode: spark-submit exited $client_code (console: $WORK/logs/client.console)"
[[ -n "$client_summary" ]] || fail "client mode: no run summary on the console"
[[ "$client_info" == 0 ]] || fail "client mode: $client_info Spark INFO lines on the console"

read -r cluster_code cluster_secs < <(run_readme_example cluster)
cluster_driver="$(completed drivers 1)"
cluster_state="$(curl -sf "$MASTER_JSON" | jq -r --arg id "$cluster_driver" '.completeddrivers[] | select(.id == $id) | .state')"
cluster_outcome="$(outcome cluster "$(completed apps 2)")"
driver_dir="$WORK/worker/$cluster_driver"
# the driver's console: its log (stderr, after the worker's "Launch Command" header) and its summary (stdout)
awk 'on; /^=+$/{on = 1}' "$driver_dir/stderr" >"$WORK/logs/cluster-driver.console" 2>/dev/null || true
awk '/ INFO  [A-Za-z]+: /{on = 1} on' "$WORK/logs/cluster-driver.console" >"$WORK/logs/cluster-driver.tiedepth.console"
read -r cluster_info cluster_after < <(spark_lines "$WORK/logs/cluster-driver.tiedepth.console")
read -r _ cluster_all < <(spark_lines "$WORK/logs/cluster-driver.console")
cluster_lines="$(wc -l <"$WORK/logs/cluster.console")"
driver_lines=$(($(wc -l <"$WORK/logs/cluster-driver.console") + $(wc -l <"$driver_dir/stdout" 2>/dev/null || echo 0)))
[[ "$cluster_code" == 0 ]] || fail "cluster mode: spark-submit exited $cluster_code"
[[ "$cluster_state" == FINISHED ]] || fail "cluster mode: driver $cluster_driver is ${cluster_state:-unknown} (log: $driver_dir/stderr)"
[[ "$cluster_info" == 0 ]] || fail "cluster mode: $cluster_info Spark INFO lines in the driver's log once tiedepth started"

# README: in standalone cluster mode "TIEDEPTH_KEY set in the submitting shell reaches the driver too". README's
# cluster line without --key-file, the key in the environment, rerun on the cluster warehouse: the driver must
# finish as a no-op whose manifest holds the warehouse's key fingerprint; with another key it must fail (exit 5),
# which shows the key read was the one sent. Neither key may appear in the driver's log.
newest_manifest() {
  ls -t "$1"/runs/*/manifest.json | head -n 1
}
env_key_run() {
  local key="$1" count="$2" cmd driver state
  cmd="$(as_run "# standalone, cluster mode" "$WORK/warehouse-cluster")"
  cmd="${cmd/ --key-file $WORK\/study.key/}"
  printf '\nREADME, standalone cluster mode, the key in TIEDEPTH_KEY:\n%s\n' "$cmd" >&2
  TIEDEPTH_KEY="$key" timed "$WORK/logs/cluster-env-key-$count.console" run_example "$cmd" >/dev/null
  driver="$(completed drivers "$count")"
  state="$(curl -sf "$MASTER_JSON" | jq -r --arg id "$driver" '.completeddrivers[] | select(.id == $id) | .state')"
  if grep -qF -- "$key" "$WORK/worker/$driver/stderr" "$WORK/worker/$driver/stdout" 2>/dev/null; then
    fail "cluster mode: the key given in TIEDEPTH_KEY appears in the driver's log ($driver)"
  fi
  echo "$state"
}
key_fingerprint_before="$(jq -r .key_fingerprint "$(newest_manifest "$WORK/warehouse-cluster")")"
env_key_state="$(env_key_run "$(cat "$WORK/study.key")" 2)"
env_key_manifest="$(newest_manifest "$WORK/warehouse-cluster")"
env_key_status="$(jq -r .status "$env_key_manifest")"
env_key_fingerprint="$(jq -r .key_fingerprint "$env_key_manifest")"
[[ "$env_key_state" == FINISHED && "$env_key_status" == noop ]] \
  || fail "cluster mode, TIEDEPTH_KEY: driver $env_key_state, newest manifest $env_key_status (expected FINISHED, noop)"
[[ "$env_key_fingerprint" == "$key_fingerprint_before" ]] \
  || fail "cluster mode, TIEDEPTH_KEY: fingerprint $env_key_fingerprint, the warehouse's is $key_fingerprint_before"
other_key_state="$(env_key_run "$(head -c 32 /dev/urandom | base64)" 3)"
[[ "$other_key_state" == FAILED ]] \
  || fail "cluster mode, another key in TIEDEPTH_KEY: driver $other_key_state (expected FAILED: refused, exit 5)"

base_lines="$(wc -l <"$WORK/logs/embedded.run.console")"
base_summary="$(grep -n '^tiedepth run .* finished$' "$WORK/logs/embedded.run.console" | cut -d: -f1)"
echo
spark_core="$(basename "$(ls "$SPARK_HOME"/jars/spark-core_*.jar)" .jar)"
echo "standalone check: Spark ${spark_core##*-} stand-in ($(ls "$SPARK_HOME/jars" | wc -l) jars), master $MASTER_URL," \
  "1 worker ($worker_cores cores), inbox $INBOX, run date $RUN_DATE"
printf '  %-24s %-9s %6s  %-34s %10s  %s\n' run result wall console "features" "executors on the worker; reports"
printf '  %-24s %-9s %5ss  %-34s %9ss  %s\n' "embedded launcher" "exit $base_code" "$base_secs" \
  "$base_lines lines, summary at line $base_summary" "$(features_secs "$WORK/logs/embedded.run.console")" \
  "- (local[*]); the baseline"
printf '  %-24s %-9s %5ss  %-34s %9ss  %s\n' "spark-submit, client" "exit $client_code" "$client_secs" \
  "$client_lines lines, summary at line ${client_summary:-?}" "$(features_secs "$WORK/logs/client.console")" \
  "$client_outcome"
printf '  %-24s %-9s %5ss  %-34s %9ss  %s\n' "spark-submit, cluster" "$cluster_state" "$cluster_secs" \
  "$cluster_lines lines + driver's $driver_lines" "$(features_secs "$WORK/logs/cluster-driver.console")" \
  "$cluster_outcome"
echo "  cluster mode, key in TIEDEPTH_KEY (no --key-file): driver $env_key_state, $env_key_status, fingerprint" \
  "$env_key_fingerprint (the key file's run: $key_fingerprint_before); another key: driver $other_key_state"
echo "  Spark's own log lines: client console $client_spark ($client_info at INFO); cluster driver's log" \
  "$((cluster_all - cluster_after)) before tiedepth's configuration took over, $cluster_after after ($cluster_info at INFO)"
echo "  master's JSON: $(curl -sf "$MASTER_JSON" | jq -r '[.completedapps[] | "\(.id) \(.name) \(.state) \(.cores) cores \(.duration / 1000 | floor) s"] | join("; ")')"
echo "  load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (shared machine)"
if [[ -s "$WORK/failures" ]]; then
  sed 's/^/FAILED: /' "$WORK/failures"
  exit 1
fi
echo "OK"
