#!/bin/sh
# Load benchmark: `hpctest tests ls` (release build) vs `tmt tests ls` on tmt's own tree and on a generated
# tree of 10,000 tests; wall time with hyperfine (when installed), peak RSS with /usr/bin/time -v.
# Goals (issue 2): <= 60 ms on tmt's tree; < 0.5 s and < 200 MB for 10,000 tests.
#
# Usage: bench/load.sh [WORKDIR]     Env: HPCTEST, TMT_REF (default /opt/tmt-ref), RUNS (default 10)
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-${TMPDIR:-/tmp}/hpctest-bench}
tmt="${TMT_REF:-/opt/tmt-ref}/bin/tmt"
hpctest=${HPCTEST:-$repo/.build/release/hpctest}
runs=${RUNS:-10}
warmup=1

[ -x "$hpctest" ] || (cd "$repo" && swift build -c release --product hpctest)
mkdir -p "$work"

# tmt's own tree (sdist of tmt 1.78.0)
if [ ! -d "$work/tmt-1.78.0" ]; then
  (cd "$work" && "${TMT_REF:-/opt/tmt-ref}/bin/pip" download --quiet --no-deps --no-binary :all: tmt==1.78.0 -d . \
    && tar xzf tmt-1.78.0.tar.gz)
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

count() { (cd "$1" && "$2" tests ls | wc -l); }
echo "hpctest: $hpctest ($(count "$work/tmt-1.78.0" "$hpctest") tests on tmt's tree, $(count "$generated" "$hpctest") generated)"
echo "tmt:     $tmt ($(count "$work/tmt-1.78.0" "$tmt") tests on tmt's tree)"

measure() { # label dir command...
  label=$1 dir=$2
  shift 2
  if command -v hyperfine > /dev/null; then
    (cd "$dir" && hyperfine --warmup "$warmup" --runs "$runs" --style basic --export-markdown "$work/$label.md" \
      --command-name "$label" "$* tests ls > /dev/null" | grep -E "Time|Range")
  fi
  rss=$(cd "$dir" && /usr/bin/time -v "$@" tests ls 2>&1 > /dev/null | awk -F': ' '/Maximum resident/ {print $2}')
  echo "$label: peak RSS ${rss} KB"
}

measure hpctest-tmt-tree "$work/tmt-1.78.0" "$hpctest"
measure hpctest-generated-10000 "$generated" "$hpctest"
runs=${TMT_RUNS:-2}
warmup=0
measure tmt-tmt-tree "$work/tmt-1.78.0" "$tmt"
measure tmt-generated-10000 "$generated" "$tmt"
