import HPCBasics
import Testing

@testable import Workflow

/// A test's directory is made (by `Execution.Ahead`, while the test before runs) with an empty `output.txt` and a
/// `failures.yaml` holding the empty list. What a run leaves must still be what tmt leaves: these tests check every
/// way a test can end against the files in its directory and the `log` of its result.
@Suite("Provisional output.txt and failures.yaml: the files a run leaves are tmt's")
struct ProvisionalFilesTests {
  static let tests = "data/guest/default-0/tests/"

  @Test func passingFailingAndReportingTestsLeaveTmtsFiles() async throws {
    let harness = Harness()
    _ = try await harness.run([
      Harness.test("/tests/a", "echo all good"),
      Harness.test("/tests/b", "echo 'an error here'; echo fine; exit 1"),
      Harness.test("/tests/c", "tmt-report-result /x PASS"),
      Harness.test("/tests/d", "echo 'failure in d' > \"$TMT_TEST_INVOCATION_PATH/failures.yaml\""),
    ])
    let execute = "plans/execute/" + Self.tests
    #expect(harness.read(execute + "a-1/failures.yaml") == "[]\n")
    #expect(harness.read(execute + "a-1/output.txt") == "all good\n")
    #expect(harness.read(execute + "b-2/failures.yaml") == "- an error here\n")
    #expect(!FileSystem.exists(harness.runDirectory + "/" + execute + "c-3/failures.yaml"))
    #expect(harness.read(execute + "c-3/data/failures.yaml") == "[]\n")
    // A test that wrote its own failures.yaml gets tmt's (written after the test) over it.
    #expect(harness.read(execute + "d-4/failures.yaml") == "[]\n")
    let results = try harness.results()
    #expect(results.map(\.result) == [.pass, .fail, .pass, .pass])
    #expect(results[0].log == [Self.tests + "a-1/output.txt", Self.tests + "a-1/failures.yaml"])
    #expect(results[2].log.contains(Self.tests + "c-3/data/failures.yaml"))
  }

  @Test(arguments: ["5min", "abc", "soon"])
  func aTestThatCannotStartHasNeitherFile(duration: String) async throws {
    let harness = Harness()
    _ = try await harness.run([Harness.test("/tests/a", "true"), Harness.test("/tests/b", "true", duration: duration)])
    let directory = harness.runDirectory + "/plans/execute/" + Self.tests + "b-2"
    #expect(FileSystem.isDirectory(directory + "/data"))
    #expect(!FileSystem.exists(directory + "/output.txt"))
    #expect(!FileSystem.exists(directory + "/failures.yaml"))
    let results = try harness.results()
    #expect(results.map(\.result) == [.pass, .error])
    #expect(results[1].log == [])
  }

  @Test func aCommandThatCannotRunKeepsItsOutputButNoFailures() async throws {
    let harness = Harness()
    var test = Harness.test("/tests/a", "true")
    test.path = "/no/such/directory"
    _ = try await harness.run([Harness.test("/tests/first", "true"), test])
    let results = try harness.results()
    #expect(results.map(\.result) == [.pass, .error])
    let directory = harness.runDirectory + "/plans/execute/" + Self.tests + "a-2"
    #expect(!FileSystem.exists(directory + "/failures.yaml"))
    #expect(results[1].log == (FileSystem.exists(directory + "/output.txt") ? [Self.tests + "a-2/output.txt"] : []))
  }
}
