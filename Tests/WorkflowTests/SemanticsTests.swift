import HPCBasics
import Reporting
import TMTModel
import Testing
import YAML

@testable import Workflow

@Suite struct SemanticsTests {
  @Test func environmentPrecedenceAndCleanEnvironment() async throws {
    let harness = Harness()
    var first = Harness.test(
      "/tests/a-env",
      """
      echo "FOO=$FOO BAR=$BAR BAZ=$BAZ HOME=${HOME:-unset} SERIAL=$TMT_TEST_SERIAL_NUMBER NAME=$TMT_TEST_NAME"
      echo "PATH=$PATH"
      echo "myvar=from-first" >> "$TMT_PLAN_ENVIRONMENT_FILE"
      """)
    first.environment = [("FOO", "test"), ("BAR", "test"), ("BAZ", "test")]
    let second = Harness.test("/tests/b-env", "echo \"myvar=${myvar:-unset}\"")
    var plan = Harness.plan("/plans")
    plan.environment = [("FOO", YAMLNode(.string("plan"))), ("BAR", YAMLNode(.string("plan")))]
    let code = try await harness.run([first, second], plans: [plan], arguments: ["-e", "BAR=cli"])
    #expect(code == 0)
    let output = harness.read("plans/execute/data/guest/default-0/tests/a-env-1/output.txt")
    #expect(output.hasPrefix("FOO=plan BAR=cli BAZ=test HOME=unset SERIAL=1 NAME=/tests/a-env\n"))
    #expect(output.contains("PATH=\(harness.runDirectory)/scripts:\(TestEnvironment.defaultPath)\n"))
    let later = harness.read("plans/execute/data/guest/default-0/tests/b-env-2/output.txt")
    #expect(later == "myvar=from-first\n")
  }

  @Test func sysrootReachesTestsAsHPCTestSysroot() async throws {
    let harness = Harness()
    var options = try harness.options()
    options.sysroot = SystemRoot("/fixtures/h200")
    let runner = Runner(
      tests: [Harness.test("/tests/sys", "echo \"$HPCTEST_SYSROOT\"")], plans: [Harness.plan("/plans")],
      root: harness.tree, options: options, log: RunLog(verbosity: 0, quiet: true, sink: { _ in }),
      loader: { _ in [] })
    #expect(await runner.run() == 0)
    #expect(harness.read("plans/execute/data/guest/default-0/tests/sys-1/output.txt") == "/fixtures/h200\n")
  }

  @Test func resultsArePendingRightAfterDiscover() async throws {
    let harness = Harness()
    let peek = Harness.test(
      "/tests/a", "cat \"$TMT_TEST_INVOCATION_PATH/../../../../../results.yaml\" > \"$TMT_TEST_DATA/seen.yaml\"")
    _ = try await harness.run([peek, Harness.test("/tests/b", "true")])
    let seen = try ResultsYAML.read(
      harness.read("plans/execute/data/guest/default-0/tests/a-1/data/seen.yaml"), file: "seen.yaml")
    #expect(seen.map(\.result) == [.pending, .pending])
    #expect(try harness.results().map(\.result) == [.pass, .pass])
  }

  /// tmt sorts by `order` only; ties keep the discovered order (tree order, which the catalog gives sorted by
  /// name; here the order the tests are listed in).
  @Test func orderDecidesSerialsTiesKeepDiscoveryOrder() async throws {
    let harness = Harness()
    var late = Harness.test("/tests/a-late", "true")
    late.order = 90
    _ = try await harness.run([late, Harness.test("/tests/c", "true"), Harness.test("/tests/b", "true")])
    let results = try harness.results()
    #expect(results.map(\.name) == ["/tests/c", "/tests/b", "/tests/a-late"])
    #expect(results.map(\.serialNumber) == [1, 2, 3])
  }

  @Test func customResults() async throws {
    let harness = Harness()
    let script = """
      echo "custom log" > $TMT_TEST_DATA/custom.log
      cat > $TMT_TEST_DATA/results.yaml <<EOT
      - name: /
        result: pass
        note: [main]
      - name: /sub1
        result: fail
        note: [bad thing]
        log: [custom.log]
      - name: sub2
        result: info
      EOT
      """
    let tests = [
      Harness.test("/tests/custom", script, result: "custom"),
      Harness.test("/tests/custom-missing", "true", result: "custom"),
    ]
    let code = try await harness.run(tests)
    let results = try harness.results()
    #expect(
      results.map(\.name) == ["/tests/custom", "/tests/custom-missing", "/tests/custom/sub1", "/tests/custom/sub2"])
    #expect(results.map(\.result) == [.pass, .error, .fail, .info])
    #expect(results[0].note == ["main"])
    #expect(results[2].log == ["data/guest/default-0/tests/custom-1/data/custom.log"])
    #expect(results[3].note == ["custom test result name should start with '/'"])
    let data = harness.runDirectory + "/plans/execute/data/guest/default-0/tests/custom-missing-2/data"
    #expect(results[1].note == ["custom results file not found in '\(data)'"])
    #expect(code == 2)
  }

  @Test func restraintResultsReplaceTheTest() async throws {
    let harness = Harness()
    let script = "tmt-report-result /one PASS; tmt-report-result /two FAIL"
    _ = try await harness.run([Harness.test("/tests/r", script, result: "restraint"), Harness.test("/tests/s", "true")])
    let results = try harness.results()
    #expect(results.map(\.name) == ["/tests/s", "/tests/r/one", "/tests/r/two"])
    #expect(results.map(\.result) == [.pass, .pass, .fail])
    #expect(results[1].serialNumber == 1)
  }

  /// `execute --exit-first` stops after the first failing test; the rest stay pending.
  @Test func exitFirstStopsAfterTheFirstFailure() async throws {
    let harness = Harness()
    let tests = [Harness.test("/tests/a", "true"), Harness.test("/tests/b", "false"), Harness.test("/tests/c", "true")]
    _ = try await harness.run(tests, arguments: ["execute", "--exit-first"])
    let results = try harness.results()
    #expect(results.map(\.result) == [.pass, .fail, .pending])
    #expect(harness.lines.all.contains { $0.contains("fail: Test /tests/b failed, stopping execution.") })
    // The next test's directory, made while /tests/b ran, is removed again: nothing of a test that did not run.
    let directory = harness.runDirectory + "/plans/execute/data/guest/default-0/tests"
    #expect(FileSystem.exists(directory + "/b-2/metadata.yaml"))
    #expect(!FileSystem.exists(directory + "/c-3"))
  }

  /// Names with `..` and special characters are sanitized as tmt does: nothing is written outside the run.
  @Test func traversalNamesStayInsideTheRunDirectory() async throws {
    let harness = Harness()
    let tests = [Harness.test("/../../x", "echo planted > \"$TMT_TEST_DATA/f\""), Harness.test("/a b/c.d", "true")]
    _ = try await harness.run(tests, plans: [Harness.plan("/../../p")])
    #expect(!FileSystem.exists(harness.runDirectory + "/../../p"))
    #expect(!FileSystem.exists(harness.runDirectory + "/../x-1"))
    let plan = harness.runDirectory + "/-/-/p"
    #expect(FileSystem.readText(plan + "/execute/data/guest/default-0/-/-/x-1/data/f") == "planted\n")
    #expect(FileSystem.isDirectory(plan + "/execute/data/guest/default-0/a-b/c-d-2"))
  }

  /// A restraint test that times out, reports nothing or writes an invalid report still gets exactly one result.
  @Test func restraintTestsThatCannotSplitKeepOneResult() async throws {
    let harness = Harness()
    let tests = [
      Harness.test("/tests/timeout", "tmt-report-result /one PASS; sleep 30", duration: "1s", result: "restraint"),
      Harness.test("/tests/none", "true", result: "restraint"),
      Harness.test("/tests/invalid", "tmt-report-result /x WEIRD", result: "restraint"),
      Harness.test("/tests/silent-fail", "exit 1", result: "restraint"),
    ]
    let code = try await harness.run(tests)
    let results = try harness.results()
    #expect(results.map(\.name) == ["/tests/timeout", "/tests/none", "/tests/invalid", "/tests/silent-fail"])
    #expect(results.map(\.result) == [.error, .pass, .error, .fail])
    #expect(results[0].subresult.map(\.name) == ["/one"])
    #expect(code == 2)
  }

  @Test func reportResultOverridesExitCodeAndBadOutcomeIsAnError() async throws {
    let harness = Harness()
    let tests = [
      Harness.test("/tests/a", "tmt-report-result /x PASS; exit 1"),
      Harness.test("/tests/b", "tmt-report-result /x WEIRD"),
      Harness.test("/tests/c", "tmt-report-result -o /etc/hostname phase FAIL"),
    ]
    _ = try await harness.run(tests)
    let results = try harness.results()
    #expect(results.map(\.result) == [.pass, .error, .fail])
    #expect(results[1].note == ["tmt-report-result: invalid outcome 'weird' for '/x'"])
    #expect(results[2].subresult.first?.log == ["data/guest/default-0/tests/c-3/data/phase/hostname.txt"])
    #expect(results[2].log[1] == "data/guest/default-0/tests/c-3/data/failures.yaml")
  }

  @Test func abortStopsExecution() async throws {
    let harness = Harness()
    let code = try await harness.run([
      Harness.test("/tests/a-abort", "echo before abort; tmt-abort; echo after abort"),
      Harness.test("/tests/b-after", "true"),
    ])
    let results = try harness.results()
    #expect(results.map(\.result) == [.error, .pending])
    #expect(!FileSystem.exists(harness.runDirectory + "/plans/execute/data/guest/default-0/tests/b-after-2"))
    #expect(results[0].check.map(\.name) == ["internal/abort", "internal/interrupt"])
    #expect(code == 2)
    #expect(harness.lines.all.contains("        fail: Test /tests/a-abort aborted, stopping execution."))
  }

  @Test func restartOnExitCode() async throws {
    let harness = Harness()
    var ok = Harness.test(
      "/tests/ok", "echo attempt $TMT_TEST_RESTART_COUNT; [ $TMT_TEST_RESTART_COUNT -ge 2 ] || exit 79")
    ok.restartOnExitCode = [79]
    ok.restartMaxCount = YAMLNode(.int(2))
    var exhausted = Harness.test("/tests/exhausted", "exit 79")
    exhausted.restartOnExitCode = [79]
    _ = try await harness.run([ok, exhausted])
    let results = try harness.results()
    #expect(results.map(\.result) == [.pass, .error])
    #expect(
      results[1].check.first?.note == [
        "Test reached maximum restart attempts (1). You may want to set restart-max-count larger."
      ])
    let output = harness.read("plans/execute/data/guest/default-0/tests/ok-1/output.txt")
    #expect(output == "attempt 0\nattempt 1\nattempt 2\n")
  }

  @Test func exitFirst() async throws {
    let harness = Harness()
    let tests = [
      Harness.test("/tests/a", "true"), Harness.test("/tests/b", "exit 1"), Harness.test("/tests/c", "true"),
    ]
    let code = try await harness.run(tests, arguments: ["-a", "execute", "-x"])
    #expect(try harness.results().map(\.result) == [.pass, .fail, .pending])
    #expect(code == 1)
  }

  @Test func invalidDurationIsAnErrorForThatTest() async throws {
    let harness = Harness()
    _ = try await harness.run([Harness.test("/tests/a", "true", duration: "5min"), Harness.test("/tests/b", "true")])
    let results = try harness.results()
    #expect(results.map(\.result) == [.error, .pass])
    #expect(results[0].note == [TMTDuration.invalidMessage("5min")])
  }
}
