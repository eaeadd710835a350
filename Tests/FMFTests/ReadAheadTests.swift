import Glibc
import HPCBasics
import Testing

@testable import FMF

/// Reading ahead (every directory listed and every metadata file parsed on all CPUs before the grower walks)
/// must change nothing: for generated trees with more sub-trees than the read-ahead shares out, hidden
/// directories, sub-trees of their own, symlinks (a loop among them), `/child` keys and `/child` directory
/// strings (a directory grown twice), the loaded nodes, and with broken files the first error in fmf's walk
/// order, are those of a walk that reads each file when it reaches it.
@Suite struct ReadAheadTests {
  @Test(arguments: 0..<6 as Range<UInt64>) func aTreeLoadsAsWithoutReadAhead(seed: UInt64) {
    let (ahead, asItGoes) = outcomes(seed: seed, broken: 0)
    #expect(ahead == asItGoes)
    #expect(!ahead.hasPrefix("error"))
    #expect(ahead.split(separator: "\n").count > 60)
  }

  @Test(arguments: 0..<6 as Range<UInt64>) func theFirstErrorInWalkOrderIsReported(seed: UInt64) {
    let (ahead, asItGoes) = outcomes(seed: seed, broken: 3)
    #expect(ahead == asItGoes)
    #expect(ahead.hasPrefix("error: "))
  }

  /// Without symlinks and directory strings, the tree is grown side by side (each directory a job for any CPU),
  /// and gives the same nodes, sources and data as one thread; with a broken file it gives up, and the error is
  /// again the first one in fmf's walk order.
  @Test(arguments: 0..<6 as Range<UInt64>) func aTreeGrownSideBySideIsTheSame(seed: UInt64) {
    let scratch = TemporaryDirectory()
    defer { scratch.remove() }
    makeTree(scratch.path, seed: seed, broken: 0, crossing: false)
    #expect(FMFGrower.growSideBySide(root: scratch.path, workingDirectory: scratch.path, config: FMFConfig()) != nil)
    let (sideBySide, oneThread) = (outcome(scratch.path, readAhead: true), outcome(scratch.path, readAhead: false))
    #expect(sideBySide == oneThread)
    #expect(sideBySide.split(separator: "\n").count > 60)
    makeTree(scratch.path, seed: seed &+ 100, broken: 2, crossing: false)
    #expect(FMFGrower.growSideBySide(root: scratch.path, workingDirectory: scratch.path, config: FMFConfig()) == nil)
    #expect(outcome(scratch.path, readAhead: true) == outcome(scratch.path, readAhead: false))
    #expect(outcome(scratch.path, readAhead: true).hasPrefix("error: "))
  }

  /// A symlinked directory or a directory string makes growing side by side give up.
  @Test func crossingsAreGrownOnOneThread() {
    let scratch = TemporaryDirectory()
    defer { scratch.remove() }
    makeTree(scratch.path, seed: 7, broken: 0, crossing: false)
    let grow = { FMFGrower.growSideBySide(root: scratch.path, workingDirectory: scratch.path, config: FMFConfig()) }
    #expect(grow() != nil)
    _ = symlink("../d1", scratch.path + "/d0/link")
    #expect(grow() == nil)
    _ = unlink(scratch.path + "/d0/link")
    #expect(grow() != nil)
    write(scratch.path, "d3/s9/main.fmf", "/grown: d1\n")
    #expect(grow() == nil)
  }

  /// The outcome of the generated tree for `seed` read ahead, and read as the walk goes.
  private func outcomes(seed: UInt64, broken: Int) -> (String, String) {
    let scratch = TemporaryDirectory()
    defer { scratch.remove() }
    makeTree(scratch.path, seed: seed, broken: broken)
    return (outcome(scratch.path, readAhead: true), outcome(scratch.path, readAhead: false))
  }

  /// The nodes (name, canonical data and sources) or the error of one load under `distro=fedora`.
  private func outcome(_ root: String, readAhead: Bool) -> String {
    do throws(Diagnostic) {
      let tree = try FMFLoader.load(
        path: root, context: [("distro", ["fedora"])], caseSensitive: false, workingDirectory: root,
        readAhead: readAhead)
      return tree.nodes.map { "\($0.name) \(Canonical.node($0, root: root))" }.joined(separator: "\n")
    } catch {
      return "error: \(error)"
    }
  }

  /// 40–70 top directories of 0–3 sub-directories each, with the odd hidden directory, sub-tree, directory
  /// without metadata (nested ones too: dropped deepest first), symlink and directory string (`crossing` false:
  /// neither); `broken` files (chosen by the seed) hold a YAML syntax error.
  private func makeTree(_ root: String, seed: UInt64, broken: Int, crossing: Bool = true) {
    var random = FuzzTests.Random(state: seed)
    write(root, ".fmf/version", "1\n")
    write(root, "main.fmf", "summary: top\nadjust:\n  - when: distro == fedora\n    tag+: [fedora]\n")
    let count = 40 + random.below(31)
    var files: [String] = []
    for index in 0..<count {
      let directory = "d\(index)"
      files.append(directory + "/main.fmf")
      for sub in 0..<random.below(4) {
        files.append("\(directory)/s\(sub)/" + (random.below(2) == 0 ? "main.fmf" : "t\(sub).fmf"))
      }
      switch random.below(8) {
      case 0: files.append(directory + "/.hidden/main.fmf")
      case 1: write(root, directory + "/own/.fmf/version", "1\n")
      case 2 where crossing: _ = symlink("../d\(random.below(count))", root + "/" + directory + "/link")
      case 3 where crossing: _ = symlink(".", root + "/" + directory + "/loop")
      case 4: FileSystem.makeDirectories(root + "/" + directory + "/empty/deeper/deepest")
      case 5: write(root, directory + "/data/notes.txt", "not metadata\n")
      default: break
      }
    }
    for (number, file) in files.enumerated() {
      var text = "x: \(number)\ntag+: [t\(number)]\n/child\(number % 4):\n  test: ./run \(number)\n"
      // a directory grown again under this node: a later one, so that growing ends (fmf recurses forever too)
      let index = Int(file.dropFirst().prefix { $0 != "/" })!
      if crossing, number % 17 == 5, index + 1 < count {
        text += "/grown: d\(index + 1 + random.below(count - index - 1))\n"
      }
      write(root, file, text)
    }
    let visible = files.filter { !$0.contains("/.hidden/") }
    for _ in 0..<broken { write(root, visible[random.below(visible.count)], "x: [unclosed\ny: 1\n") }
  }

  private func write(_ root: String, _ path: String, _ text: String) {
    FileSystem.makeDirectories(Path.dirname(root + "/" + path))
    FileSystem.write(root + "/" + path, text)
  }
}
