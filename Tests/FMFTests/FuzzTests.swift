import FMF
import HPCBasics
import Testing

/// Seeded random mutations of corpus files: every load returns a tree or throws a diagnostic, never crashes
/// or hangs.
@Suite struct FuzzTests {
  /// A tiny deterministic generator (SplitMix64).
  struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
  }

  static let fragments: [String] = [
    "+", "-", "~", "+<", "-~", "/", ":", "\n", " ", "adjust", "when", "continue: false", "- ", "{", "}", "[", "]",
    "/x/y/", "and", "or", "==", "~<", "is defined", "null", "true", "1", "'", "\"", "&a", "*a", "<<", "\t", "#",
    "\n/child:\n  k+: [1]\n", "\nadjust:\n  when: distro == fedora\n  tag+: [x]\n", "\nk~: /a/b/\n",
    "\n/: {inherit: false}\n",
  ]

  static func mutate(_ text: String, _ random: inout Random) -> String {
    var characters = Array(text)
    for _ in 0...random.below(4) {
      let position = random.below(characters.count + 1)
      switch random.below(3) {
      case 0: characters.insert(contentsOf: Array(fragments[random.below(fragments.count)]), at: position)
      case 1:
        if !characters.isEmpty {
          characters.removeSubrange(position..<min(characters.count, position + 1 + random.below(8)))
        }
      default:
        if position < characters.count {
          characters[position] = Array(fragments[random.below(fragments.count)]).first ?? "x"
        }
      }
    }
    return String(characters)
  }

  /// Every `.fmf` file below `path` (skipping hidden names), relative to it.
  static func fmfFiles(_ path: String, prefix: String = "") -> [String] {
    var files: [String] = []
    for name in (FileSystem.list(path) ?? []).sorted() where !name.hasPrefix(".") {
      let full = path + "/" + name
      if FileSystem.isDirectory(full) {
        files += fmfFiles(full, prefix: prefix + name + "/")
      } else if name.hasSuffix(".fmf") {
        files.append(prefix + name)
      }
    }
    return files
  }

  @Test func mutatedTreesLoadOrFail() {
    let corpus = ConformanceTests.conformance + "/corpus"
    let trees = [
      "hw-merge-ok", "hw-adjust-grammar", "hw-adjust-semantics", "hw-fmf-child-keys", "hw-fmf-directives",
      "hw-merge-adjust", "hw-tmt-tests", "hw-fmf-inherit",
    ]
    var random = Random(state: 20_240_115)
    var loaded = 0
    var failed = 0
    let scratch = TemporaryDirectory()
    defer { scratch.remove() }
    for round in 0..<300 {
      let tree = trees[round % trees.count]
      let target = scratch.path + "/\(round)"
      TemporaryDirectory.copyTree(corpus + "/" + tree, to: target)
      let files = Self.fmfFiles(target)
      for _ in 0...random.below(2) where !files.isEmpty {
        let file = target + "/" + files[random.below(files.count)]
        FileSystem.write(file, Self.mutate(FileSystem.readText(file) ?? "", &random))
      }
      let context: FMFContext = round % 2 == 0 ? [("distro", ["fedora-40"]), ("arch", ["x86_64"])] : []
      do {
        let result = try FMFLoader.load(path: target, context: context, workingDirectory: target)
        #expect(!result.nodes.isEmpty)
        loaded += 1
      } catch {
        #expect(!error.message.isEmpty)
        failed += 1
      }
      FileSystem.removeTree(target)
    }
    print("FMF fuzz: \(loaded) loaded, \(failed) rejected with a diagnostic")
    #expect(loaded + failed == 300)
  }
}
