import HPCBasics
import Reporting
import TMTModel

extension PlanRun {
  /// Runs the prepare phases and checks the tests' `require`/`recommend` packages. Returns the notes of tests
  /// that cannot run (a required package is missing with `--no-install`, or failed to install).
  func prepare(_ tests: [DiscoveredTest], guests: [GuestRun]) async throws(Diagnostic) -> [Int: String] {
    guard options.runs(.prepare) else { return [:] }
    log.line("prepare", level: 1)
    for phase in context.plan.phases(.prepare) {
      switch phase.how {
      case "shell":
        for guest in guests where Self.selects(phase, guest: guest.context) {
          try await shell(guest).run(phase, step: "prepare")
        }
      case "install" where guests.contains(where: \.context.remote):
        throw .error(
          "prepare method 'install' is not supported on 'connect' guests yet (use shell)",
          keyPath: "\(context.plan.name):prepare[\(phase.name)].how")
      case "install":
        let packages = phase["package"]?.scalarList ?? []
        if let problem = await installOrCheck(packages) {
          throw .error(problem, keyPath: "\(context.plan.name):prepare[\(phase.name)]")
        }
      default:
        throw .error(
          "prepare method '\(phase.how)' is not supported yet (use shell or install)",
          keyPath: "\(context.plan.name):prepare[\(phase.name)].how")
      }
    }
    return await requirements(tests)
  }

  private func requirements(_ tests: [DiscoveredTest]) async -> [Int: String] {
    let required = Set(tests.flatMap { $0.test.require.compactMap(\.scalarText) })
    let recommended = Set(tests.flatMap { $0.test.recommend.compactMap(\.scalarText) })
    let missingRecommended = await Packages.missing(recommended.sorted())
    if !missingRecommended.isEmpty {
      log.warning("recommended packages not installed: \(missingRecommended.joined(separator: ", "))")
    }
    var missing = await Packages.missing(required.sorted())
    if !missing.isEmpty, let problem = await installOrCheck(missing) {
      log.warning(problem)
    } else {
      missing = []
    }
    var blocked: [Int: String] = [:]
    for test in tests {
      let absent = test.test.require.compactMap(\.scalarText).filter(missing.contains)
      if !absent.isEmpty { blocked[test.serial] = "required package not installed: \(absent.joined(separator: ", "))" }
    }
    return blocked
  }

  /// Installs missing `packages` (only checks with `--no-install`); nil when all are present afterwards.
  private func installOrCheck(_ packages: [String]) async -> String? {
    let missing = await Packages.missing(packages)
    guard !missing.isEmpty else { return nil }
    if options.noInstall { return "required packages not installed (--no-install): \(missing.joined(separator: ", "))" }
    log.line("installing \(missing.joined(separator: ", "))", level: 2)
    return await Packages.install(missing, log: context.planDirectory + "/prepare/install-output.txt")
  }

  /// Runs the finish phases.
  func finish(_ guests: [GuestRun]) async throws(Diagnostic) {
    guard options.runs(.finish) else { return }
    let phases = context.plan.phases(.finish).filter { $0.how == "shell" }
    guard !phases.isEmpty else { return }
    log.line("finish", level: 1)
    for phase in phases {
      for guest in guests where Self.selects(phase, guest: guest.context) {
        try await shell(guest).run(phase, step: "finish")
      }
    }
  }

  /// Shell phases of `guest` run in its tree (on a remote guest, the staged copy of the first discover phase).
  private func shell(_ guest: GuestRun) -> ShellPhase {
    guard guest.context.remote else { return ShellPhase(context: guest.context, treeRoot: discovery.root) }
    return ShellPhase(context: guest.context, treeRoot: guest.tests.first?.treeRoot ?? context.run.path)
  }
}
