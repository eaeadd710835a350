#!/usr/bin/env bash
# Benchmark: `hpctest probe --json` (release build) against `lspci -vvv` on the same fixture sysroot, with
# hyperfine. Not a test: timings vary by machine. Record results in bench/RESULTS-probe.md.
#   bench/probe.sh [SYSROOT] [hyperfine options]   (default: Tests/Sysroots/a30-cx6-aarch64, the largest fixture)
set -euo pipefail
cd "$(dirname "$0")/.."
root=Tests/Sysroots/a30-cx6-aarch64
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then root="$1"; shift; fi
root="$(cd "$root" && pwd)"
command -v hyperfine >/dev/null || { echo "bench/probe.sh needs hyperfine (apt-get install hyperfine)"; exit 1; }
command -v lspci >/dev/null || { echo "bench/probe.sh needs lspci (apt-get install pciutils)"; exit 1; }
# The static-stdlib build hpctest ships as (no libswiftCore.so loading at start-up).
swift build -c release --static-swift-stdlib --product hpctest >/dev/null
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/hpctest"
echo "fixture: $root ($(ls "$root/sys/bus/pci/devices" | wc -l) PCI functions, $(ls "$root/sys/class/infiniband" 2>/dev/null | wc -l) RDMA devices)"
"$bin" probe --json --sysroot "$root" >/dev/null
hyperfine --warmup 5 --min-runs 30 -N \
  --command-name "hpctest probe --json" "$bin probe --json --sysroot $root" \
  --command-name "lspci -vvv" "lspci -A linux-sysfs -O sysfs.path=$root/sys/bus/pci -vvv" \
  --command-name "hpctest probe (text)" "$bin probe --sysroot $root" \
  "$@"
