#!/usr/bin/env bash
# Code-layer benchmark: wraith end to end against `rg -l` with the same trigger tokens over the same files.
#
#   bench/scan-bench.sh [TREE] [RUNS]     TREE defaults to this machine's Python install (stdlib, which holds
#                                         site-packages); RUNS defaults to 3. Env: WRAITH_JAVA_OPTS as for ./wraith.
#
# Every figure is the median of RUNS runs, and the rg baseline is measured in the same loop, so the
# wraith/rg ratio stays meaningful on a shared, noisy machine. Both tools read warm (page-cached) files.
# Bytes: "read" = bytes of the files wraith reads (source, manifest and deployment files, after its walker's
# excludes), "tree" = every regular file under TREE. MB = 10^6 bytes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tree="${1:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}"
runs="${2:-3}"
out="$here/bench/out"
mkdir -p "$out"

need() { command -v "$1" >/dev/null || { apt-get install -y -qq "$2" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }; }
need rg ripgrep
[[ -x /usr/bin/time ]] || need /usr/bin/time time
jar="$here/target/wraith.jar"
[[ -f "$jar" ]] || (cd "$here" && mvn -q -B package -DskipTests)
java_opts="${WRAITH_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"   # the ./wraith launcher's default

java -jar "$jar" catalogue --triggers > "$out/triggers.txt"
# the file types wraith's detectors accept (source, manifests, lockfiles, deployment files)
globs=()
for g in '*.py' '*.pyi' '*.pyw' '*.js' '*.mjs' '*.cjs' '*.jsx' '*.ts' '*.mts' '*.cts' '*.tsx' '*.java' '*.go' \
         '*.yaml' '*.yml' '*.json' '*.toml' '*.lock' '*requirements*.txt' '*requirements*.in' 'constraints*' \
         'Pipfile' 'go.mod' 'pom.xml' '*.gradle' '*.gradle.kts' 'Dockerfile*' '*.Dockerfile' 'Containerfile'; do
  globs+=(-g "$g")
done
echo "warming the page cache: $tree" >&2
find "$tree" -type f -print0 | xargs -0 cat > /dev/null 2>&1 || true

# one run of a command: "wall_seconds user+sys_seconds max_rss_kb"
measure() {
  /usr/bin/time -f '%e %U %S %M' -o "$out/time.txt" "$@" > /dev/null
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$out/time.txt"
}
: > "$out/wraith.txt"; : > "$out/rg.txt"
for i in $(seq "$runs"); do
  measure java $java_opts -jar "$jar" scan "$tree" --format json -o "$out/scan.json" >> "$out/wraith.txt"
  measure rg -l -i -F -f "$out/triggers.txt" "${globs[@]}" "$tree" >> "$out/rg.txt"
  echo "run $i: wraith $(tail -1 "$out/wraith.txt"), rg $(tail -1 "$out/rg.txt")  (wall s, cpu s, rss KB)" >&2
done
rg -l -i -F -f "$out/triggers.txt" "${globs[@]}" "$tree" > "$out/rg-hits.txt" || true

python3 - "$out" "$tree" <<'PY'
import json, os, statistics, sys
out, tree = sys.argv[1], sys.argv[2]
def runs(name):
    rows = [l.split() for l in open(os.path.join(out, name)) if l.strip()]
    return [statistics.median(float(r[i]) for r in rows) for i in range(3)]
w, r = runs("wraith.txt"), runs("rg.txt")
stats = json.load(open(os.path.join(out, "scan.json")))["stats"]
tree_bytes = tree_files = 0
for d, _, fs in os.walk(tree):
    for f in fs:
        p = os.path.join(d, f)
        if os.path.isfile(p) and not os.path.islink(p):
            tree_files += 1; tree_bytes += os.path.getsize(p)
hits = sum(1 for _ in open(os.path.join(out, "rg-hits.txt")))
mb = stats["bytesRead"] / 1e6
cores = os.cpu_count()
print(f"tree {tree}: {tree_files} files, {tree_bytes/1e6:.1f} MB; wraith read {stats['filesRead']} files, {mb:.1f} MB, "
      f"parsed {stats['filesParsed']} ({100*stats['filesParsed']/max(1,stats['filesRead']):.1f}%); rg matched {hits}")
print(f"{'median of runs':<20} {'wall s':>7} {'cpu s':>7} {'files/s':>8} {'MB/s':>7} {'MB/cpu-s':>9} {'peak RSS MB':>12}")
for name, m in (("wraith", w), ("rg -l (same tokens)", r)):
    print(f"{name:<20} {m[0]:>7.2f} {m[1]:>7.2f} {stats['filesRead']/m[0]:>8.0f} {mb/m[0]:>7.1f} {mb/m[1]:>9.1f} {m[2]/1024:>12.0f}")
print(f"ratio wraith/rg: wall {w[0]/r[0]:.1f}x, cpu {w[1]/r[1]:.1f}x   "
      f"(targets: >= 50 MB/s wall on {cores} cores, peak RSS < 512 MB: "
      f"{'met' if mb/w[0] >= 50 else 'MISSED'}, {'met' if w[2]/1024 < 512 else 'MISSED'})")
PY
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
