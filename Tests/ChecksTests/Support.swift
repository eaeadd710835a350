import Checks
import HPCBasics
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

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

  /// `Tests/Sysroots`, the generated and captured sysroots every test target shares (not a resource).
  static let sysroots = Path.dirname(Path.dirname(#filePath)) + "/Sysroots"

  /// The shared sysroot `name` under `Tests/Sysroots`.
  static func root(_ name: String) -> SystemRoot { SystemRoot(sysroots + "/" + name) }

  /// A copy of the shared sysroot `name` in a new temporary directory (`cp -a`, links kept) with each file of
  /// `changes` (path under the root → new content) rewritten: a fault the shared trees lack, without another tree.
  static func mutated(_ name: String, _ changes: [String: String]) -> SystemRoot? {
    let directory = Scratch.directory("hpctest-checks-")
    guard system("cp -a '\(sysroots)/\(name)' '\(directory)/root'") == 0 else { return nil }
    let root = SystemRoot(directory + "/root")
    for (path, text) in changes {
      let file = root.resolve(path)
      let real =
        FileSystem.realPath(file) ?? FileSystem.realPath(Path.dirname(file)).map { $0 + "/" + Path.basename(file) }
      guard let real, FileSystem.write(real, text) else { return nil }
    }
    return root
  }
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

/// Runs a check on the shared sysroot `root` (under `Tests/Sysroots`) with recorded outputs.
func runCheck(
  _ name: String, root: String, tools: [String: (Int32, String)] = [:], expect: [String: String] = [:]
) async -> CheckResult {
  await runCheck(name, on: Fixture.root(root), tools: tools, expect: expect)
}

/// Runs a check on `root` (e.g. a mutated copy of a shared sysroot) with recorded outputs.
func runCheck(
  _ name: String, on path: SystemRoot, tools: [String: (Int32, String)] = [:], expect: [String: String] = [:]
) async -> CheckResult {
  let context = CheckContext(root: path, runner: FakeToolRunner(tools), expectations: Expectations(flags: expect))
  return await CheckCatalogue.run(name, context)
}
