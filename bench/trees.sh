# shellcheck shell=bash
# Sourced by bench/run.sh and bench/memory.sh: the generator of trivial-test trees they share.
# make_tree N: $work/tree-N, a tree of N tests `true` in one file and one plan running them locally.
make_tree() {  # uses $work, the calling script's scratch directory
  # shellcheck disable=SC2154
  local d="$work/tree-$1"
  mkdir -p "$d/.fmf" "$d/plans" "$d/tests"
  echo 1 > "$d/.fmf/version"
  printf 'discover:\n    how: fmf\nprovision:\n    how: local\nexecute:\n    how: tmt\n' > "$d/plans/main.fmf"
  seq -f '/t%06g:
    test: "true"' 1 "$1" > "$d/tests/main.fmf"
}
