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
        try await runShell(phase, step: "prepare", guests: guests)
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
    for phase in phases { try await runShell(phase, step: "finish", guests: guests) }
  }

  /// Runs one shell phase on every guest its `where` selects, those guests at once (one task of tmt's queue);
  /// once all have finished, the first failure in guest order is thrown (and later phases do not run, as in tmt).
  private func runShell(_ phase: TMTPhase, step: String, guests: [GuestRun]) async throws(Diagnostic) {
    let selected = try Self.selected(phase, step: step, guests: guests, plan: context.plan.name)
    if selected.count == 1 { return try await shell(selected[0]).run(phase, step: step) }
    let errors = await withTaskGroup(of: (Int, Diagnostic?).self) { group in
      for (index, guest) in selected.enumerated() {
        group.addTask {
          do throws(Diagnostic) { try await self.shell(guest).run(phase, step: step) } catch { return (index, error) }
          return (index, nil)
        }
      }
      var errors = [Diagnostic?](repeating: nil, count: selected.count)
      for await (index, error) in group { errors[index] = error }
      return errors
    }
    if let first = errors.compactMap({ $0 }).first { throw first }
  }

  /// The guests `phase`'s `where` selects; none is an error, as tmt's "No guests queued for phase" (a typo in
  /// `where`).
  static func selected(_ phase: TMTPhase, step: String, guests: [GuestRun], plan: String) throws(Diagnostic)
    -> [GuestRun]
  {
    let selected = guests.filter { selects(phase, guest: $0.context) }
    guard selected.isEmpty, !guests.isEmpty else { return selected }
    throw .error(
      "no guest is named or has the role \((phase["where"]?.scalarList ?? []).map { "'\($0)'" }.joined(separator: " or ")): no guests "
        + "queued for phase '\(phase.name)' (a typo in 'where'?)",
      keyPath: "\(plan):\(step)[\(phase.name)].where")
  }

  /// Shell phases of `guest` run in its tree (on a remote guest, the staged copy of the first discover phase).
  private func shell(_ guest: GuestRun) -> ShellPhase {
    guard guest.context.remote else { return ShellPhase(context: guest.context, treeRoot: discovery.root) }
    return ShellPhase(context: guest.context, treeRoot: guest.tests.first?.treeRoot ?? context.run.path)
  }
}
