#!/usr/bin/env bash
# Code-layer benchmark: wraith end to end against the parse floor (ast-grep parsing the same source files) and
# the grep floor (`rg -l` with wraith's trigger tokens over the same file types), in the same run.
#
#   bench/scan-bench.sh [TREE] [RUNS]
#
#   TREE   defaults to this machine's Python install (stdlib, which holds site-packages): mostly non-AI code,
#          where the prefilter matters. For AI-dense code use a checkout of vercel/ai's examples:
#            git clone https://github.com/vercel/ai && git -C ai checkout ed857f50f112e23930b0c2dd8d532cc8bebbc911
#            bench/scan-bench.sh ai/examples
#          (2,869 files wraith reads, 4.1 MB, nearly all of them parsed). Never commit such a checkout.
#   RUNS   runs per measurement (median reported), default 3.
#
# Env: THREADS="1 2" (worker threads for wraith, ast-grep and rg); WRAITH_BASELINE_JAR=path/to/other/wraith.jar
# measures a second build (e.g. main's) in the same loop, as "before", with the class data sharing archive its
# launcher made beside it (wraith.jsa) when there is one; WRAITH_JAVA_OPTS as for ./wraith; ASTGREP=0 leaves
# ast-grep out (on the Python install it parses all ~19,000 files, 80 s a run on a loaded machine, while wraith
# parses a few dozen: its figure there is no floor).
#
# Every figure is the median of RUNS runs, all tools measured in the same loop so the ratios stay meaningful on
# a shared, noisy machine. Files are page-cached (warm). wraith runs as the ./wraith launcher runs it (Serial GC,
# C1 only, the launcher's class data sharing archive). "read" MB = bytes of the files wraith reads (its MB/s);
# ast-grep gets the source files of the tree (.py .js .mjs .cjs .jsx .ts .mts .cts .tsx .go .java, no .d.ts,
# gitignore respected) with a pattern that never matches, so it parses every one; it is the parse floor.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tree="${1:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}"
runs="${2:-3}"
threads="${THREADS:-1 2}"
out="$here/bench/out"
mkdir -p "$out"

need() { command -v "$1" >/dev/null || { apt-get install -y -qq "$2" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }; }
need rg ripgrep
[[ -x /usr/bin/time ]] || need /usr/bin/time time
# ast-grep from npm (a binary shipped in the registry package), pinned, into the ignored bench/out/tools
sg="$out/tools/node_modules/.bin/ast-grep"
if [[ ! -x "$sg" ]]; then
  npm install --prefix "$out/tools" --no-audit --no-fund --loglevel=error @ast-grep/cli@0.51.1 >/dev/null
fi
"$here/wraith" --version >/dev/null   # builds the jar and the class data sharing archive when needed
jar="$here/target/wraith.jar"
java_opts="${WRAITH_JAVA_OPTS:--XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TieredStopAtLevel=1 -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedArchiveFile=$here/target/wraith.jsa}"
base_opts="-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TieredStopAtLevel=1"
if [[ -n "${WRAITH_BASELINE_JAR:-}" && -f "${WRAITH_BASELINE_JAR%.jar}.jsa" ]]; then
  base_opts+=" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedArchiveFile=${WRAITH_BASELINE_JAR%.jar}.jsa"
fi

java -jar "$jar" catalogue --triggers > "$out/triggers.txt"
globs=()
for g in '*.py' '*.pyi' '*.pyw' '*.js' '*.mjs' '*.cjs' '*.jsx' '*.ts' '*.mts' '*.cts' '*.tsx' '*.java' '*.go' \
         '*.yaml' '*.yml' '*.json' '*.toml' '*.lock' '*requirements*.txt' '*requirements*.in' 'constraints*' \
         'Pipfile' 'go.mod' 'pom.xml' '*.gradle' '*.gradle.kts' 'Dockerfile*' '*.Dockerfile' 'Containerfile'; do
  globs+=(-g "$g")
done
# source files per ast-grep language
list() { (cd "$tree" && { rg --files "$@" || true; } | tr '\n' '\0') > "$out/$lang.lst"; }
lang=ts; list -g '*.ts' -g '*.mts' -g '*.cts' -g '!*.d.ts' -g '!*.d.mts' -g '!*.d.cts'
lang=tsx; list -g '*.tsx'
lang=js; list -g '*.js' -g '*.mjs' -g '*.cjs' -g '*.jsx'
lang=python; list -g '*.py' -g '*.pyi' -g '*.pyw'
lang=go; list -g '*.go'
lang=java; list -g '*.java'
astgrep() {
  local j="$1"
  cd "$tree"
  for l in ts tsx js python go java; do
    if [[ -s "$out/$l.lst" ]]; then xargs -0 "$sg" run -j "$j" -p 'wraithbenchnomatch' -l "$l" < "$out/$l.lst" >/dev/null || true; fi
  done
}
export -f astgrep; export sg out tree

echo "warming the page cache: $tree" >&2
find "$tree" -type f -print0 | xargs -0 cat > /dev/null 2>&1 || true

# one run of a command: "wall_seconds user+sys_seconds max_rss_kb"
measure() {
  /usr/bin/time -f '%e %U %S %M' -o "$out/time.txt" "$@" > /dev/null || true   # exit codes: findings, no match
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$out/time.txt"
}
tools=(wraith)
[[ -n "${WRAITH_BASELINE_JAR:-}" ]] && tools+=(baseline)
[[ "${ASTGREP:-1}" != 0 ]] && tools+=(ast-grep)
tools+=(rg)
for t in $threads; do for tool in "${tools[@]}"; do : > "$out/$tool-$t.txt"; done; done
for i in $(seq "$runs"); do
  for t in $threads; do
    measure java $java_opts -jar "$jar" scan "$tree" --threads "$t" --format json -o "$out/scan.json" >> "$out/wraith-$t.txt"
    if [[ -n "${WRAITH_BASELINE_JAR:-}" ]]; then
      measure java $base_opts -jar "$WRAITH_BASELINE_JAR" scan "$tree" --threads "$t" --format json -o "$out/scan-baseline.json" >> "$out/baseline-$t.txt"
    fi
    [[ "${ASTGREP:-1}" != 0 ]] && measure bash -c "astgrep $t" >> "$out/ast-grep-$t.txt"
    measure rg -j "$t" -l -i -F -f "$out/triggers.txt" "${globs[@]}" "$tree" >> "$out/rg-$t.txt"
    echo "run $i, $t thread(s): wraith $(tail -1 "$out/wraith-$t.txt"), ast-grep $([[ "${ASTGREP:-1}" != 0 ]] && tail -1 "$out/ast-grep-$t.txt" || echo -), rg $(tail -1 "$out/rg-$t.txt")  (wall s, cpu s, rss KB)" >&2
  done
done

python3 - "$out" "$tree" "$threads" "${tools[@]}" <<'PY'
import json, os, statistics, sys
out, tree, threads, tools = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4:]
def med(name):
    rows = [l.split() for l in open(os.path.join(out, name)) if l.strip()]
    return [statistics.median(float(r[i]) for r in rows) for i in range(3)]
stats = json.load(open(os.path.join(out, "scan.json")))["stats"]
srcs = sum(open(os.path.join(out, l + ".lst"), "rb").read().count(b"\0") for l in ("ts", "tsx", "js", "python", "go", "java"))
mb = stats["bytesRead"] / 1e6
print(f"tree {tree}: wraith read {stats['filesRead']} files, {mb:.1f} MB, parsed {stats['filesParsed']} "
      f"({100*stats['filesParsed']/max(1,stats['filesRead']):.1f}%); ast-grep parsed {srcs} source files")
print(f"{'median of runs':<22} {'threads':>7} {'wall s':>7} {'cpu s':>7} {'MB/s':>7} {'peak RSS MB':>12}")
for t in threads:
    for tool in tools:
        m = med(f"{tool}-{t}.txt")
        label = {"rg": "rg -l (same tokens)", "baseline": "wraith (baseline jar)"}.get(tool, tool)
        print(f"{label:<22} {t:>7} {m[0]:>7.2f} {m[1]:>7.2f} {mb/m[0]:>7.1f} {m[2]/1024:>12.0f}")
    w = med(f"wraith-{t}.txt")
    line = f"  {t} thread(s):"
    if "ast-grep" in tools:
        a = med(f"ast-grep-{t}.txt")
        line += f" wraith/ast-grep cpu {w[1]/a[1]:.1f}x, wall {w[0]/a[0]:.1f}x"
    if "baseline" in tools:
        b = med(f"baseline-{t}.txt")
        line += f" baseline/wraith cpu {b[1]/w[1]:.1f}x, wall {b[0]/w[0]:.1f}x"
    print(line)
w1, w2 = med(f"wraith-{threads[0]}.txt"), med(f"wraith-{threads[-1]}.txt")
print(f"wraith {threads[0]} -> {threads[-1]} threads: wall {w1[0]/w2[0]:.2f}x faster; targets: >= 50 MB/s wall (Python install), "
      f"peak RSS < 512 MB: {mb/w2[0]:.1f} MB/s, {w2[2]/1024:.0f} MB")
PY
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
