import HPCBasics

#if canImport(Glibc)
  import Glibc
#endif

/// The helper commands tests call (`tmt-report-result`, `tmt-file-submit`, `tmt-abort`, `tmt-reboot` and their
/// restraint/rhts aliases), written into `<run>/scripts` and put first on the tests' PATH.
enum HelperScripts {
  /// Writes every script and alias into `directory`; false when it cannot.
  static func install(into directory: String) -> Bool {
    guard FileSystem.makeDirectories(directory) else { return false }
    let scripts = [
      ("tmt-report-result", reportResult), ("tmt-file-submit", fileSubmit), ("tmt-abort", abort),
      ("tmt-reboot", reboot),
    ]
    for (name, text) in scripts where !FileSystem.write(directory + "/" + name, text, mode: 0o755) { return false }
    let aliases = [
      ("rstrnt-report-result", "tmt-report-result"), ("rhts-report-result", "tmt-report-result"),
      ("rstrnt-report-log", "tmt-file-submit"), ("rhts-submit-log", "tmt-file-submit"),
      ("rhts_submit_log", "tmt-file-submit"), ("rstrnt-abort", "tmt-abort"), ("rhts-abort", "tmt-abort"),
      ("rstrnt-reboot", "tmt-reboot"), ("rhts-reboot", "tmt-reboot"),
    ]
    for (alias, target) in aliases { FileSystem.replaceLink(directory + "/" + alias, target: target) }
    linkSelf(into: directory)
    return true
  }

  /// Puts the running `hpctest` binary on the tests' PATH as `hpctest`, so the repository's thin test wrappers
  /// (`test: hpctest check ...`) run the same build as the harness even when it is not installed.
  static func linkSelf(into directory: String) {
    guard let executable = FileSystem.realPath("/proc/self/exe"), Path.basename(executable) == "hpctest" else {
      return
    }
    FileSystem.replaceLink(directory + "/hpctest", target: executable)
  }

  static let guardLine = """
    #!/bin/bash
    if [ -z "${TMT_TEST_DATA:-}" ]; then
        echo "$(basename "$0") can be used only in the context of a running test." >&2
        exit 1
    fi
    set -o errexit -o pipefail -o nounset

    """

  /// `tmt-report-result [-o FILE] [-t MSG] [-s SERVER] [-p PLUGIN] NAME RESULT [SCORE]` (rhts form: log as 3rd).
  static let reportResult =
    guardLine + """
      output=""
      if [ "${TMT_RESTRAINT_COMPATIBLE:-0}" = "1" ]; then output="${OUTPUTFILE:-}"; fi
      while [ $# -gt 0 ]; do
          case "$1" in
              -o|--outputfile) output="$2"; shift 2 ;;
              -t|--message|-s|--server|-p|--port|--disable-plugin) shift 2 ;;
              --no-plugins) shift ;;
              --) shift; break ;;
              -*) echo "$(basename "$0"): unknown option '$1'" >&2; exit 2 ;;
              *) break ;;
          esac
      done
      if [ $# -lt 2 ]; then echo "Usage: $(basename "$0") [-o FILE] NAME RESULT [SCORE]" >&2; exit 2; fi
      name="$1"; result="$(echo "$2" | tr '[:upper:]' '[:lower:]')"
      logname=""
      case "$(basename "$0")" in
          rhts-report-result) output="${3:-$output}"; logname="output.txt" ;;
      esac
      name="${name%:}"; case "$name" in /*) ;; *) name="/$name" ;; esac
      file="$TMT_TEST_DATA/tmt-report-results.yaml"
      echo "tmt-report-result: adding to the result file $file"
      {
          printf '  - name: "%s"\\n    result: "%s"\\n' "${name//\\"/\\\\\\"}" "$result"
          if [ -n "$output" ]; then
              prefix="$(echo "$name" | tr / _ | tr ' ' _)"; prefix="${prefix#_}"
              [ -n "$logname" ] || logname="$(basename "$output").txt"
              mkdir -p "$TMT_TEST_DATA/$prefix"
              cat "$output" >> "$TMT_TEST_DATA/$prefix/$logname"
              printf '    log:\\n      - "%s"\\n' "$prefix/$logname"
          fi
          printf '    end-time: "%s"\\n' "$(date --utc +%FT%T.%6N%:z)"
      } >> "$file"

      """

  /// `tmt-file-submit [-l] FILE` / `--filename FILE`: copies into the test data and records the name.
  static let fileSubmit =
    guardLine + """
      file=""
      while [ $# -gt 0 ]; do
          case "$1" in
              -l|--filename) file="$2"; shift 2 ;;
              -T|-S|--port|--server) shift 2 ;;
              *) [ -n "$file" ] || file="$1"; shift ;;
          esac
      done
      if [ -z "$file" ]; then echo "Usage: $(basename "$0") -l FILE" >&2; exit 2; fi
      cp -f "$file" "$TMT_TEST_DATA/"
      basename "$file" >> "$TMT_TEST_SUBMITTED_FILES"
      echo "File '$file' stored to '$TMT_TEST_DATA'."

      """

  /// Ends the test: SIGTERM to its process group. Every test runs in its own session, so this never reaches
  /// hpctest (tmt's `kill $PPID` would, when bash execs the helper as the test's last command).
  static let killTest = """
    read -r _ _ _ _ group _ < /proc/$$/stat
    kill -TERM -- "-$group"

    """

  /// `tmt-abort`: marks the test aborted and ends the test.
  static let abort = guardLine + "touch \"$TMT_TEST_DATA/abort\"\n" + killTest

  /// `tmt-reboot`: records the request and ends the test (local runs cannot reboot: the test errors).
  static let reboot =
    guardLine + """
      command=""; timeout=""
      while getopts "c:t:s" option; do
          case "$option" in c) command="$OPTARG" ;; t) timeout="$OPTARG" ;; s) ;; *) exit 2 ;; esac
      done
      printf '{"command": "%s", "timeout": "%s"}\\n' "$command" "$timeout" > "$TMT_REBOOT_REQUEST"

      """ + killTest
}
