#!/usr/bin/env bash
# Fleet join benchmark (issue 17): REPOS code inventories (default 5,000, copies of one made by
# `wraith scan --format inventory` from a small template repository) joined by
# `wraith scan-all --code-inventory DIR` with CLUSTERS cluster snapshots of PODS pods each (default 3 x 20,000).
# Baseline in the same run: the same join with one snapshot. Each command runs RUNS times in turn (A B A B ...)
# under farm-bench; it prints wall, CPU (user + system) and peak RSS as min / median / max.
# The snapshots are named clusters (--kube-snapshot cluster-N=FILE), as a fleet's clusters are.
# Usage: bench/inventory-bench.sh [REPOS] [CLUSTERS] [PODS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
repos=${1:-5000}
clusters=${2:-3}
pods=${3:-20000}
runs=${4:-3}
work=$(mktemp -d /tmp/inventories-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
./wraith --version > /dev/null   # builds the jar when sources changed, before anything is timed
jar="$PWD/target/wraith.jar"

# the template repository: one unit (agent-zz0000) with an agent and its tools, a Dockerfile, a manifest, docs
t="$work/repo-zz0000"
mkdir -p "$t/agent-zz0000" "$t/deploy" "$t/docs"
cat > "$t/agent-zz0000/app.py" <<'PY'
from openai import OpenAI
from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_openai import ChatOpenAI
from .tools import lookup

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
agent = create_tool_calling_agent(llm, [lookup], prompt=None)
executor = AgentExecutor(agent=agent, tools=[lookup])
client = OpenAI()
PY
cat > "$t/agent-zz0000/tools.py" <<'PY'
from langchain.tools import tool

@tool
def lookup(order_id: str) -> str:
    """Looks an order up."""
    return order_id
PY
printf 'openai==1.40.0\nlangchain==0.2.0\nlangchain-openai==0.1.0\n' > "$t/agent-zz0000/requirements.txt"
printf 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "-m", "app"]\n' > "$t/agent-zz0000/Dockerfile"
cat > "$t/deploy/agent.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata: {name: agent-zz0000}
spec:
  template:
    spec:
      containers:
        - name: app
          image: registry.example.com/acme/agent-zz0000:1.0
          env: [{name: OPENAI_API_KEY, valueFrom: {secretKeyRef: {name: llm, key: key}}}]
YAML
printf '# agent-zz0000\nAn example service.\n' > "$t/docs/README.md"
java -jar "$jar" scan "$t" --format inventory -o "$work/template.json"

mkdir -p "$work/inventories"
python3 bench/gen_fleet.py inventories "$work/template.json" "$work/inventories" "$repos"
snaps=()
for c in $(seq 1 "$clusters"); do
  n=$(python3 bench/gen_fleet.py snapshot "$work/cluster-$c.json" "$c" "$repos" "$pods")
  snaps+=(--kube-snapshot "cluster-$c=$work/cluster-$c.json")
done
echo "inputs: $repos code inventories ($(du -sh "$work/inventories" | cut -f1), $(du -h "$work/template.json" | cut -f1) each);" \
  "$clusters snapshots of $n pods ($(du -h "$work/cluster-1.json" | cut -f1) each)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"

common=(--code-inventory "$work/inventories" --skip-layers host,tetragon,mcp --no-state --format json)
# as users run it: the launcher (serial GC, C1, class data sharing; WRAITH_JAVA_OPTS replaces those flags)
joined=("$PWD/wraith" scan-all "${common[@]}" "${snaps[@]}" -o "$work/results-all")
baseline=("$PWD/wraith" scan-all "${common[@]}" --kube-snapshot "cluster-1=$work/cluster-1.json" -o "$work/results-one")

# one run of each outside the timing, to check what they found
"${joined[@]}" > "$work/all.json" 2> "$work/all.err" || { cat "$work/all.err"; exit 1; }
"${baseline[@]}" > "$work/one.json" 2> /dev/null
python3 - "$work/all.json" "$work/one.json" "$work/all.err" <<'PY'
import json, sys
for label, path in (("A (all snapshots)", sys.argv[1]), ("B (one snapshot)", sys.argv[2])):
    d = json.load(open(path))
    layers = {l["name"]: l["status"] for l in d["layers"]}
    print("%s: %d agents, summary %s, layers %s" % (label, len(d["agents"]), d["summary"], layers))
print("A's progress: " + " | ".join(l.strip() for l in open(sys.argv[3]) if "ran " in l))
PY
timeout=$(( runs * 2 * 240 ))
farm-bench -n "$runs" --warmup 0 --timeout "$timeout" --vs "${baseline[*]}" -- "${joined[@]}"
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) after the runs"
