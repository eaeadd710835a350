#!/usr/bin/env bash
# Start-up benchmark: what every hpctest command pays before its own work. Times, in ONE hyperfine run (so ratios
# hold on a loaded machine), an old and a new binary (both should be the stripped static release build, as
# shipped) on `--version` (start-up alone), `tests ls` on tmt's own tree and `probe --json` on the generated
# 8 GPU / 8 HCA / 128 VF node, with /bin/true as the floor; then CPU time, page faults and thread starts of each
# binary per command (`perf stat`, `strace -f -c`) where those tools are installed. Record the output in
# bench/RESULTS-startup.md with the load averages it prints. Goals (issue 15): `tests ls` on tmt's tree <= 25 ms,
# `probe --json` on the generated node < 50 ms.
#   bench/startup.sh [hyperfine options]
# Env: HPCTEST (default: the static release build, built if missing), HPCTEST_OLD (required: the binary to compare
# with), WORK (default /tmp/hpctest-bench: tmt's tree as bench/load.sh makes it, fetched by bench/load.sh if
# missing), RUNS (default 100), NICE (default 5), RTPRIO (root only: hyperfine and the timed commands under
# SCHED_FIFO at this priority instead of nice: on a loaded machine the old binary's Dispatch threads raise their
# own CFS priority (setpriority -4 for the overcommit queue) while the new one's main thread keeps the nice level
# hyperfine runs at, which skews a nice-level comparison; under SCHED_FIFO both run ahead of the load alike).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench/startup.sh needs hyperfine (apt-get install hyperfine)"; exit 1; }
old=${HPCTEST_OLD:?set HPCTEST_OLD to the hpctest binary to compare with}
if [ -z "${HPCTEST:-}" ]; then
  swift build -c release --static-swift-stdlib --product hpctest >/dev/null
  HPCTEST="$(swift build -c release --static-swift-stdlib --show-bin-path)/hpctest"
fi
new=$HPCTEST
work=${WORK:-/tmp/hpctest-bench}
[ -d "$work/tmt-1.78.0" ] || RUNS=1 TMT_RUNS=1 bench/load.sh "$work" >/dev/null
node=$(mktemp -d /tmp/hpctest-startup-XXXXXX)
trap 'rm -rf "$node"' EXIT
scripts/make-fixtures --large "$node/large" >/dev/null
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"; }

# name|arguments: the commands timed, each for old and new; outputs must match.
cases=("--version|--version" "tests ls (tmt tree)|--root $work/tmt-1.78.0 tests ls"
  "probe --json (8 GPU node)|probe --json --sysroot $node/large")
commands=(--command-name "/bin/true" "/bin/true")
for case in "${cases[@]}"; do
  name=${case%%|*} arguments=${case#*|}
  # shellcheck disable=SC2086  # the arguments are words
  cmp -s <("$old" $arguments) <("$new" $arguments) || { echo "old and new differ on: $arguments"; exit 1; }
  commands+=(--command-name "old $name" "$old $arguments" --command-name "new $name" "$new $arguments")
done
echo "old: $old"
echo "new: $new"
load
priority=(nice -n "${NICE:-5}")
if [ -n "${RTPRIO:-}" ]; then priority=(chrt -f "$RTPRIO"); fi
echo "timed under: ${priority[*]}; outputs of old and new identical"
"${priority[@]}" hyperfine --style basic -N --warmup 20 --runs "${RUNS:-100}" \
  --export-markdown "$node/startup.md" "${commands[@]}" "$@" >/dev/null
cat "$node/startup.md"
load

# CPU time (task-clock: all threads, user + system), page faults and threads started, per binary and command.
for case in "${cases[@]}"; do
  name=${case%%|*} arguments=${case#*|}
  for binary in "$old" "$new"; do
    line="$name, $([ "$binary" = "$old" ] && echo old || echo new):"
    if command -v perf >/dev/null; then
      # shellcheck disable=SC2086
      line+=$(perf stat -x, -r 50 -e task-clock,page-faults "$binary" $arguments 2>&1 >/dev/null |
        awk -F, '/task-clock/ {printf " CPU %.2f ms", $1} /page-faults/ {printf ", %d page faults", $1}')
    fi
    if command -v strace >/dev/null; then
      # shellcheck disable=SC2086
      line+=$(strace -f -c -e trace=clone,clone3 "$binary" $arguments 2>&1 >/dev/null |
        awk '/clone/ {n += $4} END {printf ", %d threads started", n}')
    fi
    echo "$line"
  done
done
load
