import HPCBasics
import Testing

@Suite struct TMTDurationTests {
  @Test(arguments: [
    ("5m", 300), ("2 1m 4", 66), ("1h 3h 2m 3", 14523), ("*3 2s *4", 24), ("1m30s", 90), ("*2", 600),
    ("10 m", 600), ("1d", 86400), ("3", 3), ("1h 30m", 5400),
  ])
  func parsesTmtSyntax(text: String, seconds: Int) {
    #expect(TMTDuration.seconds(text) == seconds)
  }

  @Test(arguments: ["0.5m", "5min", "", "   ", "abc", "m", "*"])
  func rejectsWhatTmtRejects(text: String) {
    #expect(TMTDuration.seconds(text) == nil)
    #expect(TMTDuration.parse(text) == .invalid)
  }

  /// Values whose arithmetic would overflow an Int, in every term, unit and factor position: "too long", no trap.
  @Test(arguments: [
    "9223372036854775807s 1s", "100000000000000000d", "99999999999999999999999", "9223372036854775807",
    "*100000000000000000000", "1d *99999999999", "153722867280912930m", "2562047788015216h 1h", "106751991167301d",
    "9223372037s", "1000000000000000000000000000000000000000000s",
  ])
  func overflowIsTooLongNeverATrap(text: String) {
    #expect(TMTDuration.parse(text) == .tooLong)
    #expect(TMTDuration.seconds(text) == nil)
    #expect(TMTDuration.invalidMessage(text).contains("too long"))
  }

  @Test func theLongestWaitableDurationStillParses() {
    let maximum = TMTDuration.maximumSeconds
    #expect(TMTDuration.seconds("\(maximum)") == maximum)
    #expect(TMTDuration.seconds("\(maximum - 1) 1") == maximum)
    #expect(TMTDuration.parse("\(maximum) 1") == .tooLong)
  }
}

@Suite struct DiagnosticTests {
  @Test func printsLikeACompiler() {
    let diagnostic = Diagnostic.error(
      "'duration' must look like '5m' or '1h 30m', got '5min'",
      at: SourceLocation(file: "plans/gpu.fmf", line: 12, column: 5))
    #expect(
      diagnostic.description
        == "plans/gpu.fmf:12:5: error: 'duration' must look like '5m' or '1h 30m', got '5min'")
    let keyed = Diagnostic.error("bad how", keyPath: "/plans/gpu:discover[0].how")
    #expect(keyed.description == "/plans/gpu:discover[0].how: error: bad how")
  }
}

@Suite struct SystemRootTests {
  @Test func resolvesUnderTheRoot() {
    #expect(SystemRoot("/tmp/fx/").resolve("/sys/bus/pci") == "/tmp/fx/sys/bus/pci")
    #expect(SystemRoot.live.resolve("/sys") == "/sys")
    #expect(SystemRoot("/").isLive)
  }
}
