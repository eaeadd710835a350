public import HPCBasics

/// `<plan>/<step>/step.yaml` with tmt's `status: todo|done`: written `todo` for every step when a plan starts and
/// `done` when the step completes, so `hpctest status` and a reopened run know how far a plan got.
package enum StepStatus {
  /// The file of `step` in `planDirectory`.
  static func file(_ planDirectory: String, _ step: RunStep) -> String {
    Path.join(Path.join(planDirectory, step.rawValue), "step.yaml")
  }

  /// Marks every step `todo` that has no status yet (a reopened plan keeps what it had).
  static func start(_ planDirectory: String) {
    for step in RunStep.allCases where status(planDirectory, step) == nil {
      FileSystem.makeDirectories(Path.join(planDirectory, step.rawValue))
      FileSystem.writeAtomically(file(planDirectory, step), "status: todo\n", durable: false)
    }
  }

  /// Marks `step` done.
  static func done(_ planDirectory: String, _ step: RunStep) {
    FileSystem.makeDirectories(Path.join(planDirectory, step.rawValue))
    FileSystem.writeAtomically(file(planDirectory, step), "status: done\n", durable: false)
  }

  /// `done`, `todo`, or nil when the step has no status file.
  package static func status(_ planDirectory: String, _ step: RunStep) -> String? {
    guard let text = FileSystem.readText(file(planDirectory, step)) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix("status:") {
      return line.dropFirst("status:".count).trimmingCharacters()
    }
    return nil
  }
}

extension Substring {
  fileprivate func trimmingCharacters() -> String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
