import Checks
import HPCBasics

/// Paths of the test fixtures (beside this file).
enum Fixture {
  /// `Tests/ChecksTests/Fixtures`.
  static let directory = Path.dirname(#filePath) + "/Fixtures"

  /// A recorded tool output under `Fixtures/tools`.
  static func tool(_ name: String) -> String {
    FileSystem.readText(directory + "/tools/" + name) ?? ""
  }

  /// A recorded output without its `SOURCE:`/`NOTE:` header (up to the `---` line), as the tool printed it.
  static func recorded(_ name: String) -> String {
    let text = tool(name)
    guard text.hasPrefix("SOURCE:"), let range = text.firstRange(of: "\n---\n") else { return text }
    return String(text[range.upperBound...])
  }

  /// A sysroot under `Fixtures/sysroots`.
  static func root(_ name: String) -> SystemRoot { SystemRoot(directory + "/sysroots/" + name) }
}

/// Serves recorded outputs for commands: matched by the whole argv, then by the tool name; anything else is
/// "not found".
struct FakeToolRunner: ToolRunner {
  /// argv joined with spaces, or a tool name → exit status and the recorded file under Fixtures/tools.
  var outputs: [String: (Int32, String)]

  init(_ outputs: [String: (Int32, String)]) { self.outputs = outputs }

  func run(_ argv: [String], timeout: Duration) async -> ToolOutcome {
    let key = argv.joined(separator: " ")
    guard let (status, file) = outputs[key] ?? outputs[argv.first ?? ""] else {
      return .notFound("\(argv.first ?? "?") not found on PATH")
    }
    return .finished(status: status, output: Fixture.tool(file))
  }
}

extension CheckResult {
  /// The item called `name`.
  func item(_ name: String) -> CheckItem? { items.first { $0.name == name } }
}

/// Runs a check on a fixture root (under `Fixtures/sysroots`, or `Tests/Sysroots` when `shared`) with recorded
/// outputs.
func runCheck(
  _ name: String, root: String, shared: Bool = false, tools: [String: (Int32, String)] = [:],
  expect: [String: String] = [:]
) async -> CheckResult {
  let path = shared ? SystemRoot(Path.dirname(Fixture.directory) + "/../Sysroots/" + root) : Fixture.root(root)
  let context = CheckContext(root: path, runner: FakeToolRunner(tools), expectations: Expectations(flags: expect))
  return await CheckCatalogue.run(name, context)
}
