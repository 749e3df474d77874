#!/usr/bin/env bash
# Throughput and memory of the Tetragon layer on a generated N-event stream (default 1,000,000: 85% tcp_connect
# kprobes, 10% exec, 5% exit; 2,000 processes in 50 pods plus node processes; protojson lines as in
# docs/runtime-signals.md §1.6, about 1.3 KB each), both ways in, each next to a baseline measured in the same run:
#
#   JSON export  `./wraith tetragon --tetragon-events FILE --format json` end to end (JVM start, catalogue, parse,
#                process tree, aggregation, attribution, output), against `wc -l FILE` (reading the bytes) and
#                `jq -c . FILE` (a JSON parser that keeps nothing);
#   gRPC         wraith's stream reader and collector (GrpcEventSource + TetragonCollector, the code behind
#                --tetragon-address) until all N messages arrived, against a client that only counts the
#                messages; both read from the same replay server (a separate JVM) over a unix socket, which sends
#                the events as Tetragon would: the subset's fields plus the upstream fields wraith does not declare.
#
# Every JVM runs with the ./wraith launcher's options (serial GC, C1 only) unless WRAITH_JAVA_OPTS says otherwise.
# Reports wall time, CPU time (user+sys), events/s and peak RSS (VmHWM), and the ratios to the baselines. On a
# shared machine wall times move with the load; the CPU times and the ratios are the steadier figures.
# Target (issue 5): >= 200,000 events/s on 2 cores.
# Usage: bench/tetragon-bench.sh [EVENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
JOPTS=${WRAITH_JAVA_OPTS:--XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TieredStopAtLevel=1}
TICK=$(getconf CLK_TCK)
mvn -q -B package -DskipTests
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
trap "exit 1" INT TERM

python3 - "$N" "$WORK/events.log" <<'PY'
import base64, json, random, sys
n, path = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(5)
node = "ip-10-0-3-17.ec2.internal"
def eid(k, pid): return base64.b64encode(f"{node}:{k}:{pid}".encode()).decode()
procs = []
for i in range(2000):
    pid = 10000 + i
    p = {"exec_id": eid(9000000 + i, pid), "pid": pid, "uid": 1000, "cwd": "/app", "binary": "/usr/local/bin/python3.12",
         "arguments": f"/app/worker{i % 7}.py --loop", "flags": "execve clone", "start_time": "2026-03-02T10:00:00.118274911Z",
         "auid": 4294967295, "parent_exec_id": eid(8000000 + i, pid - 1), "refcnt": 1, "tid": pid}
    if i % 10:
        p["pod"] = {"namespace": f"ns{i % 5}", "name": f"app-{i % 50}-7d9c6b5f4-x2x7q", "uid": "3f6c1d2e-8a4b-4c1d-9e2f-5a6b7c8d9e0f",
                    "container": {"id": "containerd://" + "%064x" % i, "name": "app",
                                  "image": {"id": "registry.example.com/app@sha256:" + "ab" * 32, "name": "registry.example.com/app:1.0"},
                                  "start_time": "2026-03-01T22:03:10Z", "pid": 1 + i % 90},
                    "pod_labels": {"app": f"app-{i % 50}"}, "workload": f"app-{i % 50}", "workload_kind": "Deployment"}
        p["docker"] = ("%064x" % i)[:31]
        if i % 3: p["in_init_tree"] = True
    procs.append(p)
dests = [("160.79.104.10", 443), ("160.79.105.7", 443), ("10.96.0.50", 11434), ("93.184.216.34", 443), ("10.96.3.3", 6333)]
with open(path, "w") as f:
    for k in range(n):
        p = procs[rnd.randrange(len(procs))]
        t = "2026-03-02T%02d:%02d:%02d.%09dZ" % (10 + k // 3600000 % 10, k // 60000 % 60, k // 1000 % 60, k % 1000 * 1000000)
        r = rnd.random()
        if r < 0.10:
            ev = {"process_exec": {"process": p}}
        elif r < 0.15:
            ev = {"process_exit": {"process": p, "signal": "SIGTERM", "time": t}}
        else:
            d = dests[rnd.randrange(len(dests))]
            ev = {"process_kprobe": {"process": p, "parent": {"exec_id": p["parent_exec_id"], "pid": p["pid"] - 1, "binary": "/bin/bash"},
                  "function_name": "tcp_connect", "args": [{"sock_arg": {"family": "AF_INET", "type": "SOCK_STREAM", "protocol": "IPPROTO_TCP",
                  "saddr": "10.244.1.23", "daddr": d[0], "sport": 30000 + k % 30000, "dport": d[1], "cookie": str(18446633044011339776 + k),
                  "state": "TCP_SYN_SENT"}}], "action": "KPROBE_ACTION_POST", "policy_name": "ai-egress-connect"}}
        ev["node_name"] = node
        ev["time"] = t
        f.write(json.dumps(ev, separators=(",", ":")) + "\n")
PY
SIZE=$(du -m "$WORK/events.log" | cut -f1)

# run LABEL CMD...: runs CMD (output to $WORK/LABEL.out), sampling its peak RSS and CPU ticks every 20 ms;
# appends "LABEL wall_ms cpu_ms rss_kb" to $WORK/results
run() {
  local label=$1; shift
  local t0 t1 hwm=0 cpu=0 h c
  t0=$(date +%s%N)
  "$@" > "$WORK/$label.out" 2>&1 & local pid=$!; PIDS+=("$pid")
  while kill -0 "$pid" 2>/dev/null; do
    h=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0); [ "${h:-0}" -gt "$hwm" ] && hwm=$h
    c=$(awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null || echo 0); [ "${c:-0}" -gt "$cpu" ] && cpu=$c
    sleep 0.02
  done
  wait "$pid" || { echo "$label failed:"; cat "$WORK/$label.out"; exit 1; }
  t1=$(date +%s%N)
  echo "$label $(( (t1 - t0) / 1000000 )) $(( cpu * 1000 / TICK )) $hwm" >> "$WORK/results"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); events: $N (${SIZE} MB of JSON)"
: > "$WORK/results"
sync # the file was just written: no reader should share the disk with its write-back
cat "$WORK/events.log" > /dev/null # the page cache holds the file for every reader alike
run wc-l wc -l "$WORK/events.log"
if command -v jq > /dev/null; then run jq bash -c "exec jq -c . '$WORK/events.log' > /dev/null"; fi
WRAITH_JAVA_OPTS="$JOPTS" run wraith-json ./wraith tetragon --tetragon-events "$WORK/events.log" --format json -o "$WORK/out.jsonl"
tail -1 "$WORK/out.jsonl" | python3 -c 'import json,sys; s=json.load(sys.stdin); print("  wraith json status:", s["state"], s["stats"])'

# the replay server: converts the lines to messages once (not timed), then serves them over a unix socket
java -cp "$CP" dev.wraith.tetragon.TetragonGrpcBench serve "$WORK/events.log" "$WORK/tetragon.sock" > "$WORK/server.out" 2>&1 &
PIDS+=($!)
until grep -q ready "$WORK/server.out"; do sleep 0.5; kill -0 "${PIDS[-1]}" || { cat "$WORK/server.out"; exit 1; }; done
# warm the server's JIT up with one untimed stream, so neither client pays for it
# shellcheck disable=SC2086
java $JOPTS -cp "$CP" dev.wraith.tetragon.TetragonGrpcBench raw "$WORK/tetragon.sock" "$(( N < 300000 ? N : 300000 ))" > /dev/null 2>&1
# shellcheck disable=SC2086
run grpc-raw java $JOPTS -cp "$CP" dev.wraith.tetragon.TetragonGrpcBench raw "$WORK/tetragon.sock" "$N"
# shellcheck disable=SC2086
run wraith-grpc java $JOPTS -cp "$CP" dev.wraith.tetragon.TetragonGrpcBench wraith "$WORK/tetragon.sock" "$N"
grep -h "events in" "$WORK/grpc-raw.out" "$WORK/wraith-grpc.out" | sed 's/^/  /' | cut -c1-160

python3 - "$N" "$WORK/results" <<'PY'
import sys
n = int(sys.argv[1])
rows = {l.split()[0]: list(map(int, l.split()[1:])) for l in open(sys.argv[2])}
print(f"\n{'':14}{'wall s':>9}{'CPU s':>9}{'events/s':>12}{'events/CPU-s':>14}{'peak RSS MB':>13}")
for k, (wall, cpu, rss) in rows.items():
    print(f"{k:14}{wall/1000:9.2f}{cpu/1000:9.2f}{n*1000/max(wall,1):12,.0f}{n*1000/max(cpu,1):14,.0f}{rss/1024:13.0f}")
def ratio(a, b):
    if a in rows and b in rows:
        print(f"{a} / {b}: {rows[a][0]/rows[b][0]:.1f}x the wall time, {rows[a][1]/max(rows[b][1],1):.1f}x the CPU time")
print()
ratio("wraith-json", "wc-l"); ratio("wraith-json", "jq"); ratio("wraith-grpc", "grpc-raw")
PY
