#!/usr/bin/env bash
# Sensor overhead at 100 and 1,000 processes: CPU per sample (steady state, after warm-up), CPU as a share
# of one core, and resident memory; compared in the same run with two naive baselines that poll at the
# same 200 ms rate: reading every process's /proc/PID/net/tcp (`cat`), and `ss -tanp` (sockets with
# their processes, which walks every fd/ on the node). Linux only; run as root for a full view.
# With BASELINE_JAR=path (e.g. a jar built from an earlier commit), that jar is measured too, in the same
# run, and each sensor row gives its ratio to it ("vs base").
# Usage: [BASELINE_JAR=old.jar] bench/sensor-bench.sh [WARM_SECONDS] [MEASURE_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
WARM=${1:-8}
MEASURE=${2:-20}
JAR=target/wraith.jar
mvn -q -B -o package -DskipTests   # always the current code
TICK=$(getconf CLK_TCK)
PY=$(command -v /usr/bin/python3 || command -v python3)
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
trap "exit 1" INT TERM

# CPU ticks (self + waited-for children) of a pid: fields 14-17 of /proc/PID/stat
ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$1/stat"; }
count_pids() { local n=0 d; for d in /proc/[0-9]*; do n=$((n + 1)); done; echo "$n"; }
rss_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }

# measure PID SECONDS -> "cpu_ms_per_second"
measure() {
  local pid=$1 secs=$2 t0 t1
  t0=$(ticks "$pid"); sleep "$secs"; t1=$(ticks "$pid")
  echo $(( (t1 - t0) * 1000 / TICK / secs ))
}

# one AI connection to a loopback stand-in, so the owner lookup runs as it would on a real node
"$PY" -c 'import socket,time
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", 0)); s.listen(8)
open("'"$WORK"'/port","w").write(str(s.getsockname()[1])); c,_=s.accept(); time.sleep(3600)' & PIDS+=($!)
while [ ! -s "$WORK/port" ]; do sleep 0.1; done
PORT=$(cat "$WORK/port")
"$PY" -c 'import socket,time; c=socket.create_connection(("127.0.0.1", '"$PORT"')); time.sleep(3600)' & PIDS+=($!)

BASE=${BASELINE_JAR:-}
printf '%-10s %-22s %14s %14s %12s %10s %10s\n' processes tool "cpu ms/sample" "% of 1 core" "peak RSS MB" "vs cat" "vs base"
for N in 100 1000; do
  have=$(count_pids)
  for _ in $(seq $(( N > have ? N - have : 0 ))); do sleep 3600 & PIDS+=($!); done
  total=$(count_pids)

  bash -c 'while :; do cat /proc/[0-9]*/net/tcp >/dev/null 2>&1; sleep 0.2; done' & B1=$!; PIDS+=($B1)
  sleep 2; cat_ms=$(measure "$B1" "$MEASURE"); kill "$B1"
  bash -c 'while :; do ss -tanp >/dev/null 2>&1; sleep 0.2; done' & B2=$!; PIDS+=($B2)
  sleep 2; ss_ms=$(measure "$B2" "$MEASURE"); kill "$B2"

  # run_sensor JAR: writes "cpu_ms_per_second rss_mb" to $WORK/result (in this shell, so cleanup sees the pid)
  run_sensor() {
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx64m -Xss512k -jar "$1" sensor --watch --duration 5 --no-dns \
      --resolve "api.openai.com=127.0.0.1:$PORT" --format json -o "$WORK/sensor.jsonl" & S=$!; PIDS+=($S)
    sleep "$WARM"; local ms; ms=$(measure "$S" "$MEASURE"); echo "$ms $(( $(rss_kb "$S") / 1024 ))" > "$WORK/result"; kill "$S"
    grep -q '"provider":"openai"' "$WORK/sensor.jsonl" || echo "warning: $1 did not report the test connection" >&2
  }
  run_sensor "$JAR"; read -r sensor_ms rss < "$WORK/result"
  base_ms=""
  if [ -n "$BASE" ]; then run_sensor "$BASE"; read -r base_ms base_rss < "$WORK/result"; fi

  per_sample() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 5 }'; }   # 5 samples per second at 200 ms
  pct() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 10 }'; }
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == "" || b == 0) print "n/a"; else printf "%.2fx", a / b }'; }
  printf '%-10s %-22s %14s %14s %12s %10s %10s\n' "$total" "wraith sensor" "$(per_sample "$sensor_ms")" "$(pct "$sensor_ms")" "$rss" "$(ratio "$sensor_ms" "$cat_ms")" "$(ratio "$sensor_ms" "$base_ms")"
  if [ -n "$BASE" ]; then
    printf '%-10s %-22s %14s %14s %12s %10s %10s\n' "$total" "wraith (baseline jar)" "$(per_sample "$base_ms")" "$(pct "$base_ms")" "$base_rss" "$(ratio "$base_ms" "$cat_ms")" "1.00x"
  fi
  printf '%-10s %-22s %14s %14s %12s %10s %10s\n' "$total" "cat /proc/*/net/tcp" "$(per_sample "$cat_ms")" "$(pct "$cat_ms")" "-" "1.00x" "-"
  printf '%-10s %-22s %14s %14s %12s %10s %10s\n' "$total" "ss -tanp" "$(per_sample "$ss_ms")" "$(pct "$ss_ms")" "-" "$(ratio "$ss_ms" "$cat_ms")" "-"
done
