#!/usr/bin/env bash
# Benchmark of a Slurm sweep's gathering and merging (issue 10): N nodes × T tests through the real hpctest binary,
# with recorded-output stand-ins for `salloc` and `scontrol` first in PATH. The recording is what node.sh prints
# (framed results.yaml lines), made from a real local run of a T-test plan, replicated for N nodes (every 10th node
# fails one test). Measures hpctest's wall time and peak RSS for parsing the frames, writing N results.yaml, one
# JUnit file and the node × test table. With OLD (another build, e.g. of the previous commit) both binaries merge the
# same recording, alternating, RUNS times each, so their ratio holds on a loaded machine, and then (when hyperfine is
# installed) in ONE hyperfine run (`old` and `new`, RUNS runs each after a warm-up; mean, user and system time).
# BASELINE=OLD-BINARY in the environment stands for the OLD argument (as in bench/run.sh); KEEP=1 leaves the scratch
# directory (as in bench/run.sh).
#   bench/slurm-merge.sh [NODES=1000] [TESTS=40] [BINARY=.build/release/hpctest] [OLD] [RUNS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
nodes=${1:-1000} tests=${2:-40} binary=$(realpath "${3:-.build/release/hpctest}")
baseline=${4:-${BASELINE:-}}
old=${baseline:+$(realpath "$baseline")} runs=${5:-3}
work=$(mktemp -d /tmp/hpctest-bench-slurm-XXXXXX)
trap '[ -n "${KEEP:-}" ] && echo "kept: $work" || rm -rf "$work"' EXIT

# A tree with T tests: t07 fails when BENCH_FAIL is set.
mkdir -p "$work/tree/.fmf" "$work/tree/plans" "$work/bin"
echo 1 > "$work/tree/.fmf/version"
printf 'discover:\n    how: fmf\nprovision:\n    how: slurm\nexecute:\n    how: tmt\n' > "$work/tree/plans/bench.fmf"
for ((i = 1; i <= tests; i++)); do
  printf '/t%02d:\n    test: "%s"\n' "$i" "$([ "$i" = 7 ] && echo 'test -z $BENCH_FAIL' || echo true)"
done > "$work/tree/main.fmf"
"$binary" --root "$work/tree" run --id "$work/pass" plans/bench -a provision -h local >/dev/null 2>&1 || true
"$binary" --root "$work/tree" run --id "$work/fail" -e BENCH_FAIL=1 plans/bench -a provision -h local >/dev/null 2>&1 || true

# The recorded srun output: one complete snapshot, then `done`, per node (as node.sh prints it).
{
  printf '@hpctest\t-\tjob\t1\tbench[1-%d]\n' "$nodes"
  for ((n = 1; n <= nodes; n++)); do
    file="$work/pass/plans/bench/execute/results.yaml"
    [ $((n % 10)) = 0 ] && file="$work/fail/plans/bench/execute/results.yaml"
    awk -v p="$((n - 1)): @hpctest	bench$n	1	/plans/bench	" '{ print p $0 }' "$file"
    printf '%d: @hpctest\tbench%d\t1\tend\n%d: @hpctest\tbench%d\tdone\t%d\n' $((n - 1)) "$n" $((n - 1)) "$n" \
      $([ $((n % 10)) = 0 ] && echo 1 || echo 0)
  done
} > "$work/recorded.txt"
printf '#!/bin/sh\ncat %s\n' "$work/recorded.txt" > "$work/bin/salloc"
printf '#!/bin/sh\nseq -f "bench%%.0f" 1 %d\n' "$nodes" > "$work/bin/scontrol"
chmod +x "$work/bin/salloc" "$work/bin/scontrol"
echo "recorded output: $(wc -l < "$work/recorded.txt") lines, $(du -h "$work/recorded.txt" | cut -f1)"

# Merges the recording with binary $2 (label $1) into a new run directory $3: wall, CPU, peak RSS, and what it
# wrote. Earlier runs' directories are deleted only at the end: on ext4, making 2,000 directories right after
# deleting as many costs system time that a sweep into a new run directory never pays (see RESULTS-slurm.md).
# Each timed run starts after `sync` (not timed): every run leaves about 100 MB dirty in the page cache, and the
# kernel's writeback of earlier runs (30 s later) would otherwise land in a later run (wall 0.8 -> 1.5 s).
measure() {
  local sweep="$work/$3"
  sync
  PATH="$work/bin:$PATH" /usr/bin/time -o "$work/time.txt" -f 'wall %e s, user %U s, sys %S s, peak RSS %M KB' \
    "$2" --root "$work/tree" run --id "$sweep" plans/bench provision -h slurm >"$work/out.txt" 2>&1 \
    && { echo "exit code 0 (1 expected: every 10th node fails)"; exit 1; }
  printf '%-4s %s (load %s)\n' "$1" "$(tail -1 "$work/time.txt")" "$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "     results.yaml files: $(find "$sweep/plans/bench" -name results.yaml | wc -l)," \
    "JUnit testsuites: $(grep -c '<testsuite ' "$sweep/junit.xml"), table rows: $(grep -c '^bench[0-9]' "$work/out.txt")," \
    "failing nodes: $(grep -c '^  bench[0-9]*: fail' "$work/out.txt")"
}
count=1
[ -z "$old" ] || count=$runs
for ((i = 1; i <= count; i++)); do
  [ -z "$old" ] || measure old "$old" "old-$i"
  measure new "$binary" "new-$i"
done
[ -n "$old" ] && command -v hyperfine >/dev/null || exit 0
echo "== one hyperfine run: old $old, new $binary (load $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs)"
ln -s "$old" "$work/old"
ln -s "$binary" "$work/new"
# hpctest exits 1 (every 10th node fails): -i keeps hyperfine going. Each run's directory is moved aside (a rename)
# before the next, not deleted, and the page cache synced (see measure).
mkdir "$work/aside"
PATH="$work/bin:$PATH" hyperfine --style basic -i --warmup 1 --runs "$runs" -L v old,new \
  --prepare "[ ! -e $work/sweep ] || mv $work/sweep $work/aside/\$(date +%s%N); sync" --command-name "{v}" \
  --export-markdown "$work/hyperfine.md" \
  "$work/{v} --root $work/tree run --id $work/sweep plans/bench provision -h slurm"
cat "$work/hyperfine.md"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
