import HPCBasics
import YAML

/// tmt 1.78's P005 (`Plan.lint_fmf_remote_ids_valid`): the `url`/`ref`/`path` of `discover: how: fmf` phases
/// must name a usable fmf tree. Local paths are checked as fmf's `Tree.node` does; a `url` is never cloned
/// (hpctest does not fetch), so such an id is reported as `warn`, not validated.
extension TMTLint {
  /// P005 results, or its skip line when no phase carries an fmf id.
  static func fmfRemoteIds(_ plan: TMTPlan, workingDirectory: String) -> [TMTLintResult] {
    var results: [TMTLintResult] = []
    for phase in rawPhases(plan, .discover) where phase.data[key: "how"]?.string == "fmf" {
      let id = ["url", "ref", "path"].compactMap { key in phase.data[key: key].map { (key, $0) } }
      guard !id.isEmpty else { continue }
      let label = "remote fmf id in \"\(phase.name)\""
      let value = { (key: String) in id.first { $0.0 == key }.map { PythonText.str($0.1) } }
      if let url = value("url") {
        results.append(
          TMTLintResult(
            outcome: .warn, code: "P005", message: "\(label) not validated, hpctest does not clone '\(url)'"))
      } else if let error = localTreeError(value("path"), workingDirectory: workingDirectory) {
        results.append(TMTLintResult(outcome: .fail, code: "P005", message: "\(label) is invalid, \(error)"))
      } else {
        results.append(TMTLintResult(outcome: .pass, code: "P005", message: "\(label) is valid"))
      }
    }
    return results.isEmpty
      ? [TMTLintResult(outcome: .skip, code: "P005", message: "no remote fmf ids defined")] : results
  }

  /// fmf's `Tree(path)` root search for a local id, with tmt's friendlier messages.
  private static func localTreeError(_ path: String?, workingDirectory: String) -> String? {
    let root = path ?? "."
    if !root.hasPrefix("/") && root != "." { return "Relative path \"\(root)\" specified." }
    var directory = root == "." ? workingDirectory : root
    guard FileSystem.isDirectory(directory) else { return "path '\(root)' is invalid" }
    while !FileSystem.isDirectory(directory + (directory.hasSuffix("/") ? "" : "/") + ".fmf") {
      if directory == "/" { return "No tree found in repo 'None', missing an '.fmf' directory?" }
      directory = Path.dirname(directory)
    }
    return nil
  }
}
