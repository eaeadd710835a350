#!/usr/bin/env bash
# Benchmark: `hpctest run` vs `tmt run -a provision -h local --skip prepare` on trees of N trivial tests
# (`test: "true"`). Not a test: prints medians (by wall time) of wall and CPU seconds; record them in
# bench/RESULTS-run.md together with the load average it prints (the machine is shared).
# Usage: bench/run.sh [REPEATS] [SIZES...]   (defaults: 3 repeats; 1 10 100 1000)
# Env: HPCTEST (binary, default .build/release/hpctest), TMT (default $HPCTEST_REFERENCE_VENV/bin/tmt or
#      /opt/tmt-ref/bin/tmt; skipped when missing), TMT_MAX (largest size tmt is run for, default 100),
#      TMT_REPEATS (repeats for tmt, default REPEATS).
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}; shift || true
sizes=("${@:-1 10 100 1000}"); read -r -a sizes <<< "${sizes[*]}"
hpctest=${HPCTEST:-.build/release/hpctest}
tmt=${TMT:-${HPCTEST_REFERENCE_VENV:-/opt/tmt-ref}/bin/tmt}
tmt_max=${TMT_MAX:-100}
tmt_repeats=${TMT_REPEATS:-$repeats}
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

seconds() {  # command... → "wall cpu" seconds (cpu = user + sys of the command and its children)
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>&1 || true
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$work/time"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
printf '%-6s %-10s %-10s %-10s %-10s %s\n' tests hp_wall hp_cpu tmt_wall tmt_cpu wall_ratio
for n in "${sizes[@]}"; do
  tree=$(make_tree "$n")
  ours=(); theirs=()
  for i in $(seq "$repeats"); do
    ours+=("$(seconds "$hpctest" --root "$tree" run --scratch --id "$work/hp-$n" -a provision -h local)")
    if [ -x "$tmt" ] && [ "$n" -le "$tmt_max" ] && [ "$i" -le "$tmt_repeats" ]; then
      theirs+=("$(seconds env TMT_FEELING_SAFE=1 "$tmt" --root "$tree" run --scratch --id "$work/tmt-$n" \
        --skip prepare -a provision -h local)")
    fi
  done
  h=$(printf '%s\n' "${ours[@]}" | sort -g | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}')
  if [ ${#theirs[@]} -gt 0 ]; then
    t=$(printf '%s\n' "${theirs[@]}" | sort -g | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}')
    ratio=$(echo "${t%% *} / ${h%% *}" | bc -l)
    printf '%-6s %-10s %-10s %-10s %-10s %.1fx\n' "$n" ${h} ${t} "$ratio"
  else
    printf '%-6s %-10s %-10s %-10s %-10s %s\n' "$n" ${h} - - -
  fi
done
