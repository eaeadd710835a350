import Glibc
import HPCBasics
import Reporting
import TMTModel
import Testing

/// What a person sees: every faulty target fixture of the matrix run through its plans, without and with a
/// terminal. Each planted fault must show up as a reason line under its test, once in the end-of-run list, in the
/// failing test's `note` in results.yaml and as the `message` of its JUnit test case.
@Suite(.serialized) struct TerminalOutputTests {
  static var faulty: [TargetRow] { TargetMatrixTests.rows.filter { !$0.faults.isEmpty } }

  /// The run of `row`'s plans, output captured through a pipe (no terminal).
  static func run(_ row: TargetRow, in directory: String, extra: [String] = []) -> EndToEndTests.Outcome {
    let arguments =
      ["--sysroot", row.sysroot] + row.contextArguments + ["run", "--id", directory + "/r", "-a"]
      + TargetMatrixTests.plans.map { "plans/" + $0 } + ["report", "-h", "junit", "--file", directory + "/j.xml"]
      + extra
    let site = TargetMatrixTests.directory + "/" + row.site
    return EndToEndTests.hpctest(arguments, environment: ["HPCTEST_SITE": site])
  }

  @Test(arguments: faulty) func faultsReachTheTerminalTheNotesAndJUnit(_ row: TargetRow) throws {
    let directory = EndToEndTests.temporaryDirectory()
    defer { FileSystem.removeTree(directory) }
    let outcome = Self.run(row, in: directory)
    #expect(outcome.status == row.exit, "\(outcome.output)")
    let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let junit = FileSystem.readText(directory + "/j.xml") ?? ""
    for fault in row.faults {
      let name = "/tests/" + fault.test
      let result = try #require(try results(directory, plan: fault.test).first { $0.name == name })
      let failing = result.subresult.filter { $0.result == .fail && $0.name.contains(fault.device) }
      #expect(!failing.isEmpty && failing.allSatisfy { !$0.note.isEmpty }, "sub-results keep their notes")
      // The test's line at default verbosity (no -v), then its reasons indented under it.
      let header = try #require(lines.firstIndex { $0.hasPrefix("            ") && $0.contains(" fail \(name) ") })
      let under = lines[(header + 1)...].prefix { $0.hasPrefix("                ") }
      for reason in failing.map(Display.reason) {
        #expect(under.contains("                " + reason), "\(reason) not under \(name)\n\(outcome.output)")
        #expect(lines.filter { $0 == "FAIL \(name) \(reason)" }.count == 1, "\(name) \(reason) once in the list")
        #expect(result.note.contains(reason), "\(result.note)")
      }
      let message = JUnit.attribute(try #require(result.note.first))
      #expect(junit.contains("<testcase name=\"\(name)\" classname=\"/plans/\(plan(fault.test))\""))
      #expect(junit.contains("<failure type=\"failure\" message=\"\(message)\""), "\(message)")
    }
    #expect(!outcome.output.contains("\u{1B}["), "no colour without a terminal")
    #expect(!outcome.output.contains("progress:"), "no progress line without a terminal")
  }

  /// How colour is asked for on the terminal.
  enum Colour: String, CaseIterable, Sendable { case wanted, noColorVariable, noColorFlag }

  /// On a pseudo-terminal (`script`): tmt's progress line drawn and cleared in place, colours unless `NO_COLOR`
  /// or `--no-color`, only the failing tests' lines between.
  @Test(arguments: Colour.allCases)
  func terminalShowsProgressAndColour(_ colour: Colour) throws {
    let row = try #require(Self.faulty.first)
    let directory = EndToEndTests.temporaryDirectory()
    defer { FileSystem.removeTree(directory) }
    let flag = colour == .noColorFlag ? ["--no-color"] : []
    var environment = ["HPCTEST_SITE": TargetMatrixTests.directory + "/" + row.site]
    if colour == .noColorVariable { environment["NO_COLOR"] = "1" }
    let arguments =
      flag + ["--sysroot", row.sysroot] + row.contextArguments
      + ["run", "--id", directory + "/r", "-a", "plans/gpu", "provision", "-h", "local"]
    let output = try Self.onTerminal(arguments, environment: environment, directory: directory)
    let coloured = colour == .wanted
    let key = coloured ? "\u{1B}[36mprogress:\u{1B}[0m " : "progress: "
    #expect(output.contains("\r\u{1B}[K        " + key + "/tests/gpu/pcie-link ["), "\(output)")
    #expect(output.contains("\r\u{1B}[K        " + key + "/tests/gpu/inventory ["))
    #expect(output.contains("\u{1B}[31mfail\u{1B}[0m /tests/gpu/pcie-link") == coloured, "\(output)")
    #expect(output.contains("\u{1B}[31mFAIL\u{1B}[0m /tests/gpu/pcie-link") == coloured)
    #expect(output.contains("\u{1B}[3") == coloured)
    #expect(!output.contains(" pass /tests/gpu/inventory"), "passing tests only in the progress line")
    let plain = output.replacing(/\u{1B}\[[0-9;]*[mK]/, with: "")
    #expect(plain.contains("fail /tests/gpu/pcie-link (on default-0) ["))
    #expect(plain.contains("FAIL /tests/gpu/pcie-link "))
  }

  /// Runs `hpctest arguments` under `script` (a pseudo-terminal) and returns what it wrote there.
  static func onTerminal(_ arguments: [String], environment: [String: String], directory: String) throws -> String {
    let quote = { (text: String) in "'" + text.replacing("'", with: "'\\''") + "'" }
    let inner = ([EndToEndTests.binary] + arguments).map(quote).joined(separator: " ")
    // Colour is decided here, not by whoever runs the tests: NO_COLOR and TMT_NO_COLOR only where given.
    let assignments =
      "env -u NO_COLOR -u TMT_NO_COLOR TERM=xterm " + environment.map { "\($0.key)=\(quote($0.value)) " }.joined()
    let typescript = directory + "/typescript"
    let command =
      "cd \(quote(EndToEndTests.repository)) && \(assignments)script -qfec \(quote("exec " + inner)) "
      + "\(quote(typescript)) >/dev/null 2>&1 </dev/null"
    _ = system(command)
    return try #require(FileSystem.readText(typescript))
  }

  private func results(_ directory: String, plan test: String) throws -> [TestResult] {
    let file = directory + "/r/plans/\(plan(test))/execute/results.yaml"
    return try ResultsYAML.read(FileSystem.readText(file) ?? "", file: file)
  }

  private func plan(_ test: String) -> String { String(test.split(separator: "/")[0]) }
}
