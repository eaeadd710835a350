import HPCBasics
import Reporting
import TMTModel
import Testing
import YAML

@testable import Workflow

@Suite struct ChecksTests {
  static func check(_ how: String, result: String = "respect") -> YAMLNode {
    YAMLNode(
      .mapping([
        YAMLPair(key: YAMLNode(.string("how")), value: YAMLNode(.string(how))),
        YAMLPair(key: YAMLNode(.string("result")), value: YAMLNode(.string(result))),
      ]))
  }

  @Test func dmesgComparesWithoutClearing() {
    let before = "[1.0] boot\n[2.0] eth up\n"
    let after = "[1.0] boot\n[2.0] eth up\n[3.0] Call Trace:\n[4.0] ok\n"
    #expect(Dmesg.newLines(before: before, after: after) == ["[3.0] Call Trace:", "[4.0] ok"])
    #expect(Dmesg.newLines(before: "[0.5] rotated away\n", after: "[9.0] new\n") == ["[9.0] new"])
  }

  @Test func checkResultsFoldIntoTheTestResult() {
    let failing = [
      CheckResult(name: "dmesg", event: "before-test", result: .pass),
      CheckResult(name: "dmesg", event: "after-test", result: .fail),
    ]
    let respect = ResultInterpretation.applyChecks(failing, settings: [:], to: .pass)
    #expect(respect.0 == .fail && respect.1 == ["check 'dmesg' failed", "original test result: pass"])
    let xfail = ResultInterpretation.applyChecks(failing, settings: ["dmesg": "xfail"], to: .pass)
    #expect(xfail.0 == .pass && xfail.1 == ["check 'dmesg' failed as expected"])
    let info = ResultInterpretation.applyChecks(failing, settings: ["dmesg": "info"], to: .pass)
    #expect(info.0 == .pass && info.1 == ["check 'dmesg' is informational"])
    let internalOnly = [CheckResult(name: "internal/timeout", event: "after-test", result: .fail)]
    #expect(ResultInterpretation.applyChecks(internalOnly, settings: [:], to: .error).0 == .error)
  }

  @Test func avcCoredumpAndDmesgAroundATest() async throws {
    let harness = Harness()
    var test = Harness.test("/tests/checked", "true")
    test.check = [Self.check("avc"), Self.check("coredump"), Self.check("dmesg")]
    _ = try await harness.run([test])
    let result = try #require(try harness.result("/tests/checked"))
    let dmesg = result.check.filter { $0.name == "dmesg" }
    #expect(dmesg.map(\.event) == ["before-test", "after-test"])
    #expect(dmesg.allSatisfy { $0.result == .pass || $0.result == .skip })
    if !FileSystem.isDirectory("/sys/fs/selinux") {
      #expect(
        result.check.first { $0.name == "avc" }?.note == [
          "The detection of AVC denials was skipped because the guest was not compatible.",
          "SELinux not detected on the guest.",
        ])
    }
    #expect(result.result == .pass)
  }
}
