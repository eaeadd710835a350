import Executors
import HPCBasics
import Reporting
import TMTModel
import YAML

/// The test's `check:` entries run around it: `dmesg` (compared before/after; the ring buffer is never cleared),
/// `avc` and `coredump` (skipped where unavailable). Unknown checks are reported as `skip` with a note.
struct TestChecks {
  var test: TMTTest
  /// `<invocation>/checks`.
  var directory: String
  /// The same, relative to the execute directory.
  var relative: String

  private var enabled: [(how: String, node: YAMLNode)] {
    test.check.compactMap { node in
      guard let how = node["how"]?.scalarText, node["enabled"]?.value != .bool(false) else { return nil }
      return (how, node)
    }
  }

  func before() async -> [CheckResult] {
    var results: [CheckResult] = []
    for (how, _) in enabled {
      let start = Timestamp.now()
      switch how {
      case "dmesg":
        let (outcome, note) = await Dmesg.capture(to: directory + "/dmesg-before-test.txt")
        results.append(make(how, "before-test", outcome, note.map { [$0] } ?? [], [], start))
      case "coredump" where !Dmesg.hasProgram("coredumpctl"):
        results.append(make(how, "before-test", .skip, [Self.coredumpNote], [], start))
      default: break
      }
    }
    return results
  }

  func after() async -> [CheckResult] {
    var results: [CheckResult] = []
    for (how, node) in enabled {
      let start = Timestamp.now()
      switch how {
      case "dmesg":
        results.append(await dmesgAfter(patterns: node["failure-pattern"]?.scalarList, start: start))
      case "avc":
        let notes =
          FileSystem.isDirectory("/sys/fs/selinux")
          ? ["hpctest does not implement the avc check yet"]
          : [
            "The detection of AVC denials was skipped because the guest was not compatible.",
            "SELinux not detected on the guest.",
          ]
        results.append(make(how, "after-test", .skip, notes, [], start))
      case "coredump":
        let note =
          Dmesg.hasProgram("coredumpctl") ? "hpctest does not implement the coredump check yet" : Self.coredumpNote
        results.append(make(how, "after-test", .skip, [note], [], start))
      default:
        results.append(make(how, "after-test", .skip, ["check '\(how)' is not supported by hpctest"], [], start))
      }
    }
    return results
  }

  private func dmesgAfter(patterns: [String]?, start: Timestamp) async -> CheckResult {
    let afterPath = directory + "/dmesg-after-test.txt"
    let (outcome, note) = await Dmesg.capture(to: afterPath)
    guard outcome != .skip else { return make("dmesg", "after-test", .skip, note.map { [$0] } ?? [], [], start) }
    let before = FileSystem.readText(directory + "/dmesg-before-test.txt") ?? ""
    let new = Dmesg.newLines(before: before, after: FileSystem.readText(afterPath) ?? "")
    let matchers = (patterns ?? Dmesg.defaultPatterns).compactMap { try? NamePattern($0, key: "failure-pattern") }
    let failures = new.filter { line in matchers.contains { $0.matches(line) } }
    var logs = [relative + "/dmesg-after-test.txt"]
    if !failures.isEmpty {
      FileSystem.write(directory + "/failures.yaml", YAMLEmitter.emit(YAMLTree.strings(failures)))
      logs.append(relative + "/failures.yaml")
    }
    return make("dmesg", "after-test", failures.isEmpty ? .pass : .fail, [], logs, start)
  }

  private func make(
    _ name: String, _ event: String, _ outcome: ResultOutcome, _ notes: [String], _ logs: [String], _ start: Timestamp
  ) -> CheckResult {
    let end = Timestamp.now()
    return CheckResult(
      name: name, event: event, result: outcome, note: notes, log: logs, startTime: start.iso8601,
      endTime: end.iso8601, duration: Timestamp.clock(seconds: Timestamp.elapsed(from: start, to: end)))
  }

  static let coredumpNote =
    "Coredump detection was skipped: coredumpctl command not available.\n\nThe coredump check requires "
    + "systemd-coredump to be installed and the systemd-coredump.socket to be active. Additionally, the user must "
    + "have sufficient permissions to access coredump data."
}
