/// The two scripts of a Slurm sweep (pure). `driver` runs under `salloc` on the submitting host: it `sbcast`s the
/// hpctest binary and the tree tarball to node-local `<stage root>/hpctest-<job>-<name>` and starts
/// `srun --ntasks-per-node=1 --label bash -c NODE-SCRIPT` so every node runs the plan at once. `node`
/// runs on each node: it unpacks the tree into the node's own directory, runs hpctest there and streams every
/// new state of its results.yaml files back through srun's output as framed lines (see `SlurmFrame`).
package enum SlurmSweepScript {
  /// What the scripts need.
  package struct Layout: Sendable, Hashable {
    /// The hpctest binary on the submitting host.
    package var executable: String
    /// The tree tarball on the submitting host.
    package var tarball: String
    /// The node script on the submitting host.
    package var nodeScript: String
    /// Node-local directory under which `hpctest-<job id>` is the stage (default `/tmp`).
    package var stageRoot: String
    /// Each node's work directory; `%n` is the node name, `%j` the job id (default `<stage>/%n`).
    package var nodeDirectory: String?
    /// hpctest's arguments on each node (after `--root TREE`); `%n` in them is the node name.
    package var arguments: [String]
    /// Longest wait, in seconds, between two looks at the node's results (the end of hpctest is seen at once).
    package var pollSeconds = "0.3"

    /// Creates a layout.
    package init(
      executable: String, tarball: String, nodeScript: String, stageRoot: String, nodeDirectory: String?,
      arguments: [String]
    ) {
      self.executable = executable
      self.tarball = tarball
      self.nodeScript = nodeScript
      self.stageRoot = stageRoot
      self.nodeDirectory = nodeDirectory
      self.arguments = arguments
    }
  }

  /// The driver, run as `salloc OPTIONS -- bash DRIVER`.
  package static func driver(_ layout: Layout) -> String {
    let stage = ShellQuote.quote(layout.stageRoot) + "/hpctest-$SLURM_JOB_ID"
    let work = ShellQuote.quote(layout.nodeDirectory ?? "%s/%n")
    return """
      #!/bin/bash
      # hpctest Slurm sweep driver: runs inside the allocation on the submitting host.
      set -u
      stage=\(stage)
      printf '@hpctest\\t-\\tjob\\t%s\\t%s\\n' "$SLURM_JOB_ID" "$SLURM_JOB_NODELIST"
      # Both files at once: each sbcast is a round trip to slurmctld and a transfer of its own.
      pids=()
      for f in \(ShellQuote.join([layout.executable, layout.tarball])); do
        sbcast --force "$f" "$stage-$(basename "$f")" & pids+=($!)
      done
      for p in "${pids[@]}"; do wait "$p" || { echo "hpctest: sbcast failed" >&2; exit 2; }; done
      srun --ntasks-per-node=1 --kill-on-bad-exit=0 --no-kill --label bash -c "$(cat \(ShellQuote.quote(layout.nodeScript)))" \\
        node.sh "$stage" \(work) \(layout.pollSeconds) \(basename(layout.executable)) \(basename(layout.tarball)) \\
        \(ShellQuote.join(layout.arguments))
      rc=$?
      timeout 20 srun --ntasks-per-node=1 --kill-on-bad-exit=0 \\
        rm -rf "$stage" "$stage-\(basename(layout.executable))" "$stage-\(basename(layout.tarball))" >/dev/null 2>&1
      exit $rc

      """
  }

  /// The node script: `node.sh STAGE WORKDIR POLL BINARY TARBALL ARGS...` (the files are `STAGE-BINARY`, ...).
  package static func node() -> String {
    #"""
    #!/bin/bash
    # hpctest Slurm sweep, one node: unpack the tree into this node's directory, run, stream the results back.
    set -u
    node=${SLURMD_NODENAME:-$(hostname -s)}
    stage=$1 work=$2 poll=$3 binary=$4 tarball=$5
    shift 5
    work=${work//%s/$stage}
    work=${work//%n/$node}
    work=${work//%j/${SLURM_JOB_ID:-0}}
    args=()
    for a in "$@"; do args+=("${a//%n/$node}"); done
    frame() { local IFS=$'\t'; printf '@hpctest\t%s\t%s\n' "$node" "$*"; }
    rm -rf "$work/tree" "$work/run" "$work/bin"
    mkdir -p "$work/tree" && tar -xzf "$stage-$tarball" -C "$work/tree" \
      || { frame fail "cannot unpack the tree into $work/tree"; exit 0; }
    # Tests call `hpctest` by name from the binary's own directory: give it its name back in the node's directory.
    mkdir -p "$work/bin" && { ln -f "$stage-$binary" "$work/bin/hpctest" 2>/dev/null || cp -f "$stage-$binary" "$work/bin/hpctest"; } \
      || { frame fail "cannot place hpctest in $work/bin"; exit 0; }
    frame start "$work"
    # hpctest runs in the background; a helper prints its pid, then its exit code when it ends, so the loop below
    # wakes up at once instead of after the rest of a fixed sleep (read -t: bash 4 and later).
    # results.yaml is rewritten after every test (not every 2 s): the loop below streams it back as it changes.
    exec 3< <(HPCTEST_RESULTS_INTERVAL=0 "$work/bin/hpctest" --root "$work/tree" run --id "$work/run" "${args[@]}" >"$work/hpctest.log" 2>&1 &
      echo $!
      wait $!
      echo $?)
    read -r -u 3 pid
    trap 'kill -TERM $pid 2>/dev/null' TERM INT
    seq=0 last=
    emit() {
      local files sum f rel
      files=$(cd "$work/run" 2>/dev/null && find . -path '*/execute/results.yaml' | sort)
      [ -n "$files" ] || return 0
      sum=$(cd "$work/run" && cat $files 2>/dev/null | cksum)
      [ "$sum" != "$last" ] || return 0
      last=$sum seq=$((seq + 1))
      for f in $files; do
        rel=${f#./}
        rel=${rel%/execute/results.yaml}
        awk -v p="@hpctest\t$node\t$seq\t/$rel\t" '{ print p $0 }' "$work/run/$f"
      done
      frame "$seq" end
    }
    rc=
    while :; do
      emit
      read -r -t "$poll" -u 3 rc && break
      # A timeout (status > 128) or a signal: look again; the end of the helper's output without a code: lost.
      [ $? -gt 128 ] || { rc=2; break; }
    done
    emit
    # The first line of each failures.yaml: why a test failed, for the list of failing nodes.
    (cd "$work/run" 2>/dev/null && find . -path '*/execute/data/*' -name failures.yaml | sort) | while read -r f; do
      rel=${f#./}
      line=$(grep -m1 '^- ' "$work/run/$rel" | sed "s/^- //; s/^'//; s/'\$//")
      frame reason "/${rel%%/execute/*}" "${rel#*/execute/}" "$line"
    done
    frame done "$rc"
    exit 0

    """#
  }

  private static func basename(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
