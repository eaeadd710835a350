import HPCBasics
import Testing
import YAML

@testable import FMF

/// Resolving sub-trees side by side (inheritance, adjust and climb on all CPUs below the top levels) must change
/// nothing: for generated trees with merges, `inherit: false`, adjust rules that apply, do not apply, cannot be
/// decided or stop, the nodes (names, data, sources, own keys, adjust decisions) are those of fmf's order on one
/// thread, and with broken merges or rules the error is the first one fmf meets.
@Suite struct ResolveSideBySideTests {
  @Test(arguments: 0..<8 as Range<UInt64>) func aTreeResolvesAsOnOneThread(seed: UInt64) throws {
    let text = Self.tree(seed: seed, broken: 0)
    let serial = outcome(text, sharedSubtrees: .max)
    #expect(!serial.hasPrefix("error"))
    #expect(serial.split(separator: "\n").count > 100)
    for shared in [2, 5, 32] { #expect(outcome(text, sharedSubtrees: shared) == serial) }
  }

  @Test(arguments: 0..<8 as Range<UInt64>) func theFirstErrorInFmfOrderIsReported(seed: UInt64) throws {
    let text = Self.tree(seed: seed, broken: 1 + Int(seed % 3))
    let serial = outcome(text, sharedSubtrees: .max)
    #expect(serial.hasPrefix("error: "))
    for shared in [2, 5, 32] { #expect(outcome(text, sharedSubtrees: shared) == serial) }
  }

  @Test func theTopsDataIsInheritedBeforeItsOwnAdjust() throws {
    // the top's adjust rule adds a tag its children (which drop the rule) must not inherit: fmf inherits first
    var text = "tag: [top]\nadjust:\n  when: distro == fedora\n  tag+: [adjusted]\n"
    for index in 0..<40 { text += "/c\(index):\n  tag+: [c\(index)]\n  adjust: []\n" }
    let lines = outcome(text, sharedSubtrees: 2).split(separator: "\n")
    #expect(lines.first?.contains("adjusted") == true)
    #expect(lines.count == 41 && lines.dropFirst().allSatisfy { !$0.contains("adjusted") && $0.contains("top") })
  }

  /// The nodes, or the error, of `text` loaded as a tree's `main.fmf` and resolved under `distro=fedora`.
  private func outcome(_ text: String, sharedSubtrees: Int) -> String {
    do throws(Diagnostic) {
      let top = FMFRawNode(name: "/")
      let grower = FMFGrower(root: "/", workingDirectory: "/", config: FMFConfig(), readsDirectories: false)
      top.ownSources.append("main.fmf")
      try grower.update(top, try FMFYAMLFile.parse(Array(text.utf8), display: "main.fmf"))
      top.pruneEmptyChildren()
      var resolver = FMFResolver(context: [("distro", ["fedora"]), ("arch", ["x86_64"])], caseSensitive: false)
      resolver.sharedSubtrees = sharedSubtrees
      return try resolver.resolve(top).map { node in
        "\(node.name) \(Canonical.node(node, root: "/")) own=\(node.ownKeys.sorted())"
      }.joined(separator: "\n")
    } catch {
      return "error: \(error)"
    }
  }

  /// 40–60 top nodes of 0–4 children and grandchildren each, with merges, `inherit: false` and adjust rules;
  /// `broken` nodes (chosen by the seed) hold a merge of the wrong type or add a rule that does not parse.
  static func tree(seed: UInt64, broken: Int) -> String {
    var random = FuzzTests.Random(state: seed)
    var text = "summary: top\ntag: [top]\nw: [top]\nadjust:\n  - when: distro == fedora\n    tag+: [fedora]\n"
    let count = 40 + random.below(21)
    let bad = Set((0..<broken).map { _ in random.below(count) })
    for index in 0..<count {
      text += "/d\(index):\n" + body(&random, indent: "  ", broken: bad.contains(index))
      for child in 0..<random.below(5) {
        text += "  /c\(child):\n" + body(&random, indent: "    ", broken: false)
        if random.below(3) == 0 { text += "    /g:\n" + body(&random, indent: "      ", broken: false) }
      }
    }
    return text
  }

  private static func body(_ random: inout FuzzTests.Random, indent: String, broken: Bool) -> String {
    let pieces = [
      "tag+: [t\(random.below(9))]", "tag-: [top]", "x: \(random.below(100))", "/: {inherit: false}",
      "adjust:\n\(indent)  - when: arch == aarch64\n\(indent)    x: 1\n\(indent)  - when: distro == fedora\n"
        + "\(indent)    continue: false\n\(indent)    y+: [fedora]\n\(indent)  - when: undefined == 1\n"
        + "\(indent)    z: 2",
      "environment: {A: \"\(random.below(5))\"}", "environment+: {B: b}",
    ]
    var lines = (0..<1 + random.below(3)).map { _ in pieces[random.below(pieces.count)] }
    if broken {
      // a list plus an int (an inherited `w`), or a first rule that does not parse
      lines.removeAll { $0.hasPrefix("adjust") || $0.hasPrefix("/") }
      lines.append(random.below(2) == 0 ? "w+: 5" : "adjust+<: [{when: 'distro ==', x: 1}]")
    }
    return Set(lines).sorted().map { indent + $0 + "\n" }.joined()
  }
}
