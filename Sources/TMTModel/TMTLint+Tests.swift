import FMF
import HPCBasics
import YAML

/// tmt 1.78's T006-T009 (`tmt.base.core.Test.lint_*`), with tmt's messages.
extension TMTLint {
  /// T006 ... T009 for one test, in tmt's order.
  static func legacyAndManual(_ test: TMTTest, tree: FMFTree) -> [TMTLintResult] {
    var results = [coverage(test)]
    results += manualPath(test, tree: tree)
    results += manualMarkdown(test, tree: tree)
    results.append(requireType(test))
    return results
  }

  /// T006: `coverage` has been obsoleted by `link`.
  private static func coverage(_ test: TMTTest) -> TMTLintResult {
    guard let value = test.node?["coverage"], !value.isNull else {
      return TMTLintResult(outcome: .skip, code: "T006", message: "legacy 'coverage' field not detected")
    }
    return TMTLintResult(outcome: .fail, code: "T006", message: "the 'coverage' field has been obsoleted by 'link'")
  }

  /// `Path(root) / path.unrooted() / test`, joined as pathlib does.
  static func manualTestPath(_ test: TMTTest, tree: FMFTree) -> String {
    if test.test.hasPrefix("/") { return pathlibJoin([test.test]) }
    return pathlibJoin([tree.root, test.path ?? "/", test.test])
  }

  private static func pathlibJoin(_ parts: [String]) -> String {
    let components = parts.flatMap { $0.split(separator: "/") }.filter { $0 != "." }
    return "/" + components.joined(separator: "/")
  }

  /// T007: the manual test's file exists.
  private static func manualPath(_ test: TMTTest, tree: FMFTree) -> [TMTLintResult] {
    guard test.manual.isTruthy else {
      return [TMTLintResult(outcome: .skip, code: "T007", message: "not a manual test")]
    }
    let path = manualTestPath(test, tree: tree)
    return FileSystem.exists(path)
      ? [TMTLintResult(outcome: .pass, code: "T007", message: "manual test path \"\(path)\" does exist")]
      : [TMTLintResult(outcome: .fail, code: "T007", message: "manual test path \"\(path)\" does not exist")]
  }

  /// T008: the manual test's Markdown follows tmt's section layout.
  private static func manualMarkdown(_ test: TMTTest, tree: FMFTree) -> [TMTLintResult] {
    guard test.manual.isTruthy else {
      return [TMTLintResult(outcome: .skip, code: "T008", message: "not a manual test")]
    }
    let path = manualTestPath(test, tree: tree)
    guard let text = FileSystem.readText(path) else {
      return [
        TMTLintResult(
          outcome: .fail, code: "T008", message: "cannot open the manual test path: Unable to open '\(path)'.")
      ]
    }
    let warnings = TMTManualMarkdown.warnings(text)
    guard !warnings.isEmpty else {
      return [TMTLintResult(outcome: .pass, code: "T008", message: "correct manual test syntax")]
    }
    return warnings.map { TMTLintResult(outcome: .warn, code: "T008", message: $0) }
  }

  /// T009: dict-form requirements name their `type`.
  private static func requireType(_ test: TMTTest) -> TMTLintResult {
    let raw = test.node?["require"]
    let complex = (raw?.items ?? []).filter { $0.entries != nil }
    guard !complex.isEmpty else {
      return TMTLintResult(outcome: .skip, code: "T009", message: "library/file requirements not used")
    }
    guard complex.allSatisfy({ $0[key: "type"]?.isTruthy == true }) else {
      return TMTLintResult(outcome: .fail, code: "T009", message: "library/file requirements should specify type")
    }
    return TMTLintResult(outcome: .pass, code: "T009", message: "all library/file requirements specify type")
  }
}

extension TMTLint {
  /// The schema's `require` rule (`beakerlib_library` / `require_file` need `type`, a file needs `pattern`);
  /// tmt reports its failure with the C000 summary line only.
  static func requireMatchesSchema(_ value: YAMLNode?) -> Bool {
    guard let value, !value.isNull else { return true }
    func valid(_ item: YAMLNode) -> Bool {
      if item.string != nil { return true }
      guard item.entries != nil, let type = item[key: "type"]?.string else { return false }
      return type != "file" || item[key: "pattern"] != nil
    }
    if let items = value.items { return items.allSatisfy(valid) }
    return valid(value)
  }
}
