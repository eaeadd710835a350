#!/usr/bin/env bash
# Overhead of a Slurm sweep on the project's test cluster (issue 10: "submitting and gathering add < 2 s over the
# slowest node"): plans/slow of the slurm-sweep fixture with HPCTEST_SLEEP=0 (three quick tests), once as one
# node's work (`-a provision -h local`) and once over n1..n3 (`provision -h slurm`, each node in its own
# directory), RUNS times each, alternating. Prints each run's wall time and the sweep's overhead.
#   bench/slurm-overhead.sh [RUNS=3] [BINARY=.build/release/hpctest]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3} binary=$(realpath "${2:-.build/release/hpctest}")
env_file=${HPCTEST_CLUSTER_DIR:-/tmp/hpctest-cluster-$(id -u)}/env
[ -r "$env_file" ] || { echo "no test cluster (scripts/test-cluster up)" >&2; exit 1; }
# shellcheck disable=SC1090
. "$env_file"
tree=Tests/HPCTestCommandsTests/Fixtures/slurm-sweep
work=$(mktemp -d /tmp/hpctest-bench-overhead-XXXXXX)
tag=bench-overhead-$$
trap 'rm -rf "$work" "$HPCTEST_NODE_ROOT"/*/"$tag"' EXIT


# Runs the command; prints its wall time in milliseconds.
timed() {
  local start end
  start=$(date +%s%N)
  "$@" >"$work/out.txt" 2>&1 || { echo "failed: $*" >&2; tail -20 "$work/out.txt" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

for ((i = 1; i <= runs; i++)); do
  local_ms=$(timed "$binary" --root "$tree" run --id "$work/local-$i" -e HPCTEST_SLEEP=0 plans/slow -a provision -h local)
  sweep_ms=$(timed "$binary" --root "$tree" run --id "$work/sweep-$i" -e HPCTEST_SLEEP=0 plans/slow \
    provision -h slurm --node-dir "$HPCTEST_NODE_ROOT/%n/$tag")
  printf 'run %d: local %d ms, slurm sweep over 3 nodes %d ms, overhead %d ms\n' \
    "$i" "$local_ms" "$sweep_ms" $((sweep_ms - local_ms))
done
