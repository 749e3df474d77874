#!/usr/bin/env bash
# Several clusters against one: times `wraith cluster` on N named snapshots of PODS pods each (A) against one unnamed
# snapshot of N x PODS pods (B) in the same farm-bench call, so the figure is the cost of reading, labelling and merging
# clusters separately. Usage: bench/clusters-bench.sh [CLUSTERS] [PODS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
clusters=${1:-3}
pods=${2:-5000}
runs=${3:-3}
work=$(mktemp -d -t clusters-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
[ -f target/wraith.jar ] || mvn -q -B package -DskipTests
python3 bench/gen_cluster_snapshot.py $((clusters * pods / 5)) $((clusters * pods)) "$work/one.json"
named=()
for i in $(seq 1 "$clusters"); do
  python3 bench/gen_cluster_snapshot.py $((pods / 5)) "$pods" "$work/c$i.json"
  named+=(--kube-snapshot "c$i=$work/c$i.json")
done
echo "A: $clusters named clusters of $pods pods; B: one cluster of $((clusters * pods)) pods"
farm-bench -n "$runs" --timeout 3000 \
  --vs "java ${JAVA_OPTS:-} -jar target/wraith.jar cluster --kube-snapshot $work/one.json -f json -o $work/one.out.json" \
  -- java ${JAVA_OPTS:-} -jar target/wraith.jar cluster "${named[@]}" -f json -o "$work/many.out.json"
python3 - "$work/many.out.json" "$work/one.out.json" <<'PY'
import json, sys
for f in sys.argv[1:]:
    d = json.load(open(f))
    print("%s: %d AI workloads, stats %s" % (f.rsplit("/", 1)[1], len(d.get("workloads", [])), d["stats"]))
PY
