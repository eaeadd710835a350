public import HPCBasics
public import TMTModel

extension ReportedRun {
  /// Reads the run at `path`: every `<plan>/execute/results.yaml` below it (plan names from the directories, in
  /// name order) with each result's figures. A missing directory, a run without results or a broken results or
  /// figures file is a diagnostic naming the path.
  package static func read(_ path: String) throws(Diagnostic) -> ReportedRun {
    guard FileSystem.isDirectory(path) else {
      throw .error(FileSystem.exists(path) ? "'\(path)' is not a run directory" : "no run directory '\(path)'")
    }
    var plans: [ReportedPlan] = []
    for relative in planDirectories(in: path, relative: "", depth: 0) {
      let execute = Path.join(path, relative) + "/execute"
      let file = execute + "/results.yaml"
      guard let text = FileSystem.readText(file) else { throw .error("cannot read '\(file)'") }
      let results = try ResultsYAML.read(text, file: file)
      plans.append(try ReportedPlan.read(name: "/" + relative, results: results, executeDirectory: execute))
    }
    guard !plans.isEmpty else { throw .error("'\(path)' holds no results (no <plan>/execute/results.yaml below it)") }
    return ReportedRun(path: path, plans: plans)
  }

  /// Directories below `base` (relative, sorted) holding `execute/results.yaml`; links are not followed and the
  /// walk stops at a plan or 32 levels down.
  private static func planDirectories(in base: String, relative: String, depth: Int) -> [String] {
    let directory = relative.isEmpty ? base : Path.join(base, relative)
    if !relative.isEmpty, FileSystem.kind(directory + "/execute/results.yaml", follow: false) == .file {
      return [relative]
    }
    guard depth < 32 else { return [] }
    return (FileSystem.list(directory) ?? []).sorted().flatMap { name -> [String] in
      let child = relative.isEmpty ? name : relative + "/" + name
      guard FileSystem.kind(Path.join(base, child), follow: false) == .directory else { return [] }
      return planDirectories(in: base, relative: child, depth: depth + 1)
    }
  }
}

extension ReportedPlan {
  /// The plan `name` from its results: each result gets the figures of its `hpctest-figures.yaml` (in its data
  /// directory or among its logs), and sub-results without notes get their `message.txt` log's lines as notes.
  package static func read(name: String, results: [TestResult], executeDirectory: String) throws(Diagnostic)
    -> ReportedPlan
  {
    var tests: [ReportedTest] = []
    for result in results {
      tests.append(
        ReportedTest(result: withReasons(result, executeDirectory), figures: try figures(result, executeDirectory)))
    }
    return ReportedPlan(name: name, executeDirectory: executeDirectory, tests: tests)
  }

  /// The name of the file checks append their figures to (Checks' `FiguresFile.fileName`).
  package static let figuresFileName = "hpctest-figures.yaml"

  private static func figures(_ result: TestResult, _ executeDirectory: String) throws(Diagnostic) -> [ReportFigure] {
    var paths = result.log.filter { $0.hasSuffix("/" + figuresFileName) || $0 == figuresFileName }
    if let data = result.dataPath { paths.insert(data + "/" + figuresFileName, at: 0) }
    var seen: Set<String> = []
    var figures: [ReportFigure] = []
    for relative in paths {
      let path = relative.hasPrefix("/") ? relative : executeDirectory + "/" + relative
      guard seen.insert(ReportPath.normalized(path)).inserted, let text = FileSystem.readText(path) else { continue }
      figures += try ReportFigure.read(text, file: path)
    }
    return figures
  }

  private static func withReasons(_ result: TestResult, _ executeDirectory: String) -> TestResult {
    var result = result
    for index in result.subresult.indices where result.subresult[index].note.isEmpty {
      let logs = result.subresult[index].log.filter { $0.hasSuffix("message.txt") }
      result.subresult[index].note = logs.flatMap { log -> [String] in
        let path = log.hasPrefix("/") ? log : executeDirectory + "/" + log
        return (FileSystem.readText(path) ?? "").split(separator: "\n").map(String.init)
      }
    }
    return result
  }
}
