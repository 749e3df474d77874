#!/usr/bin/env bash
# Operator benchmark: API requests per cycle and memory of `wraith operator` at 5,000 pods, the list path against the
# informer path in the same run. A generated cluster (bench/gen_cluster_snapshot.py: DEPLOYS deployments, PODS pods,
# services, config maps) is put into fabric8's CRUD mock API server, made to page lists at limit=500 as a real API
# server does (OperatorBench, BenchApiServer in src/test/java); the real jar then runs `operator --interval 10s` with
# leader election and OpenReports on, once with --informers=false and once with --informers=true, CYCLES cycles each,
# and CHURN pods change between cycles. Usage: bench/operator-bench.sh [PODS] [DEPLOYS] [CYCLES] [CHURN]
set -euo pipefail
cd "$(dirname "$0")/.."
pods=${1:-5000}
deploys=${2:-1000}
cycles=${3:-6}
churn=${4:-50}
work=$(mktemp -d -t operator-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
mvn -q -B package -DskipTests
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
python3 bench/gen_cluster_snapshot.py "$deploys" "$pods" "$work/snapshot.json"
echo "snapshot: $deploys deployments, $pods pods, $(du -h "$work/snapshot.json" | cut -f1); $cycles cycles, $churn pods changed per cycle"
java -Xmx2g -cp "target/test-classes:target/classes:$(cat "$work/cp.txt")" dev.wraith.incluster.OperatorBench \
  "$work/snapshot.json" target/wraith.jar "$cycles" "$churn"
