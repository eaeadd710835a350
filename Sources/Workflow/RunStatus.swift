public import HPCBasics

/// `hpctest status`: the runs under a workdir root (directories with a `run.yaml`), and how far each plan got,
/// in tmt's layout: the last completed step, `done` when every enabled step completed, `todo` when none did.
package struct RunStatus: Sendable {
  /// One plan of one run.
  package struct Plan: Sendable {
    /// The plan name.
    package var name: String
    /// Each step's status (`done`, `todo`, or nil when the run did not record it).
    package var steps: [(RunStep, String?)]
    /// The enabled steps.
    package var enabled: [RunStep]

    /// The last done step, `done` when it is the last enabled one, `todo` when no step is done.
    package var overall: String {
      let states = Dictionary(steps.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
      for (index, step) in enabled.enumerated().reversed() where states[step] == "done" {
        return index == enabled.count - 1 ? "done" : step.rawValue
      }
      return "todo"
    }

    /// tmt's `--active` (a step left to do), `--finished` (all done), `--abandoned` (provisioned, not finished).
    package func matches(_ filter: Filter) -> Bool {
      let states = Dictionary(steps.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
      switch filter {
      case .all: return true
      case .active: return enabled.contains { states[$0] != "done" }
      case .finished: return enabled.allSatisfy { states[$0] == "done" }
      case .abandoned: return states[.provision] == "done" && states[.finish] != "done"
      }
    }
  }

  /// tmt's status filters.
  package enum Filter: Sendable { case all, active, finished, abandoned }

  /// The run directory.
  package var path: String
  /// Its plans.
  package var plans: [Plan]

  /// The runs under `root` (sorted by name) or the given `ids` (names under `root`, or paths).
  package static func runs(root: String, ids: [String]) throws(Diagnostic) -> [RunStatus] {
    var paths: [String] = []
    for id in ids {
      let path = RunDirectory.path(forID: id, root: root)
      guard FileSystem.isDirectory(path) else { throw .error("Directory '\(path)' does not exist.") }
      paths.append(path)
    }
    if ids.isEmpty {
      paths = (FileSystem.list(root) ?? []).sorted().map { Path.join(root, $0) }
        .filter { FileSystem.kind($0, follow: false) == .directory && FileSystem.exists(RunRecord.file(in: $0)) }
    }
    return try paths.map { (path) throws(Diagnostic) in try load(path) }
  }

  static func load(_ path: String) throws(Diagnostic) -> RunStatus {
    let record = try RunRecord.read(in: path)
    let enabled = (record?.steps ?? RunStep.allCases.map(\.rawValue)).compactMap(RunStep.init(rawValue:)).sorted()
    let run = RunDirectory(path: path, reopened: true)
    let plans = (record?.plans ?? []).map { name in
      let directory = run.planDirectory(name)
      return Plan(name: name, steps: RunStep.allCases.map { ($0, StepStatus.status(directory, $0)) }, enabled: enabled)
    }
    return RunStatus(path: path, plans: plans)
  }

  /// The run's status: the earliest plan status (`todo` when any plan has nothing done, `done` when all are done).
  package var overall: String {
    var earliest = RunStep.allCases.count
    for plan in plans {
      let status = plan.overall
      if status == "done" { continue }
      guard let step = RunStep(rawValue: status), let index = RunStep.allCases.firstIndex(of: step) else {
        return "todo"
      }
      earliest = min(earliest, index)
    }
    return earliest == RunStep.allCases.count ? "done" : RunStep.allCases[earliest].rawValue
  }

  /// The table at tmt's verbosity levels: runs (0), plans (1), every step (2+).
  package static func table(_ runs: [RunStatus], verbosity: Int, filter: Filter) -> [String] {
    func pad(_ text: String) -> String { text + String(repeating: " ", count: max(1, 11 - text.count)) }
    var lines = [
      verbosity >= 2
        ? RunStep.allCases.map { String($0.rawValue.prefix(4)) + " " }.joined() + " id" : pad("status") + "id"
    ]
    for run in runs {
      let plans = run.plans.filter { $0.matches(filter) }
      switch verbosity {
      case 0:
        let shown = filter == .finished ? plans.count == run.plans.count : (filter == .all || !plans.isEmpty)
        if shown { lines.append(pad(run.overall) + run.path) }
      case 1: lines += plans.map { pad($0.overall) + run.path + "  " + $0.name }
      default:
        lines += plans.map { plan in
          plan.steps.map { ($0.1 ?? "----") + " " }.joined() + " " + run.path + "  " + plan.name
        }
      }
    }
    return lines
  }
}
