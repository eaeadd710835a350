#!/usr/bin/env bash
# Benchmark: `hpctest run` against `tmt run --skip prepare` on trees of N trivial tests (`test: "true"`), with
# hyperfine. Not a test: record what it prints in bench/RESULTS-run.md with the load averages it prints.
#   1. hpctest and tmt on the same 100-test tree in ONE hyperfine run (ratio of the means);
#   2. hpctest alone on 100, 1,000, 3,000 and 10,000 tests in one hyperfine run (the curve: ms per test);
#   3. peak resident memory of the 10,000-test run (/usr/bin/time -v);
#   0. with BASELINE set: that older binary and HPCTEST on 100 and 1,000 tests in ONE hyperfine run (before/after).
# Every run starts from an absent run directory (hyperfine --prepare moves the previous run into a trash directory,
# removed at the end): nothing is deleted while the runs are timed. Deleting the previous run's ~8 files per test
# right before a run made this machine's ext4 (no journal) scan the just-freed inodes on every file creation
# (`recently_deleted`, 20-40 % of a run's CPU in `perf`), a cost of the benchmark, not of hpctest or tmt. Each run
# also starts after `sync` (not timed), so that no run pays for writing back the files of the run before it.
# The supervisor program hpctest-guard is built lean (scripts/build-guard) beside the built binary, as installed.
# Usage: bench/run.sh [RUNS]   (default 5; tmt gets TMT_RUNS, default 3)
# Env: HPCTEST (default: the static release build, built if missing), TMT (default
#      $HPCTEST_REFERENCE_VENV/bin/tmt), SIZES (default "100 1000 3000 10000"), NICE (default 5),
#      BASELINE (an older hpctest binary to compare with; unset: no before/after step), KEEP (set: the scratch
#      directory is left for the caller to remove later: deleting its ~10^5-10^6 files makes file creation slow
#      for minutes afterwards on this machine's ext4, which would tax the next benchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
tmt_runs=${TMT_RUNS:-3}
sizes=${SIZES:-100 1000 3000 10000}
tmt=${TMT:-${HPCTEST_REFERENCE_VENV:-/opt/tmt-ref}/bin/tmt}
command -v hyperfine >/dev/null || { echo "bench/run.sh needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
if [ -z "${HPCTEST:-}" ]; then
  swift build -c release --static-swift-stdlib --product hpctest >/dev/null
  HPCTEST="$(swift build -c release --static-swift-stdlib --show-bin-path)/hpctest"
  scripts/build-guard "$(dirname "$HPCTEST")/hpctest-guard"
fi
work=$(mktemp -d /tmp/hpctest-bench-XXXXXX)
trap '[ -n "${KEEP:-}" ] && echo "kept: $work" || rm -rf "$work"' EXIT
nice=(nice -n "${NICE:-5}")

# shellcheck source=bench/trees.sh
. bench/trees.sh
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"; }

for n in $sizes 100 1000; do [ -d "$work/tree-$n" ] || make_tree "$n"; done
hp="$HPCTEST --feeling-safe --root $work/tree-{n} run --scratch --id $work/hp -a provision -h local"
mkdir -p "$work/trash"
# Moves the named run directories out of the way (into the trash, deleted at the end) without deleting them now.
set_aside() { echo "for d in $*; do [ ! -e \$d ] || mv \$d \$(mktemp -d $work/trash/XXXXXX)/; done"; }
fresh=(--prepare "$(set_aside "$work/hp" "$work/tmt"); sync")
echo "hpctest: $HPCTEST"
guard="$(dirname "$HPCTEST")/hpctest-guard"
echo "supervisor: $([ -x "$guard" ] && echo "$guard" || echo "none beside the binary: a fork of hpctest per test")"
load

if [ -n "${BASELINE:-}" ]; then
  echo "== before/after: $BASELINE (before) and $HPCTEST (after), 100 and 1,000 tests (same hyperfine run)"
  ln -s "$(realpath "$BASELINE")" "$work/before"
  ln -s "$(realpath "$HPCTEST")" "$work/after"
  "${nice[@]}" hyperfine --style basic --warmup 1 --runs "$runs" -L v before,after -L n 100,1000 \
    --prepare "$(set_aside "$work/run-before" "$work/run-after")" --export-markdown "$work/before-after.md" \
    --command-name "{v} ({n} tests)" \
    "$work/{v} --feeling-safe --root $work/tree-{n} run --scratch --id $work/run-{v} -a provision -h local"
  cat "$work/before-after.md"
  load
fi

if [ -x "$tmt" ]; then
  echo "== 100 tests: hpctest vs tmt $("$tmt" --version 2>/dev/null | head -1) (same hyperfine run)"
  "${nice[@]}" hyperfine --style basic --warmup 1 --runs "$tmt_runs" "${fresh[@]}" --export-markdown "$work/vs-tmt.md" \
    --command-name "hpctest run (100 tests)" "${hp//\{n\}/100}" \
    --command-name "tmt run --skip prepare (100 tests)" \
    "env TMT_FEELING_SAFE=1 $tmt --root $work/tree-100 run --scratch --id $work/tmt --skip prepare -a provision -h local"
  cat "$work/vs-tmt.md"
  load
fi

echo "== hpctest: $sizes tests"
"${nice[@]}" hyperfine --style basic --warmup 1 --runs "$runs" -L n "${sizes// /,}" "${fresh[@]}" \
  --export-json "$work/curve.json" --command-name "hpctest run ({n} tests)" "$hp"
python3 - "$work/curve.json" <<'EOF'
import json, sys
print("| tests | mean s | ± s | min s | user s | system s | wall ms per test (mean) | wall ms per test (min) "
      "| CPU ms per test |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in json.load(open(sys.argv[1]))["results"]:
    n = int(r["parameters"]["n"])
    print("| %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |" % (n, r["mean"], r["stddev"] or 0,
          r["min"], r["user"], r["system"], 1000 * r["mean"] / n, 1000 * r["min"] / n,
          1000 * (r["user"] + r["system"]) / n))
EOF
load

largest=${sizes##* }
echo "== peak resident memory, $largest tests"
rm -rf "$work/hp" "$work/trash"
sync
sleep 11  # past ext4's window for recently deleted inodes (see above)
/usr/bin/time -v ${hp//\{n\}/$largest} 2>&1 >/dev/null | grep -E "Maximum resident|Elapsed"
load
