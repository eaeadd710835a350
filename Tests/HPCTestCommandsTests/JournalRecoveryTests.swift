import Glibc
import HPCBasics
import Testing

/// `kill -9` of a running `hpctest run`: every result finished before the kill is in results.yaml once the run is
/// reopened (`run --last report`), rebuilt from the execute step's journal; a torn last record is ignored.
@Suite struct JournalRecoveryTests {
  /// A tree of `count` tests where test `stuck` (1-based) records its process id and waits.
  static func tree(count: Int, stuck: Int, marker: String) -> String {
    let tree = EndToEndTests.temporaryDirectory()
    FileSystem.makeDirectories(tree + "/.fmf")
    FileSystem.makeDirectories(tree + "/plans")
    FileSystem.makeDirectories(tree + "/tests")
    FileSystem.write(tree + "/.fmf/version", "1\n")
    let plan = "discover:\n    how: fmf\nprovision:\n    how: local\nexecute:\n    how: tmt\n"
    FileSystem.write(tree + "/plans/main.fmf", plan)
    let tests = (1...count).map { index in
      let command = index == stuck ? "echo $$ > \(marker).tmp; mv \(marker).tmp \(marker); sleep 600" : "true"
      return "/t\(index):\n    test: '\(command)'\n    order: \(index)\n"
    }
    FileSystem.write(tree + "/tests/main.fmf", tests.joined())
    return tree
  }

  /// Starts `hpctest run` in the background; returns its process id.
  static func start(_ arguments: [String], in directory: String) -> pid_t? {
    let pidFile = directory + "/hpctest.pid"
    let quoted = ([EndToEndTests.binary] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
    let command = "cd '\(directory)' && { \(quoted) >hpctest.log 2>&1 </dev/null & echo $! > '\(pidFile)'; }"
    guard system(command) == 0 else { return nil }
    return FileSystem.readText(pidFile).flatMap { pid_t($0.filter(\.isNumber)) }
  }

  static func waitFor(_ path: String, seconds: Int = 120) -> Bool {
    for _ in 0..<(seconds * 50) {
      if FileSystem.exists(path) { return true }
      usleep(20_000)
    }
    return false
  }

  /// Kills hpctest with SIGKILL while test `stuck` runs, then kills that test's group (hpctest cannot) and
  /// returns the results.yaml text after `run --last report`.
  static func killAndReopen(count: Int, stuck: Int, tamper: (String) -> Void) throws -> String {
    let root = EndToEndTests.temporaryDirectory()
    let marker = root + "/stuck.pid"
    let tree = tree(count: count, stuck: stuck, marker: marker)
    defer {
      FileSystem.removeTree(root)
      FileSystem.removeTree(tree)
    }
    let arguments = ["--root", tree, "--feeling-safe", "run", "--workdir-root", root, "--id", "r", "-a"]
    let pid = try #require(start(arguments + ["provision", "-h", "local"], in: root))
    let started = waitFor(marker)
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    if let group = FileSystem.readText(marker).flatMap({ pid_t($0.filter(\.isNumber)) }) { kill(-group, SIGKILL) }
    try #require(started, "test \(stuck) never started")
    tamper(root + "/r/plans/execute/" + "results.journal")
    let report = EndToEndTests.hpctest(["--root", tree, "run", "--workdir-root", root, "--last", "report"])
    #expect(report.output.contains("summary: "), "\(report.output)")
    return FileSystem.readText(root + "/r/plans/execute/results.yaml") ?? ""
  }

  static func outcomes(_ text: String) -> [String] {
    text.split(separator: "\n").filter { $0.hasPrefix("  result: ") }.map { String($0.dropFirst(10)) }
  }

  @Test(arguments: [(3, 1), (40, 25), (200, 170)])
  func killNineLosesNoFinishedResult(count: Int, stuck: Int) throws {
    let text = try Self.killAndReopen(count: count, stuck: stuck) { _ in }
    let outcomes = Self.outcomes(text)
    try #require(outcomes.count == count)
    #expect(outcomes.prefix(stuck - 1).allSatisfy { $0 == "pass" }, "\(outcomes)")
    #expect(outcomes.suffix(count - stuck).allSatisfy { $0 == "pending" }, "\(outcomes)")
    // The test that was running when hpctest was killed is `error` ("hpctest was killed"), as `report --last` records it.
    #expect(outcomes[stuck - 1] == "error", "\(outcomes)")
    #expect(text.contains("hpctest was killed"))
  }

  /// Half of a record appended after the kill (a write cut short) is ignored: the results before it stay.
  @Test func aTornLastRecordIsIgnoredOnRecovery() throws {
    let text = try Self.killAndReopen(count: 10, stuck: 6) { journal in
      let torn = "F 0 6 700 1400 1234\n- __class__:\n    module: tmt.result\n"
      let appender = FileSystem.Appender(journal)
      appender?.append(Array(torn.utf8))
    }
    let outcomes = Self.outcomes(text)
    #expect(outcomes == Array(repeating: "pass", count: 5) + ["error"] + Array(repeating: "pending", count: 4))
  }
}
