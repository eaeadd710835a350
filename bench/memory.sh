#!/usr/bin/env bash
# Benchmark: peak resident memory (and CPU time) of `hpctest run` on trees of N trivial tests (`test: "true"`,
# bench/run.sh's generator), for one binary or two binaries side by side (runs interleaved: old, new, old, ...),
# so the comparison holds on a loaded machine. Not a test: record what it prints in bench/RESULTS-run.md.
# Usage: bench/memory.sh [NEW [OLD]]   (default NEW: the static release build, built if missing)
# Env: SIZES (default "1000 3000 10000"), NICE (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${SIZES:-1000 3000 10000}
new=${1:-}
old=${2:-}
if [ -z "$new" ]; then
  swift build -c release --static-swift-stdlib --product hpctest >/dev/null
  new="$(swift build -c release --static-swift-stdlib --show-bin-path)/hpctest"
fi
work=$(mktemp -d /tmp/hpctest-memory-XXXXXX)
trap 'rm -rf "$work"' EXIT

# shellcheck source=bench/trees.sh
. bench/trees.sh
load() { cut -d' ' -f1-3 /proc/loadavg; }

measure() {  # LABEL BINARY N: one run under /usr/bin/time -v, one table row
  local out="$work/time.txt"
  nice -n "${NICE:-5}" /usr/bin/time -v -o "$out" "$2" --feeling-safe --root "$work/tree-$3" run --scratch \
    --id "$work/run" -a provision -h local >/dev/null 2>&1 || true
  awk -v label="$1" -v n="$3" -v load="$(load)" -F': ' '
    /Maximum resident/ { rss = $2 / 1024 } /User time/ { user = $2 } /System time/ { sys = $2 }
    /Elapsed/ { wall = $2 }
    END { printf "| %s | %d | %.1f | %.2f | %.2f | %s | %s |\n", label, n, rss, user, sys, wall, load }' "$out"
}

for n in $sizes; do make_tree "$n"; done
echo "new: $new${old:+, old: $old}"
echo "| binary | tests | peak RSS MB | user s | sys s | wall | load average |"
echo "|---|---:|---:|---:|---:|---:|---|"
for n in $sizes; do
  if [ -n "$old" ]; then measure old "$old" "$n"; fi
  measure new "$new" "$n"
done
