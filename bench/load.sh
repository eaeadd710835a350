#!/bin/sh
# Load benchmark: `hpctest tests ls` (static release build) vs `tmt tests ls` on tmt's own tree (in one hyperfine
# run), then hpctest alone on tmt's tree and on a generated tree of 10,000 tests (one hyperfine run); peak RSS with
# /usr/bin/time -v. The load reads and parses files on all CPUs: wall time is the figure the goals name, CPU time
# (user+sys) is printed next to it. Goals (issue 15): <= 25 ms on tmt's tree; <= 0.3 s and < 100 MB for 10,000 tests.
#
# Usage: bench/load.sh [WORKDIR]
# Env: HPCTEST (default: the static release build, built if missing), HPCTEST_OLD (an earlier hpctest binary:
#      timed in the same hyperfine run as HPCTEST on both trees, outputs compared first), TMT_REF (default $HPCTEST_REFERENCE_VENV or
#      /opt/tmt-ref), TMT_SDIST (a tmt-1.78.0.tar.gz, else pip downloads it), RUNS (default 20), TMT_RUNS (default
#      2), TMT_GENERATED=1 also times tmt on the 10,000-test tree (about 12 minutes a run), NICE (default 5), RT (a
#      SCHED_FIFO priority, root only, instead of NICE: on a machine loaded by other work the timed commands, and
#      the threads they start, run ahead of it, which is close to a quiet machine's wall time).
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-${TMPDIR:-/tmp}/hpctest-bench}
venv=${TMT_REF:-${HPCTEST_REFERENCE_VENV:-/opt/tmt-ref}}
tmt="$venv/bin/tmt"
runs=${RUNS:-20}
tmt_runs=${TMT_RUNS:-2}
nice="nice -n ${NICE:-5}"
[ -n "${RT:-}" ] && nice="chrt -f $RT"
command -v hyperfine > /dev/null || { echo "bench/load.sh needs hyperfine" >&2; exit 1; }
if [ -z "${HPCTEST:-}" ]; then
  (cd "$repo" && swift build -c release --static-swift-stdlib --product hpctest > /dev/null)
  HPCTEST="$(cd "$repo" && swift build -c release --static-swift-stdlib --show-bin-path)/hpctest"
fi
mkdir -p "$work"

# tmt's own tree (sdist of tmt 1.78.0)
if [ ! -d "$work/tmt-1.78.0" ]; then
  if [ -n "${TMT_SDIST:-}" ]; then
    tar xzf "$TMT_SDIST" -C "$work"
  else
    (cd "$work" && "$venv/bin/pip" download --quiet --no-deps --no-binary :all: tmt==1.78.0 -d . \
      && tar xzf tmt-1.78.0.tar.gz)
  fi
fi

# A generated tree: 100 directories x 100 tests, inheritance from each directory's main.fmf, one adjust rule.
generated="$work/generated-10000"
if [ ! -d "$generated" ]; then
  mkdir -p "$generated/.fmf" && echo 1 > "$generated/.fmf/version"
  printf 'summary: generated\nduration: 10m\ntag: [generated]\n' > "$generated/main.fmf"
  d=0
  while [ $d -lt 100 ]; do
    dir="$generated/tests/group-$d"
    mkdir -p "$dir"
    {
      printf 'component: [group-%d]\nadjust:\n  - when: distro == fedora\n    tag+: [fedora]\n' "$d"
      t=0
      while [ $t -lt 100 ]; do
        printf '/test-%d:\n    test: ./run.sh %d\n    order: %d\n    environment: {N: "%d"}\n' "$t" "$t" "$((t % 7 + 40))" "$t"
        t=$((t + 1))
      done
    } > "$dir/main.fmf"
    d=$((d + 1))
  done
fi

load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"; }
echo "timed under: $nice"
count() { (cd "$1" && "$2" tests ls | wc -l); }
echo "hpctest: $HPCTEST ($(count "$work/tmt-1.78.0" "$HPCTEST") tests on tmt's tree, $(count "$generated" "$HPCTEST") generated)"
[ -x "$tmt" ] && echo "tmt:     $tmt ($(count "$work/tmt-1.78.0" "$tmt") tests on tmt's tree)"
load

if [ -x "$tmt" ]; then
  echo "== tmt's tree: hpctest vs tmt (same hyperfine run, $tmt_runs runs each)"
  (cd "$work/tmt-1.78.0" && $nice hyperfine --style basic --warmup 1 --runs "$tmt_runs" \
    --export-markdown "$work/vs-tmt.md" -N \
    --command-name "hpctest tests ls (tmt tree)" "$HPCTEST tests ls" \
    --command-name "tmt tests ls (tmt tree)" "$tmt tests ls" > /dev/null && cat "$work/vs-tmt.md")
  load
fi

if [ -n "${HPCTEST_OLD:-}" ]; then
  for tree in tmt-1.78.0 generated-10000; do
    (cd "$work/$tree" && "$HPCTEST_OLD" tests ls > "$work/old.out" && "$HPCTEST" tests ls > "$work/new.out") \
      && cmp -s "$work/old.out" "$work/new.out" || { echo "old and new 'tests ls' differ on $tree" >&2; exit 1; }
  done
  echo "== old vs new hpctest in one hyperfine run ($runs runs each; outputs identical)"
  (cd "$work" && $nice hyperfine --style basic --warmup 2 --runs "$runs" -N --export-markdown "$work/old-new.md" \
    --command-name "old tests ls (tmt tree)" "$HPCTEST_OLD --root tmt-1.78.0 tests ls" \
    --command-name "new tests ls (tmt tree)" "$HPCTEST --root tmt-1.78.0 tests ls" \
    --command-name "old tests ls (10,000 generated)" "$HPCTEST_OLD --root generated-10000 tests ls" \
    --command-name "new tests ls (10,000 generated)" "$HPCTEST --root generated-10000 tests ls" \
    --command-name "old --version (start-up alone)" "$HPCTEST_OLD --version" \
    --command-name "new --version (start-up alone)" "$HPCTEST --version" > /dev/null \
    && cat "$work/old-new.md")
  load
fi

echo "== hpctest alone ($runs runs each)"
(cd "$work" && $nice hyperfine --style basic --warmup 2 --runs "$runs" -N --export-markdown "$work/hpctest.md" \
  --command-name "hpctest tests ls (tmt tree)" "$HPCTEST --root tmt-1.78.0 tests ls" \
  --command-name "hpctest tests ls (10,000 generated)" "$HPCTEST --root generated-10000 tests ls" > /dev/null \
  && cat "$work/hpctest.md")
load

rss() { (cd "$2" && /usr/bin/time -v "$1" tests ls 2>&1 > /dev/null | awk -F': ' '/Maximum resident/ {print $2}'); }
cpu() {
  (cd "$2" && /usr/bin/time -f '%U %S' "$1" tests ls 2>&1 > /dev/null | awk '{printf "%.0f ms", ($1 + $2) * 1000}')
}
for binary in ${HPCTEST_OLD:+"$HPCTEST_OLD"} "$HPCTEST"; do
  echo "$binary: peak RSS tmt tree $(rss "$binary" "$work/tmt-1.78.0") KB, 10,000 generated" \
    "$(rss "$binary" "$generated") KB; CPU user+sys tmt tree $(cpu "$binary" "$work/tmt-1.78.0")," \
    "10,000 generated $(cpu "$binary" "$generated")"
done
load
if [ -x "$tmt" ] && [ "${TMT_GENERATED:-0}" = 1 ]; then
  (cd "$generated" && $nice hyperfine --style basic --runs 1 -N --command-name "tmt tests ls (10,000)" "$tmt tests ls")
  echo "peak RSS: tmt 10,000 generated $(rss "$tmt" "$generated") KB"
fi
