#!/usr/bin/env bash
# Cluster-layer benchmark: generates a kubectl-shaped snapshot (default 1,000 deployments, 5,000 pods) and times
# `wraith cluster --kube-snapshot` on it, reporting wall time and peak RSS. Usage: bench/cluster-bench.sh [DEPLOYS] [PODS]
set -euo pipefail
cd "$(dirname "$0")/.."
deploys=${1:-1000}
pods=${2:-5000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f target/wraith.jar ] || mvn -q -B package -DskipTests
python3 bench/gen_cluster_snapshot.py "$deploys" "$pods" "$work/snapshot.json"
echo "snapshot: $deploys deployments, $pods pods, $(du -h "$work/snapshot.json" | cut -f1)"
for run in 1 2 3; do
  /usr/bin/time -f "run $run: wall %e s, user %U s, peak RSS %M KB" \
    java ${JAVA_OPTS:-} -jar target/wraith.jar cluster --kube-snapshot "$work/snapshot.json" -f json -o "$work/out.json"
done
python3 - "$work/out.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print("report: %d AI workloads, stats %s" % (len(d.get("workloads", [])), d["stats"]))
PY
