#!/usr/bin/env bash
# Benchmark: a whole `hpctest health` run (release build, static stdlib, as shipped to nodes) on the largest
# fixtures, healthy and faulty, with hyperfine. Goal (issue 13): < 1 s per run on a node with 8 GPUs and 8 HCAs;
# NHC's own budget is its 10 s watchdog. Not a test: timings vary by machine.
#   bench/health.sh [SYSROOT ...] [-- hyperfine options]
#   (default: Tests/Sysroots/intel-max1550-ib-x86_64 and a30-cx6-aarch64, healthy and faulty)
set -euo pipefail
cd "$(dirname "$0")/.."
roots=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do roots+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
if [ ${#roots[@]} -eq 0 ]; then
  roots=(Tests/Sysroots/intel-max1550-ib-x86_64 Tests/Sysroots/intel-max1550-ib-x86_64-faulty
    Tests/Sysroots/a30-cx6-aarch64 Tests/Sysroots/a30-cx6-aarch64-faulty)
fi
command -v hyperfine >/dev/null || { echo "bench/health.sh needs hyperfine (apt-get install hyperfine)"; exit 1; }
swift build -c release --static-swift-stdlib --product hpctest >/dev/null
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/hpctest"
args=()
for root in "${roots[@]}"; do
  root="$(cd "$root" && pwd)"
  echo "$(basename "$root"): $(ls "$root/sys/bus/pci/devices" | wc -l) PCI functions," \
    "$(ls "$root/sys/class/infiniband" 2>/dev/null | wc -l) RDMA devices;" \
    "$("$bin" --sysroot "$root" health -v | tail -1)"
  # health exits 1 on the faulty trees: -i keeps hyperfine going.
  args+=(--command-name "health $(basename "$root")" "$bin --root . --sysroot $root health")
done
hyperfine --warmup 3 --min-runs 20 -N -i "${args[@]}" "$@"
