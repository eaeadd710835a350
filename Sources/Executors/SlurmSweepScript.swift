/// The two scripts of a Slurm sweep (pure). `driver` runs under `salloc` on the submitting host: it joins the node
/// script, the hpctest binary and the tree tarball into one file and starts `srun --ntasks-per-node=1 --label
/// --bcast=<stage root>/ FILE` so that Slurm copies it to every node as part of the step, under a name of its own
/// per node (`slurm_bcast_<job>.<step>_<node>`), and runs it there at once. `node` is that file's script: it takes
/// the binary and the tree out of its own file into the node's directory, runs hpctest there, streams every new
/// state of its results.yaml files back through srun's output as framed lines (see `SlurmFrames`), and removes its
/// own file and the default work directory when it ends: no `sbcast` and no clean-up step.
package enum SlurmSweepScript {
  /// What the scripts need.
  package struct Layout: Sendable, Hashable {
    /// The hpctest binary on the submitting host.
    package var executable: String
    /// The tree tarball on the submitting host.
    package var tarball: String
    /// The node script on the submitting host (`node(binaryBytes:)` for this binary).
    package var nodeScript: String
    /// The file the driver joins (node script, binary, tarball) and srun copies to every node.
    package var payload: String
    /// Node-local directory that receives each node's copy (default `/tmp`).
    package var stageRoot: String
    /// Each node's work directory; `%n` is the node name, `%j` the job id (default `%s/%n`, with `%s` the
    /// node-local `<stage root>/hpctest-<job>`, removed at the node's end).
    package var nodeDirectory: String?
    /// hpctest's arguments on each node (after `--root TREE`); `%n` in them is the node name.
    package var arguments: [String]
    /// Longest wait, in seconds, between two looks at the node's results (the end of hpctest is seen at once).
    package var pollSeconds = "0.3"

    /// Creates a layout.
    package init(
      executable: String, tarball: String, nodeScript: String, payload: String, stageRoot: String,
      nodeDirectory: String?, arguments: [String]
    ) {
      self.executable = executable
      self.tarball = tarball
      self.nodeScript = nodeScript
      self.payload = payload
      self.stageRoot = stageRoot
      self.nodeDirectory = nodeDirectory
      self.arguments = arguments
    }
  }

  /// The driver, run as `salloc OPTIONS -- bash DRIVER`.
  package static func driver(_ layout: Layout) -> String {
    let payload = ShellQuote.quote(layout.payload)
    let parts = ShellQuote.join([layout.nodeScript, layout.executable, layout.tarball])
    let work = ShellQuote.quote(layout.nodeDirectory ?? "%s/%n")
    let stage = ShellQuote.quote(layout.stageRoot.hasSuffix("/") ? layout.stageRoot : layout.stageRoot + "/")
    return """
      #!/bin/bash
      # hpctest Slurm sweep driver: runs inside the allocation on the submitting host.
      set -u
      printf '@hpctest\\t-\\tjob\\t%s\\t%s\\n' "$SLURM_JOB_ID" "$SLURM_JOB_NODELIST"
      # One file (node script, hpctest, tree tarball) that srun copies to every node as part of the step.
      cat \(parts) > \(payload) && chmod 755 \(payload) || { echo "hpctest: cannot write \(payload)" >&2; exit 2; }
      srun --ntasks-per-node=1 --kill-on-bad-exit=0 --no-kill --label --bcast=\(stage) \(payload) \\
        \(work) \(layout.pollSeconds) \(ShellQuote.join(layout.arguments))
      rc=$?
      rm -f \(payload)
      exit $rc

      """
  }

  /// The node script for a binary of `binaryBytes` bytes: the head of the file srun copies to each node, run as
  /// `FILE WORKDIR POLL ARGS...`; the binary follows the script in that file, then the tree tarball.
  package static func node(binaryBytes: Int) -> String {
    let script = nodeScript.replacing("@BINARY@", with: padded(binaryBytes))
    // The offset is written with a fixed width, so the script's length does not depend on it.
    let length = script.replacing("@OFFSET@", with: padded(0)).utf8.count
    return script.replacing("@OFFSET@", with: padded(length))
  }

  private static func padded(_ value: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, 15 - digits.count)) + digits
  }

  private static let nodeScript = #"""
    #!/bin/bash
    # hpctest Slurm sweep, one node: this file is the script, then the hpctest binary, then the tree tarball (srun
    # --bcast gave each node its own copy). Take them out into this node's directory, run, stream the results back,
    # and remove this file (and the default work directory) at the end.
    set -u
    offset=$((10#@OFFSET@)) binsize=$((10#@BINARY@))
    node=${SLURMD_NODENAME:-$(hostname -s)}
    self=$0 work=$1 poll=$2
    shift 2
    stage=$(dirname "$self")/hpctest-${SLURM_JOB_ID:-0}
    own=0
    [[ $work == *%s* ]] && own=1
    work=${work//%s/$stage}
    work=${work//%n/$node}
    work=${work//%j/${SLURM_JOB_ID:-0}}
    args=()
    for a in "$@"; do args+=("${a//%n/$node}"); done
    frame() { local IFS=$'\t'; printf '@hpctest\t%s\t%s\n' "$node" "$*"; }
    cleanup() {
      rm -f "$self"
      [ "$own" = 0 ] || { rm -rf "$work"; rmdir "$stage" 2>/dev/null; }
    }
    trap cleanup EXIT
    # The default stage sits in a world-writable directory under a name anyone can guess (the job id): use it only
    # as a real directory of this user, never through a link another user planted there.
    if [ "$own" = 1 ] && ! mkdir -m 700 "$stage" 2>/dev/null && ! { [ -d "$stage" ] && [ ! -L "$stage" ] && [ -O "$stage" ]; }; then
      own=0
      frame fail "$stage exists and is not a directory of $(id -un): not used"
      exit 0
    fi
    rm -rf "$work/tree" "$work/run" "$work/bin"
    # Tests call `hpctest` by name from the binary's own directory: give it its name in the node's directory.
    mkdir -p "$work/tree" "$work/bin" && tail -c "+$((offset + 1))" "$self" | head -c "$binsize" >"$work/bin/hpctest" \
      && [ "$(wc -c <"$work/bin/hpctest")" -eq "$binsize" ] && chmod 755 "$work/bin/hpctest" \
      || { frame fail "cannot place hpctest in $work/bin"; exit 0; }
    tail -c "+$((offset + binsize + 1))" "$self" | tar -xz -C "$work/tree" \
      || { frame fail "cannot unpack the tree into $work/tree"; exit 0; }
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
