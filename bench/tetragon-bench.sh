#!/usr/bin/env bash
# Throughput of the Tetragon JSON export reader: generates an N-event export (default 1,000,000; 85%
# tcp_connect kprobes, 10% exec, 5% exit, 2,000 processes in 50 pods plus node processes, protojson shape
# as in docs/runtime-signals.md §1.6) and times `wraith tetragon` over it end to end (JVM start, parse,
# process tree, aggregation, attribution, JSON output). Reports events/s and peak RSS (VmHWM).
# Target (issue 5): >= 200,000 events/s on 2 cores.
# Usage: bench/tetragon-bench.sh [EVENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
JAR=target/wraith.jar
mvn -q -B -o package -DskipTests
WORK=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] && cp "$WORK/events.log" "$KEEP"; rm -rf "$WORK"' EXIT
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
java -jar "$JAR" tetragon --tetragon-events "$WORK/events.log" --format json -o "$WORK/out.jsonl" & PID=$!
START=$(date +%s%N); HWM=0
while kill -0 "$PID" 2>/dev/null; do
  h=$(awk '/^VmHWM:/ { print $2 }' "/proc/$PID/status" 2>/dev/null || echo 0); [ "${h:-0}" -gt "$HWM" ] && HWM=$h
  sleep 0.05
done
wait "$PID"
END=$(date +%s%N)
MS=$(( (END - START) / 1000000 ))
echo "events: $N (${SIZE} MB), wall: ${MS} ms, throughput: $(( N * 1000 / MS )) events/s, peak RSS: $(( HWM / 1024 )) MB"
tail -1 "$WORK/out.jsonl" | python3 -c 'import json,sys; s=json.load(sys.stdin); print("status:", s["state"], s["stats"])'
