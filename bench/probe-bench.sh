#!/usr/bin/env bash
# eBPF probe vs /proc sampling, in the same run, under the same load: sensor CPU (JVM + the probe's loader + the
# kernel time of the BPF programs, from kernel.bpf_stats_enabled) and memory at 100 and 1,000 new TCP connections per
# second, and the share of connections each catches, by how long they stay open (10 ms, 50 ms, 500 ms), plus 50 ms
# connections of processes that live about 60 ms (is the owner named?). Ground truth is the load generator's own count.
#
# The load runs in two network namespaces made here (probe-bench-*): a server (and a dnsmasq answering api.openai.com
# with its address), and a generator that opens connections at the rate, writes one HTTP request head
# (Host: api.openai.com) on each, holds it, and closes it, and resolves api.openai.com ten times a second; one
# destination port per hold time, so the sensor's observations (one per process and destination) count each class
# apart. The sensor runs in the root namespace over /proc. With the probe every connection is attributed by name (its
# Host header and its process's DNS answers go through the attribution, as in production); the /proc sampler sees no
# names, so --resolve pins the server's address as api.openai.com for both (a name decides before a pin: the EVIDENCE
# column says which named the connections). Linux, root, dnsmasq, the probe built.
# Usage: bench/probe-bench.sh [WARM_SECONDS] [MEASURE_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
WARM=${1:-8}
MEASURE=${2:-20}
JAR=target/wraith.jar
mvn -q -B -o package -DskipTests   # always the current code
java -jar "$JAR" --version | grep -q "eBPF probe: built in" || { echo "the eBPF probe is not built into $JAR" >&2; exit 2; }
TICK=$(getconf CLK_TCK)
PY=$(command -v /usr/bin/python3 || command -v python3)
WORK=$(mktemp -d /tmp/probe-bench-XXXX)
SRV=probe-bench-srv GEN=probe-bench-gen NET=10.214.77
PIDS=()
STATS_WAS=$(cat /proc/sys/kernel/bpf_stats_enabled)
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  ip netns del "$SRV" 2>/dev/null || true
  ip netns del "$GEN" 2>/dev/null || true
  rm -rf "/etc/netns/$GEN"
  echo "$STATS_WAS" > /proc/sys/kernel/bpf_stats_enabled
  rm -rf "$WORK"
}
trap cleanup EXIT
trap "exit 1" INT TERM

ip netns add "$SRV"; ip netns add "$GEN"
ip link add probe-bench0 type veth peer name probe-bench1
ip link set probe-bench0 netns "$SRV"; ip link set probe-bench1 netns "$GEN"
ip -n "$SRV" addr add "$NET.2/24" dev probe-bench0; ip -n "$GEN" addr add "$NET.1/24" dev probe-bench1
for ns in "$SRV" "$GEN"; do ip -n "$ns" link set lo up; done
ip -n "$SRV" link set probe-bench0 up; ip -n "$GEN" link set probe-bench1 up
ip netns exec "$GEN" sysctl -q -w net.ipv4.ip_local_port_range="10000 65000"
mkdir -p "/etc/netns/$GEN" && echo "nameserver $NET.2" > "/etc/netns/$GEN/resolv.conf"
ip netns exec "$SRV" dnsmasq --keep-in-foreground --no-resolv --no-hosts --bind-interfaces --listen-address="$NET.2" \
  --user=root --pid-file="$WORK/dnsmasq.pid" --local-ttl=30 --address="/api.openai.com/$NET.2" & PIDS+=($!)

# the server: accepts on one port per class, reads until the client closes
cat > "$WORK/server.py" <<'EOF'
import selectors, socket, sys
sel = selectors.DefaultSelector()
for port in (7010, 7050, 7500, 7060):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((sys.argv[1], port)); s.listen(4096); s.setblocking(False); sel.register(s, selectors.EVENT_READ, None)
print("ready", flush=True)
while True:
    for key, _ in sel.select():
        if key.data is None:
            try:
                c, _ = key.fileobj.accept(); c.setblocking(False); sel.register(c, selectors.EVENT_READ, True)
            except BlockingIOError:
                pass
        else:
            try:
                d = key.fileobj.recv(65536)
            except ConnectionError:
                d = b""
            if not d:
                sel.unregister(key.fileobj); key.fileobj.close()
EOF

# the generator: RATE connections/s for SECONDS, spread evenly over the 10/50/500 ms classes, plus CHURN/s processes
# that each make one 50 ms connection and exit; prints the connections made per port and the processes forked
cat > "$WORK/loadgen.py" <<'EOF'
import errno, heapq, os, selectors, socket, sys, time
host, rate, seconds, churn = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
HEAD = b"POST /v1/chat/completions HTTP/1.1\r\nHost: api.openai.com\r\nContent-Length: 0\r\n\r\n"
classes = [(7010, 0.010), (7050, 0.050), (7500, 0.500)]
sel = selectors.DefaultSelector(); closing = []; made = {7010: 0, 7050: 0, 7500: 0}; forked = []
def child():
    s = socket.create_connection((host, 7060)); s.sendall(HEAD); time.sleep(0.05); s.close(); os._exit(0)
start = time.monotonic(); n = 0; k = 0; resolved = 0
while True:
    now = time.monotonic()
    if now - start >= seconds and not closing: break
    while now - start < seconds and resolved < (now - start) * 10:  # as a client whose resolver caches for 100 ms
        resolved += 1; socket.getaddrinfo("api.openai.com", 7010, socket.AF_INET, socket.SOCK_STREAM)
    while now - start < seconds and n < (now - start) * rate:
        port, hold = classes[n % 3]; n += 1
        s = socket.socket(); s.setblocking(False)
        if s.connect_ex((host, port)) not in (0, errno.EINPROGRESS): s.close(); continue
        sel.register(s, selectors.EVENT_WRITE, (port, hold)); made[port] += 1
    while churn and now - start < seconds and k < (now - start) * churn:
        k += 1; pid = os.fork()
        if pid == 0: child()
        forked.append(pid)
    for key, _ in sel.select(timeout=0.001):
        port, hold = key.data; sel.unregister(key.fileobj)
        try: key.fileobj.send(HEAD)
        except OSError: pass
        heapq.heappush(closing, (time.monotonic() + hold, id(key.fileobj), key.fileobj))
    while closing and closing[0][0] <= time.monotonic():
        heapq.heappop(closing)[2].close()
    for p in list(forked):
        try:
            if os.waitpid(p, os.WNOHANG)[0]: pass
        except ChildProcessError: pass
while True:
    try: os.wait()
    except ChildProcessError: break
print(made[7010], made[7050], made[7500], len(forked))
EOF

ip netns exec "$SRV" "$PY" "$WORK/server.py" "$NET.2" > "$WORK/server.out" & PIDS+=($!)
while ! grep -q ready "$WORK/server.out" 2>/dev/null; do sleep 0.1; done

ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
loader_of() { local c; for c in /proc/"$1"/task/*/children; do cat "$c"; done 2>/dev/null | tr ' ' '\n' | grep -m1 . || true; }
bpf_ns() {  # total run time of the loader's BPF programs (their ids from its fds' fdinfo), ns
  [ -n "$1" ] || { echo 0; return; }
  local ids; ids=$(grep -h '^prog_id:' /proc/"$1"/fdinfo/* 2>/dev/null | awk '{print $2}' | sort -u)
  local t=0 id n
  for id in $ids; do
    n=$(bpftool prog show id "$id" --json 2>/dev/null | "$PY" -c 'import json,sys; print(json.load(sys.stdin).get("run_time_ns",0))')
    t=$((t + n))
  done
  echo "$t"
}

# run MODE RATE CHURN -> one result line
run() {
  local mode=$1 rate=$2 churn=$3 total=$((WARM + MEASURE + 4))
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx64m -Xss512k -XX:-UsePerfData ${SENSOR_JAVA_OPTS:-} -jar "$JAR" sensor --probe "$mode" \
    --duration "$total" --no-dns --resolve "api.openai.com=$NET.2" --format json -o "$WORK/$mode.jsonl" & local S=$!; PIDS+=($S)
  sleep "$WARM"
  local L; L=$(loader_of "$S"); [ "$mode" = ebpf ] && [ -z "$L" ] && { echo "no probe loader under pid $S" >&2; exit 1; }
  local t0 l0 b0 t1 l1 b1 truth
  t0=$(ticks "$S"); l0=$([ -n "$L" ] && ticks "$L" || echo 0); b0=$(bpf_ns "$L")
  # THREADS=1: the JVM's CPU per thread during the load, on stderr
  threads() { local t; for t in /proc/"$S"/task/*; do echo "${t##*/} $(ticks "$S/task/${t##*/}") $(tr ' ' _ < "$t/comm")"; done; }
  [ -n "${THREADS:-}" ] && threads > "$WORK/threads0"
  truth=$(ip netns exec "$GEN" "$PY" "$WORK/loadgen.py" "$NET.2" "$rate" "$MEASURE" "$churn")
  [ -n "${THREADS:-}" ] && threads > "$WORK/threads1" && join "$WORK/threads0" "$WORK/threads1" \
    | awk '$4 - $2 > 0 { print "  thread", $3, $4 - $2, "ticks" }' >&2
  t1=$(ticks "$S"); l1=$([ -n "$L" ] && ticks "$L" || echo 0); b1=$(bpf_ns "$L")
  local jvm_kb loader_kb; jvm_kb=$(hwm_kb "$S"); loader_kb=$([ -n "$L" ] && hwm_kb "$L" || echo 0)
  wait "$S" || { echo "sensor --probe $mode failed" >&2; exit 1; }
  "$PY" - "$WORK/$mode.jsonl" "$NET.2" "$mode" "$rate" "$MEASURE" "$TICK" "$((t1 - t0))" "$((l1 - l0))" "$((b1 - b0))" \
    "$jvm_kb" "$loader_kb" $truth <<'EOF'
import json, sys
f, ip, mode, rate, secs, tick, jt, lt, bns, jkb, lkb, m10, m50, m500, forked = sys.argv[1:]
secs, tick = float(secs), float(tick)
got = {7010: 0, 7050: 0, 7500: 0}; churn = set(); evidence = {}
for line in open(f):
    o = json.loads(line)
    if o.get("type") != "observation" or o.get("ip") != ip: continue
    evidence[o["attribution"]] = evidence.get(o["attribution"], 0) + o["connections"]
    if o["port"] in got: got[o["port"]] += o["connections"]
    elif o["port"] == 7060: churn.add((o["pid"], o["startTicks"]))
jvm = int(jt) / tick / secs * 100
ldr = int(lt) / tick / secs * 100
user = jvm + ldr
kern = int(bns) / 1e9 / secs * 100
share = lambda a, b: "%5.1f %%" % (100.0 * min(a, b) / b) if b else "  n/a"
named = ",".join(sorted(evidence, key=lambda k: -evidence[k])) or "-"
print("%-5s %6s/s  %6.2f %%  %6.2f %%  %6.2f %%  %6.2f %%  %7.0f MB  %9s  %9s  %9s  %9s  %s" % (mode, rate, jvm, ldr, kern, user + kern,
      (int(jkb) + int(lkb)) / 1024, share(got[7010], int(m10)), share(got[7050], int(m50)), share(got[7500], int(m500)),
      share(len(churn), int(forked)), named))
EOF
}

echo 1 > /proc/sys/kernel/bpf_stats_enabled
header() {
  printf '%-5s %8s  %8s  %8s  %8s  %8s  %10s  %9s  %9s  %9s  %9s  %s\n' probe "new conn" "JVM" "loader" "BPF" "total" "peak RSS" "10 ms" \
    "50 ms" "500 ms" "$1" EVIDENCE
  printf '%-5s %8s  %8s  %8s  %8s  %8s  %10s  %9s  %9s  %9s  %9s\n' "" "" "% core" "% core" "% core" "% core" "JVM+ldr" caught caught \
    caught "$2"
}
echo "Connections from one long-lived generator process:"
header "" ""
for RATE in ${RATES:-100 1000}; do
  for MODE in ${MODES:-ebpf proc}; do run "$MODE" "$RATE" 0; done
done
echo
echo "With process churn: 100 connections/s as above, plus ${CHURN:-20} processes/s that each live about 60 ms and make one"
echo "50 ms connection (the last column: the share of those processes the sensor names as an owner):"
header "60 ms proc" "owner"
for MODE in ${MODES:-ebpf proc}; do run "$MODE" 100 "${CHURN:-20}"; done
