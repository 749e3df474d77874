#!/usr/bin/env bash
# Builds wraith's eBPF probe at build time (Maven runs this in process-resources):
#   vmlinux.h from this machine's kernel BTF (generated, never committed), the CO-RE BPF object (clang -target bpf),
#   its libbpf skeleton (bpftool), and the loader linked statically (libbpf, libelf, zlib), so the one binary runs
#   on any x86_64 Linux with BTF, in any container image.
# Output: CLASSES/dev/wraith/host/ebpf/linux-x86_64/wraith-probe and CLASSES/dev/wraith/host/ebpf/probe.properties
# (built=true|false and the reason), which 'wraith --version' and the sensor read.
# When a tool or library is missing the build goes on without the probe and says so in one line; once the tools
# are there, a compile error fails the build (it is a bug, not a missing tool).
set -euo pipefail
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$1"
res="$2/dev/wraith/host/ebpf"
bin="$res/linux-x86_64/wraith-probe"
marker="$res/probe.properties"
mkdir -p "$work" "$res"

not_built() {
  echo "[wraith] eBPF probe not built: $1. The sensor will sample /proc instead; install clang, llvm, libbpf-dev," \
    "libelf-dev, zlib1g-dev and bpftool and rebuild to include it." >&2
  rm -f "$bin"
  printf 'built=false\nreason=%s\n' "$1" > "$marker"
  exit 0
}

[[ "${WRAITH_PROBE_BUILD:-}" == "off" ]] && not_built "WRAITH_PROBE_BUILD=off"
[[ "$(uname -s)" == Linux && "$(uname -m)" == x86_64 ]] || not_built "the probe is built on linux-x86_64 only (this is $(uname -s)-$(uname -m))"
strip=""
for t in llvm-strip llvm-strip-14 llvm-strip-15 llvm-strip-16; do command -v "$t" >/dev/null && { strip="$t"; break; }; done
command -v clang >/dev/null || not_built "clang not found"
command -v bpftool >/dev/null || not_built "bpftool not found"
[[ -n "$strip" ]] || not_built "llvm-strip not found (package llvm)"
[[ -f /usr/include/bpf/libbpf.h ]] || not_built "libbpf headers not found (package libbpf-dev)"
for lib in libbpf.a libelf.a libz.a; do
  [[ "$(clang -print-file-name="$lib")" == /* ]] || not_built "$lib not found (packages libbpf-dev, libelf-dev, zlib1g-dev)"
done
[[ -r /sys/kernel/btf/vmlinux ]] || not_built "this machine's kernel has no BTF (/sys/kernel/btf/vmlinux) to generate vmlinux.h from"

# up to date: the binary is newer than every source file here
if [[ -x "$bin" && -f "$marker" ]] && grep -q '^built=true' "$marker" && [[ -z "$(find "$src" -type f -newer "$bin" -print -quit)" ]]; then
  exit 0
fi
[[ -s "$work/vmlinux.h" ]] || bpftool btf dump file /sys/kernel/btf/vmlinux format c > "$work/vmlinux.h"
clang -O2 -g -Wall -Werror -target bpf -D__TARGET_ARCH_x86 -I"$work" -I"$src" -c "$src/probe.bpf.c" -o "$work/probe.bpf.o"
"$strip" -g "$work/probe.bpf.o"   # DWARF out; the .BTF and .BTF.ext sections CO-RE needs stay
bpftool gen skeleton "$work/probe.bpf.o" name probe_bpf > "$work/probe.skel.h"
mkdir -p "$(dirname "$bin")"
clang -O2 -Wall -Werror -s -I"$work" -I"$src" "$src/loader.c" -o "$bin.tmp" -static -lbpf -lelf -lz
mv "$bin.tmp" "$bin"
printf 'built=true\nplatform=linux-x86_64\nlayout=%s\nclang=%s\n' "$("$bin" --layout)" \
  "$(clang --version | head -1 | sed 's/.*version \([0-9.]*\).*/\1/')" > "$marker"
echo "[wraith] eBPF probe built ($(stat -c %s "$bin") bytes)" >&2
