#!/usr/bin/env bash
# Benchmark: `hpctest probe --json` (static release build, as shipped) against `lspci -vvv` on the same fixture
# sysroots, all in ONE hyperfine run (so ratios hold on a loaded machine): the largest committed fixture
# (Tests/Sysroots/a30-cx6-aarch64) and a generated node with 8 GPUs, 8 HCAs and 128 VFs (`scripts/make-fixtures
# --large`, written to a temporary directory and removed afterwards). Not a test: timings vary by machine; record
# them in bench/RESULTS-probe.md with the load averages printed. Goals (issue 15): no slower than lspci on the
# largest fixture; < 50 ms on the generated node. The probe reads devices on every CPU at once, so its wall time
# can be below its CPU time: the table after the wall times gives each command's CPU time (user + system, mean).
#   bench/probe.sh [hyperfine options]
# Env: HPCTEST (default: the static release build, built if missing); HPCTEST_OLD (an older hpctest binary, timed
# in the same run as "old"); NICE (default 5); RUNS (default 40); RTPRIO (root only: run hyperfine and the timed
# commands under SCHED_FIFO at this priority instead of nice, e.g. RTPRIO=50, so that on a machine loaded by
# ordinary processes (builds) the timed commands still get every CPU at once: wall times then approach a quiet
# machine's; the kernel's real-time throttling leaves others 5 % of each second).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench/probe.sh needs hyperfine (apt-get install hyperfine)"; exit 1; }
command -v lspci >/dev/null || { echo "bench/probe.sh needs lspci (apt-get install pciutils)"; exit 1; }
if [ -z "${HPCTEST:-}" ]; then
  swift build -c release --static-swift-stdlib --product hpctest >/dev/null
  HPCTEST="$(swift build -c release --static-swift-stdlib --show-bin-path)/hpctest"
fi
work=$(mktemp -d /tmp/hpctest-probe-XXXXXX)
trap 'rm -rf "$work"' EXIT
scripts/make-fixtures --large "$work/large-8gpu-8hca-x86_64"
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"; }

commands=()
for root in "$(pwd)/Tests/Sysroots/a30-cx6-aarch64" "$work/large-8gpu-8hca-x86_64"; do
  name=$(basename "$root")
  echo "== $name: $(ls "$root/sys/bus/pci/devices" | wc -l) PCI functions," \
    "$(ls "$root/sys/class/infiniband" 2>/dev/null | wc -l) RDMA devices"
  "$HPCTEST" probe --json --sysroot "$root" >"$work/new.json"
  commands+=(--command-name "hpctest probe --json ($name)" "$HPCTEST probe --json --sysroot $root")
  if [ -n "${HPCTEST_OLD:-}" ]; then
    "$HPCTEST_OLD" probe --json --sysroot "$root" | cmp -s - "$work/new.json" ||
      { echo "old and new probe --json output differ on $name"; exit 1; }
    commands+=(--command-name "old hpctest probe --json ($name)" "$HPCTEST_OLD probe --json --sysroot $root")
  fi
  commands+=(--command-name "lspci -vvv ($name)" "lspci -A linux-sysfs -O sysfs.path=$root/sys/bus/pci -vvv")
done
load
priority=(nice -n "${NICE:-5}")
if [ -n "${RTPRIO:-}" ]; then priority=(chrt -f "$RTPRIO"); fi
echo "timed under: ${priority[*]}"
"${priority[@]}" hyperfine --style basic --warmup 5 --min-runs "${RUNS:-40}" -N \
  --export-markdown "$work/probe.md" --export-json "$work/probe.json" "${commands[@]}" "$@" >/dev/null
sed "s|$work/||g" "$work/probe.md"
if command -v jq >/dev/null; then
  echo
  echo "| Command | CPU [ms] (user + system) |"
  echo "|:---|---:|"
  jq -r '.results[] | "| `\(.command)` | \((.user + .system) * 1000 | . * 10 | round / 10)" +
    " (\(.user * 1000 | . * 10 | round / 10) + \(.system * 1000 | . * 10 | round / 10)) |"' "$work/probe.json"
fi
load
