import Glibc
import HPCBasics
import TestSupport
import Testing

/// End-to-end tests: spawn the built `hpctest` binary on the repository's own tree and fixture sysroots.
@Suite struct EndToEndTests {
  static let repository = Path.dirname(Path.dirname(Path.dirname(#filePath)))
  static let sysroots = repository + "/Tests/Sysroots"

  /// The built binary next to the test bundle (`<scratch path>/<config>/hpctest`, so `scripts/sanitize` runs its
  /// own sanitized build), else `.build/debug/hpctest` or `.build/release/hpctest`.
  static var binary: String {
    var candidates = [".build/debug/hpctest", ".build/release/hpctest"].map { repository + "/" + $0 }
    if let runner = FileSystem.readLink("/proc/self/exe") {
      candidates.insert(Path.dirname(runner) + "/hpctest", at: 0)
    }
    return candidates.first { FileSystem.exists($0) } ?? candidates[0]
  }

  struct Outcome {
    var status: Int32
    var output: String
  }

  /// Runs `hpctest arguments...` with stdout and stderr merged into a file, in `directory`.
  static func hpctest(
    _ arguments: [String], in directory: String = repository, environment: [String: String] = [:]
  ) -> Outcome {
    let log = Scratch.file("hpctest-e2e-", name: "output.log")
    defer { unlink(log) }
    let quote = { (text: String) in "'" + text.replacing("'", with: "'\\''") + "'" }
    let quoted = ([binary] + arguments).map(quote)
    let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(quote($0.value)) " }.joined()
    let command =
      "cd \(quote(directory)) && \(assignments)exec \(quoted.joined(separator: " ")) >'\(log)' 2>&1 </dev/null"
    let raw = system(command)
    let status = (raw >> 8) & 0xff
    return Outcome(status: status, output: FileSystem.readText(log) ?? "")
  }

  static func temporaryDirectory() -> String {
    Scratch.directory("hpctest-e2e-")
  }

  @Test func listsTheRepositoryPlans() {
    let outcome = Self.hpctest(["plans", "ls"])
    #expect(outcome.status == 0)
    #expect(outcome.output.split(separator: "\n").contains("/plans/gpu"))
    #expect(outcome.output.split(separator: "\n").contains("/plans/rdma"))
    #expect(outcome.output.split(separator: "\n").contains("/plans/crosstalk"))
  }

  @Test func wrongSysrootIsAClearErrorWithExitCode2() {
    let outcome = Self.hpctest(["--sysroot", "/nonexistent/sysroot", "probe"])
    #expect(outcome.status == 2)
    #expect(outcome.output.contains("/nonexistent/sysroot"))
  }

  @Test func probeFindsTheA30sAndTheConnectX6() {
    let outcome = Self.hpctest(["--sysroot", Self.sysroots + "/a30-cx6-aarch64", "probe", "--json"])
    #expect(outcome.status == 0)
    #expect(outcome.output.components(separatedBy: "\"NVIDIA A30\"").count - 1 >= 4)
    #expect(outcome.output.contains("ConnectX-6"))
  }

  @Test func gpuPlanOnAMachineWithoutGPUsSkipsEverythingWithExit4() {
    let run = Self.temporaryDirectory()
    defer { FileSystem.removeTree(run) }
    let empty = Self.temporaryDirectory()
    defer { FileSystem.removeTree(empty) }
    FileSystem.makeDirectories(empty + "/sys/bus/pci/devices")
    FileSystem.makeDirectories(empty + "/proc")
    let outcome = Self.hpctest(["--sysroot", empty, "--feeling-safe", "run", "--id", run + "/r", "plans/gpu"])
    #expect(outcome.status == 4, "\(outcome.output)")
    let results = FileSystem.readText(run + "/r/plans/gpu/execute/results.yaml") ?? ""
    #expect(results.contains("result: skip"))
    #expect(!results.contains("result: fail"))
    #expect(!results.contains("result: error"))
    #expect(outcome.output.contains("hardware"))
  }

  /// The faulty tree's mlx5_0 port is DOWN/Polling (the healthy tree's Disabled second port is not expected up).
  @Test func rdmaPlanOnTheFaultyA30FixtureFailsOnTheDownPort() {
    let run = Self.temporaryDirectory()
    defer { FileSystem.removeTree(run) }
    let outcome = Self.hpctest([
      "--sysroot", "Tests/Sysroots/a30-cx6-aarch64-faulty", "run", "--id", run + "/r", "-a", "plans/rdma",
      "report", "-h", "junit", "--file", run + "/junit.xml",
    ])
    #expect(outcome.status == 1, "\(outcome.output)")
    let results = FileSystem.readText(run + "/r/plans/rdma/execute/results.yaml") ?? ""
    #expect(results.contains("name: /tests/rdma/port-state"))
    let junit = FileSystem.readText(run + "/junit.xml") ?? ""
    #expect(junit.contains("<testsuite name=\"/plans/rdma\""))
    #expect(junit.contains("<testcase name=\"/tests/rdma/port-state\""))
  }
}
