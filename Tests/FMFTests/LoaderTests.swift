import FMF
import HPCBasics
import Testing
import YAML

/// Tree-level behaviour on the fixtures in Fixtures/<case> (one behaviour each): errors with fmf's texts and
/// their locations, own keys, hidden names, string `/child` values.
@Suite struct LoaderTests {
  static let fixtures = Path.dirname(#filePath) + "/Fixtures"

  func load(_ name: String, context: FMFContext? = []) throws(Diagnostic) -> FMFTree {
    try FMFLoader.load(path: Self.fixtures + "/" + name, context: context, workingDirectory: Self.fixtures + "/" + name)
  }

  func failure(_ name: String) -> String? {
    do {
      _ = try load(name)
      return nil
    } catch {
      return error.description
    }
  }

  @Test(arguments: [
    (
      "child-int",
      "main.fmf:2:5: error: The data of '/x' must be a mapping, null or a directory path, got 'int' (fmf crashes here)."
    ),
    ("directive-list", "main.fmf:1:4: error: Invalid fmf directive in '/': Should be a 'dict', got a 'list' instead."),
    ("directive-unknown", "main.fmf:3:5: error: Unknown fmf directive 'foo' in '/a'."),
    (
      "adjust-null",
      "main.fmf:1:1: error: Invalid adjust rule format in '/'. Should be a dictionary or a list of dictionaries, got 'NoneType'."
    ),
    ("adjust-continue", "main.fmf:3:15: error: The 'continue' value should be bool, got 'no'."),
    ("adjust-parens", "main.fmf:2:9: error: Cannot parse expression '(distro == fedora)'."),
    ("version-text", ".fmf/version: error: Invalid version format"),
    ("merge-error", "child/main.fmf:2:1: error: Key 'k' in /child (can only concatenate list (not \"int\") to list)."),
  ])
  func errorsNameFileLineAndColumn(fixture: String, expected: String) {
    #expect(failure(fixture) == expected)
  }

  @Test func regexErrorsAreDiagnostics() {
    #expect(
      failure("regex-error")?.hasPrefix("main.fmf:3:3: error: Key 'k' in /c (invalid regular expression '(unclosed'")
        == true)
  }

  @Test func missingRootIsAnError() {
    let scratch = TemporaryDirectory()
    defer { scratch.remove() }
    #expect(throws: Diagnostic.self) { try FMFLoader.load(path: scratch.path, context: nil) }
  }

  @Test func ownKeysAreTheNodesOwn() throws {
    let tree = try load("own-keys")
    #expect(tree.node(named: "/")?.ownKeys == ["id", "k"])
    #expect(tree.node(named: "/a")?.ownKeys == ["k"])
    #expect(tree.node(named: "/a")?["id"]?.value == .string("root-id"))
    #expect(tree.node(named: "/a")?["k"]?.value == .int(2))
    #expect(tree.relative(tree.node(named: "/a")!.sources.last!) == "a.fmf")
  }

  @Test func adjustIsSkippedWithoutContext() throws {
    let tree = try load("own-keys", context: nil)
    #expect(tree.nodes.allSatisfy { $0.adjustDecisions == nil })
  }

  @Test func exploreIncludeLoadsListedHiddenNames() throws {
    let tree = try load("hidden-include")
    #expect(tree.nodes.map(\.name) == ["/", "/.dir", "/.hidden"])
  }

  @Test func stringChildIsGrownRelativeToTheWorkingDirectory() throws {
    let tree = try load("string-child")
    let linked = try #require(tree.node(named: "/linked"))
    #expect(linked["extra"]?.value == .string("yes"))
    #expect(linked["k"]?.value == .string("root"))
    #expect(linked.sources.map(tree.relative) == ["main.fmf", ".extra/main.fmf"])
    let elsewhere = try FMFLoader.load(path: Self.fixtures + "/string-child", context: nil, workingDirectory: "/")
    #expect(elsewhere.node(named: "/linked") == nil)
  }
}
