#!/usr/bin/env bash
# Chaos: `kill -9` of hpctest at KILLS random points of an N-test run, resumed after each kill with
# `run --id RUN` (tmt's way of continuing a run). Every test leaves two processes outside its process group (a
# `set -m` job and a `setsid` one). After each kill it checks that
#   - no process of the run is left (hpctest, its supervisors, tests, escapees), measuring how long they took to go;
#   - no finished result was lost: every non-pending result seen before is still there, unchanged (name, outcome,
#     start time);
# and at the end that every test has exactly one result, none pending, each `pass` or `error` "hpctest was killed".
# Prints the figures for docs/RELIABILITY.md ("Teardown and kill -9"); exit 1 when a check failed.
# Usage: bench/chaos.sh [KILLS] [TESTS]   (defaults: 100 1000)
# Env: HPCTEST (binary, default .build/debug/hpctest), MAX_DELAY (longest run before a kill, seconds, default 2),
#      IN_TESTS=1 (count MAX_DELAY from the first test each run starts, not from its start: a resumed debug build
#      under load spends seconds re-reading 1,000 results before it runs a test, where most kills would land),
#      HPCTEST_CONTAINMENT (subreaper: force the fallback without cgroups).
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-100}
tests=${2:-1000}
hpctest=$(realpath "${HPCTEST:-.build/debug/hpctest}")
max_delay=${MAX_DELAY:-2}
in_tests=${IN_TESTS:-0}
[ -x "$hpctest" ] || { echo "build first: swift build --product hpctest" >&2; exit 2; }
work=$(mktemp -d /tmp/hpctest-chaos-XXXXXX)
tag=$(basename "$work")  # in every command line of the run: hpctest's --id, the test's path, the escapees' names
trap 'pkill -KILL -f "$tag" 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

tree="$work/tree"
mkdir -p "$tree/.fmf" "$tree/plans" "$tree/tests/t"
echo 1 > "$tree/.fmf/version"
printf 'discover:\n    how: fmf\nprovision:\n    how: local\nexecute:\n    how: tmt\nenvironment:\n    TAG: %s\n' \
  "$tag" > "$tree/plans/main.fmf"
cat > "$tree/tests/t/chaos-test.sh" <<'EOF'
#!/bin/bash
set -m
bash -c 'exec -a "$TAG-job" sleep 3000' &
set +m
setsid bash -c 'exec -a "$TAG-session" sleep 3000' &
sleep 0.1
EOF
chmod +x "$tree/tests/t/chaos-test.sh"
for i in $(seq -w 1 "$tests"); do printf '/t%s:\n    test: %s\n' "$i" "$tree/tests/t/chaos-test.sh"; done \
  > "$tree/tests/t/main.fmf"

run=(--feeling-safe --root "$tree" run --id "$work/run" -a provision -h local)
results="$work/run/plans/execute/results.yaml"
marker="$work/run/plans/execute/data/guest/default-0/running"  # names the test hpctest is running

snapshot() {  # results.yaml → "name|outcome|start" per finished result, sorted
  [ -f "$results" ] || return 0
  awk '/^- /{if(n!="")print n"|"r"|"s; n=r=s=""} /^  name: /{n=$2} /^  result: /{r=$2} /^  start-time: /{s=$2}
       END{if(n!="")print n"|"r"|"s}' "$results" | grep -v '|pending|' | sort || true
}

left() { { pgrep -f "$tag" || true; } | { grep -vx "$$" || true; } | wc -l; }

failures=0; lost=0; leftover_max=0; latencies=()
: > "$work/seen"
start_all=$(date +%s.%N)
for k in $(seq "$kills"); do
  previous=$(cat "$marker" 2>/dev/null || true)
  "$hpctest" "${run[@]}" >"$work/log.$k" 2>&1 </dev/null &
  pid=$!
  if [ "$in_tests" = 1 ]; then  # wait until this run starts a test, then kill within the next MAX_DELAY seconds
    for _ in $(seq 3000); do [ "$(cat "$marker" 2>/dev/null || true)" != "$previous" ] && break; sleep 0.02; done
  fi
  sleep "$(awk -v m="$max_delay" -v s="$RANDOM" 'BEGIN{srand(s); printf "%.3f", 0.05 + rand() * m}')"
  if ! kill -0 "$pid" 2>/dev/null; then wait "$pid" || true; echo "run finished before kill $k"; break; fi
  killed_at=$(date +%s%N)
  kill -KILL "$pid"; wait "$pid" 2>/dev/null || true
  for _ in $(seq 250); do [ "$(left)" -eq 0 ] && break; sleep 0.02; done
  latencies+=($(( ($(date +%s%N) - killed_at) / 1000000 )))
  n=$(left); [ "$n" -gt "$leftover_max" ] && leftover_max=$n
  if [ "$n" -ne 0 ]; then
    echo "kill $k: $n processes left:"; pgrep -af "$tag" | cut -c1-160
    failures=$((failures + 1)); pkill -KILL -f "$tag" || true
  fi
  snapshot > "$work/now"
  missing=$(comm -23 "$work/seen" "$work/now" | wc -l)
  [ "$missing" -eq 0 ] || { echo "kill $k: $missing finished results lost"; lost=$((lost + missing)); }
  [ -z "${DEBUG:-}" ] || echo "kill $k: $(tr '\n' ' ' < "$work/run/running" 2>&1) | $(grep name "$marker" 2>&1) | $(wc -l < "$work/now") done"
  sort -u "$work/seen" "$work/now" -o "$work/seen"
done
"$hpctest" "${run[@]}" >"$work/log" 2>&1 </dev/null && code=0 || code=$?
elapsed=$(awk -v s="$start_all" -v e="$(date +%s.%N)" 'BEGIN{printf "%.0f", e - s}')
snapshot > "$work/now"
missing=$(comm -23 "$work/seen" "$work/now" | wc -l); lost=$((lost + missing))
total=$(grep -c '^  name: ' "$results" || true)
pending=$(grep -c '^  result: pending' "$results" || true)
passed=$(grep -c '^  result: pass' "$results" || true)
killed=$(grep -c 'hpctest was killed' "$results" || true)
[ "$total" -eq "$tests" ] && [ "$pending" -eq 0 ] && [ $((passed + killed)) -eq "$tests" ] || failures=$((failures + 1))
[ "$lost" -eq 0 ] || failures=$((failures + 1))
sorted=$(printf '%s\n' "${latencies[@]}" | sort -n)
median=$(echo "$sorted" | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
worst=$(echo "$sorted" | tail -1)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs; containment: ${HPCTEST_CONTAINMENT:-cgroup}"
echo "kills: ${#latencies[@]} ($killed while a test ran), tests: $tests, wall: ${elapsed}s, final exit: $code"
echo "results: $total ($passed pass, $killed error 'hpctest was killed', $pending pending); finished results lost: $lost"
echo "processes left after a kill: max $leftover_max; all gone after: median ${median} ms, worst ${worst} ms"
echo "checks failed: $failures"
[ "$failures" -eq 0 ]
