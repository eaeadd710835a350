public import FMF
public import HPCBasics
public import YAML

extension TMTLint {
  /// The checks of one test.
  static func test(test: TMTTest, tree: FMFTree) -> TMTLintReport {
    let data = test.node?.data ?? .map([])
    let keys = (data.pairs ?? []).map(\.0)
    var schema = schemaKeys(keys, allowed: TMTLintSchema.testKeys, schema: "/schemas/test")
    if let bad = duration(test.node?["duration"], address: "\(test.name):duration") { schema.append(bad) }
    var results = schemaSummary(schema, silentFailure: !requireMatchesSchema(test.node?["require"]))
    results.append(summary(test.summary))
    let unknown = keys.filter {
      !TMTLintSchema.testKeys.contains($0) && !TMTLintSchema.testFieldsOutsideSchema.contains($0)
        && !$0.hasPrefix("extra-")
    }
    results +=
      unknown.isEmpty
      ? [TMTLintResult(outcome: .pass, code: "T001", message: "correct keys are used")]
      : unknown.map { TMTLintResult(outcome: .fail, code: "T001", message: "unknown key \"\($0)\" is used") }
    results.append(TMTLintResult(outcome: .pass, code: "T002", message: "test script is defined"))
    results.append(pathChecks(test, tree: tree))
    results.append(contentsOf: pathExists(test, tree: tree))
    results.append(
      keys.contains("relevancy")
        ? TMTLintResult(outcome: .fail, code: "T005", message: "relevancy has been obsoleted by adjust")
        : TMTLintResult(outcome: .skip, code: "T005", message: "legacy relevancy not detected"))
    results += legacyAndManual(test, tree: tree)
    return TMTLintReport(name: test.name, id: test.id, results: results)
  }

  private static func pathChecks(_ test: TMTTest, tree: FMFTree) -> TMTLintResult {
    guard let path = test.path else { return TMTLintResult(outcome: .skip, code: "T003", message: "no path set") }
    return path.hasPrefix("/")
      ? TMTLintResult(outcome: .pass, code: "T003", message: "directory path is absolute")
      : TMTLintResult(
        outcome: .fail, code: "T003",
        message: located(
          test.node?["path"], "\(test.name):path",
          "directory path must be absolute, got '\(path)'"))
  }

  private static func pathExists(_ test: TMTTest, tree: FMFTree) -> [TMTLintResult] {
    guard let path = test.path, path.hasPrefix("/") else { return [] }
    let full = path == "/" ? tree.root : tree.root + path
    return FileSystem.isDirectory(full)
      ? [TMTLintResult(outcome: .pass, code: "T004", message: "test path '\(full)' does exist")]
      : [TMTLintResult(outcome: .fail, code: "T004", message: "test path '\(full)' does not exist")]
  }

  /// The checks of one plan.
  static func plan(_ plan: TMTPlan, workingDirectory: String) -> TMTLintReport {
    let data = plan.node?.data ?? .map([])
    let keys = (data.pairs ?? []).map(\.0)
    var schema = schemaKeys(keys, allowed: TMTLintSchema.planKeys, schema: "/schemas/plan")
    schema += phaseSchema(plan)
    var results = schemaSummary(schema)
    results.append(summary(plan.summary))
    let unknown = keys.filter {
      !TMTLintSchema.planKeys.contains($0) && !TMTLintSchema.planFieldsOutsideSchema.contains($0)
        && !$0.hasPrefix("extra-")
    }
    results +=
      unknown.isEmpty
      ? [TMTLintResult(outcome: .pass, code: "P001", message: "correct keys are used")]
      : unknown.map { TMTLintResult(outcome: .fail, code: "P001", message: "unknown key \"\($0)\" is used") }
    results += methods(plan)
    results += fmfRemoteIds(plan, workingDirectory: workingDirectory)
    results.append(uniqueNames(plan))
    results += phasesHaveGuests(plan)
    results.append(
      plan.environmentFile.isEmpty
        ? TMTLintResult(outcome: .skip, code: "P008", message: "no environment files found")
        : TMTLintResult(outcome: .pass, code: "P008", message: "environment files are loadable"))
    results += stepData(plan)
    return TMTLintReport(name: plan.name, id: plan.id, results: results)
  }

  /// C000 for unknown keys of known plugins' phases.
  private static func phaseSchema(_ plan: TMTPlan) -> [TMTLintResult] {
    var results: [TMTLintResult] = []
    for step in TMTStep.allCases {
      for phase in plan.phases(step) {
        guard let allowed = TMTLintSchema.phaseKeys["\(step.rawValue)/\(phase.how)"] else { continue }
        for (key, _) in phase.data where !allowed.contains(key) && !TMTLintSchema.commonPhaseKeys.contains(key) {
          results.append(
            TMTLintResult(
              outcome: .warn, code: "C000",
              message: "key \"\(key)\" not recognized by schema /schemas/\(step.rawValue)/\(phase.how)"))
        }
      }
    }
    return results
  }

  private static func methods(_ plan: TMTPlan) -> [TMTLintResult] {
    [TMTLintResult(outcome: .pass, code: "P002", message: "execute step defined with \"how\"")]
      + stepMethods(plan, .execute, code: "P003", known: TMTLintSchema.executeMethods)
      + stepMethods(plan, .discover, code: "P004", known: TMTLintSchema.discoverMethods)
  }

  /// tmt's `_lint_step_methods`: every raw phase's `how` is a known plugin.
  private static func stepMethods(_ plan: TMTPlan, _ step: TMTStep, code: String, known: Set<String>)
    -> [TMTLintResult]
  {
    let phases = rawPhases(plan, step)
    guard !phases.isEmpty else {
      return [TMTLintResult(outcome: .skip, code: code, message: "\(step.rawValue) step is not defined")]
    }
    let invalid = phases.filter { !known.contains($0.data[key: "how"]?.string ?? "") }
    guard !invalid.isEmpty else {
      return [TMTLintResult(outcome: .pass, code: code, message: "\(step.rawValue) step methods are all known")]
    }
    return invalid.map { phase in
      let how = phase.data[key: "how"].map(PythonText.str) ?? "None"
      return TMTLintResult(
        outcome: .fail, code: code, message: "unknown \(step.rawValue) method \"\(how)\" in \"\(phase.name)\"")
    }
  }

  private static func uniqueNames(_ plan: TMTPlan) -> TMTLintResult {
    for step in TMTStep.allCases {
      var seen: Set<String> = []
      for phase in plan.phases(step) where !seen.insert(phase.name).inserted {
        return TMTLintResult(
          outcome: .fail, code: "P006",
          message: "duplicate phase name '\(phase.name)' in step '\(step.rawValue)'")
      }
    }
    return TMTLintResult(outcome: .pass, code: "P006", message: "phases have unique names")
  }

  /// P009: phase data hpctest will use is valid (durations, hardware requirements).
  private static func stepData(_ plan: TMTPlan) -> [TMTLintResult] {
    var results: [TMTLintResult] = []
    for (index, phase) in plan.phases(.execute).enumerated() {
      if let bad = duration(
        phaseNode(plan, .execute, index, "duration") ?? phase["duration"],
        address: "\(plan.name):execute[\(index)].duration")
      {
        results.append(bad)
      }
    }
    for (index, phase) in plan.phases(.provision).enumerated() {
      guard let hardware = phaseNode(plan, .provision, index, "hardware") ?? phase["hardware"], !hardware.isNull
      else { continue }
      do throws(Diagnostic) { _ = try HardwareRequirement.parse(hardware) } catch {
        let message =
          error.location.map { "\($0): \(error.message)" }
          ?? located(hardware, "\(plan.name):provision[\(index)].hardware", error.message)
        results.append(TMTLintResult(outcome: .fail, code: "P009", message: message))
      }
    }
    return results.isEmpty ? [TMTLintResult(outcome: .pass, code: "P009", message: "All step data is valid")] : results
  }

  /// The located node of a phase key in the plan's own data (phases in the export lost their locations).
  private static func phaseNode(_ plan: TMTPlan, _ step: TMTStep, _ index: Int, _ key: String) -> YAMLNode? {
    guard let raw = plan.node?[step.rawValue] else { return nil }
    if let items = raw.items { return index < items.count ? items[index][key: key] : nil }
    return index == 0 ? raw[key: key] : nil
  }
}
