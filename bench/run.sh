#!/usr/bin/env bash
# Benchmark: `hpctest run` vs `tmt run -a provision -h local --skip prepare` on trees of N trivial tests
# (`test: "true"`). Not a test: prints wall-clock medians; record them in bench/RESULTS-run.md.
# Usage: bench/run.sh [REPEATS] [SIZES...]   (defaults: 3 repeats; 1 10 100 1000)
# Env: HPCTEST (binary, default .build/release/hpctest), TMT (default $HPCTEST_REFERENCE_VENV/bin/tmt or
#      /opt/tmt-ref/bin/tmt; skipped when missing), TMT_MAX (largest size tmt is run for, default 100).
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}; shift || true
sizes=("${@:-1 10 100 1000}"); read -r -a sizes <<< "${sizes[*]}"
hpctest=${HPCTEST:-.build/release/hpctest}
tmt=${TMT:-${HPCTEST_REFERENCE_VENV:-/opt/tmt-ref}/bin/tmt}
tmt_max=${TMT_MAX:-100}
work=$(mktemp -d /tmp/hpctest-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
[ -x "$hpctest" ] || { echo "build first: swift build -c release --product hpctest" >&2; exit 2; }

make_tree() {  # N → tree path
  local n=$1 d="$work/tree-$1"
  mkdir -p "$d/.fmf" "$d/plans" "$d/tests/t"
  echo 1 > "$d/.fmf/version"
  printf 'discover:\n    how: fmf\nprovision:\n    how: local\nexecute:\n    how: tmt\n' > "$d/plans/main.fmf"
  : > "$d/tests/t/main.fmf"
  for i in $(seq -w 1 "$n"); do printf '/t%s:\n    test: "true"\n' "$i" >> "$d/tests/t/main.fmf"; done
  echo "$d"
}

seconds() {  # command... → wall seconds (exit status ignored: all trivial tests pass)
  local start end
  start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%-6s %-12s %-12s %s\n' tests hpctest_s tmt_s ratio
for n in "${sizes[@]}"; do
  tree=$(make_tree "$n")
  ours=(); theirs=()
  for _ in $(seq "$repeats"); do
    ours+=("$(seconds "$hpctest" --root "$tree" run --scratch --id "$work/hp-$n" -a provision -h local)")
    if [ -x "$tmt" ] && [ "$n" -le "$tmt_max" ]; then
      theirs+=("$(seconds env TMT_FEELING_SAFE=1 "$tmt" --root "$tree" run --scratch --id "$work/tmt-$n" \
        --skip prepare -a provision -h local)")
    fi
  done
  h=$(median "${ours[@]}")
  if [ ${#theirs[@]} -gt 0 ]; then
    t=$(median "${theirs[@]}"); ratio=$(echo "$t / $h" | bc -l)
    printf '%-6s %-12.3f %-12.3f %.1fx\n' "$n" "$h" "$t" "$ratio"
  else
    printf '%-6s %-12.3f %-12s %s\n' "$n" "$h" "-" "-"
  fi
done
