public import HPCBasics

/// Everything `hpctest run` was asked to do, as parsed from the command line (tmt's `run` options and step
/// sub-commands).
package struct RunOptions: Sendable {
  /// `--id DIR|NAME`: the run directory (a bare name lives under the workdir root).
  package var id: String?
  /// `--workdir-root DIR` (default `/var/tmp/hpctest`).
  package var workdirRoot: String = "/var/tmp/hpctest"
  /// `--last`: reopen the last run.
  package var last = false
  /// `--scratch`: remove the run directory first.
  package var scratch = false
  /// `--keep`: accepted (hpctest never prunes).
  package var keep = false
  /// `--remove/--rm`: delete the run directory at the end.
  package var remove = false
  /// `--dry/-n`: nothing is run.
  package var dry = false
  /// `-v` count.
  package var verbosity = 0
  /// `-q`.
  package var quiet = false
  /// `-e K=V` (highest-priority environment), in order.
  package var environment: [(String, String)] = []
  /// Steps to run (nil: all).
  package var enabledSteps: Set<RunStep>?
  /// `plans --name RE` and positional plan selectors (`plans/gpu`, `/plans/gpu`, `plans/gpu.fmf`).
  package var planNames: [String] = []
  /// `tests --name RE`.
  package var testNames: [String] = []
  /// `tests --filter EXPR` / `-f`.
  package var testFilters: [String] = []
  /// `discover -h fmf --test RE` (replaces the plans' own `test:`).
  package var discoverTests: [String] = []
  /// `discover --filter`.
  package var discoverFilters: [String] = []
  /// `discover --exclude RE`.
  package var discoverExcludes: [String] = []
  /// `provision -h HOW` override.
  package var provisionHow: String?
  /// `provision -h slurm` options (used when the provision method is `slurm`).
  package var slurm = SlurmOptions()
  /// `provision -h connect` options (`-g`, `-u`, `-P`, `-k`, `--ssh-option`, `--become`), overriding the plan's keys.
  package var connect = ConnectOptions()
  /// `execute -x`.
  package var exitFirst = false
  /// `execute --ignore-duration`.
  package var ignoreDuration = false
  /// `report -h junit --file F`.
  package var junitFile: String?
  /// `report -h junit --flavor default|subresults` (nil: the plan's, else `default`).
  package var junitFlavor: String?
  /// `--no-color` (tmt's option; `NO_COLOR` is read where the log is made).
  package var noColor = false
  /// `report -h html` options: `--file F` (one page for every plan), `--absolute-paths`, `--display-guest`.
  package var html = HTMLReportOptions()
  /// `report -h HOW` choices given on the command line (empty: the plans' own).
  package var reportHows: [String] = []
  /// `--again` with `tests --failed-only`: rerun only results that are not pass or info.
  package var failedOnly = false
  /// `--again`: re-run steps of an existing run.
  package var again = false
  /// `prepare --no-install` / `--no-install`: only check required packages.
  package var noInstall = false
  /// `--ignore-hardware`: run plans whose hardware requirements this machine does not meet.
  package var ignoreHardware = false
  /// Context (`-c`), for results and adjust.
  package var context: [(String, [String])] = []
  /// `run --site FILE` or `$HPCTEST_SITE`, absolute (validated before any test runs, passed to tests as
  /// `HPCTEST_SITE`).
  package var site: String?
  /// The running `hpctest` binary, copied to remote guests as `<run>/scripts/hpctest` (nil: not copied).
  package var hpctestBinary: String?
  /// `--sysroot` (passed to tests as `HPCTEST_SYSROOT`).
  package var sysroot: SystemRoot = .live
  /// The longest time results.yaml lags behind the journal during execute (`HPCTEST_RESULTS_INTERVAL`).
  package var resultsInterval: Duration = .seconds(2)
  /// True when `--sysroot` was given on the command line.
  package var sysrootGiven = false

  /// Creates default options.
  package init() {}

  /// True when `step` is enabled.
  package func runs(_ step: RunStep) -> Bool { enabledSteps?.contains(step) ?? true }
}

/// tmt's steps in order.
package enum RunStep: String, Sendable, CaseIterable, Comparable {
  case discover, provision, prepare, execute, report, finish

  /// Orders steps as tmt runs them.
  package static func < (a: RunStep, b: RunStep) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}
