import Glibc
import HPCBasics
import Testing

/// What another (unprivileged) user can plant under the workdir root before root runs hpctest there: the root
/// itself, `last-run`, a `--file` target. Owners are set with chown to an unused uid (tests run as root in CI;
/// they skip otherwise). Root must refuse, or replace the planted link, and never write through it.
@Suite(.serialized) struct PlantedLinkTests {
  static let other: uid_t = 54_321

  /// A scratch tree with one passing test and one plan, a victim file outside it, and a workdir root path.
  struct Scene {
    let base = EndToEndTests.temporaryDirectory()
    var tree: String { base + "/tree" }
    var root: String { base + "/root" }
    var victim: String { base + "/victim" }

    init() {
      FileSystem.makeDirectories(base + "/tree/.fmf")
      FileSystem.write(tree + "/.fmf/version", "1\n")
      FileSystem.write(
        tree + "/main.fmf", "/t:\n  test: \"true\"\n/p:\n  discover: {how: fmf}\n  execute: {how: tmt}\n")
      FileSystem.write(victim, "secret\n", mode: 0o600)
    }

    func run(_ extra: [String] = []) -> EndToEndTests.Outcome {
      EndToEndTests.hpctest(["--root", tree, "run", "--workdir-root", root, "-a"] + extra, in: tree)
    }

    func victimIntact() -> Bool { FileSystem.readText(victim) == "secret\n" && mode(victim) == 0o600 }
    func remove() { FileSystem.removeTree(base) }
  }

  static func mode(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
  }

  @Test(.enabled(if: geteuid() == 0)) func aRootOwnedByAnotherUserIsRefused() {
    let scene = Scene()
    defer { scene.remove() }
    FileSystem.makeDirectories(scene.root)
    chown(scene.root, Self.other, Self.other)
    let outcome = scene.run()
    #expect(outcome.status == 2, "\(outcome.output)")
    #expect(outcome.output.contains("refusing workdir root") && outcome.output.contains("uid \(Self.other)"))
    #expect(FileSystem.list(scene.root) == [])
  }

  @Test(.enabled(if: geteuid() == 0)) func aRootThatIsALinkOrWritableByOthersIsRefused() {
    let scene = Scene()
    defer { scene.remove() }
    FileSystem.makeDirectories(scene.base + "/elsewhere")
    symlink(scene.base + "/elsewhere", scene.root)
    #expect(scene.run().status == 2)
    #expect(FileSystem.list(scene.base + "/elsewhere") == [])
    unlink(scene.root)
    FileSystem.makeDirectories(scene.root)
    chmod(scene.root, 0o777)
    #expect(scene.run().output.contains("lets other users write"))
    chmod(scene.root, 0o1777)
    #expect(scene.run().status == 0, "a sticky world-writable root like /var/tmp is accepted")
  }

  @Test(.enabled(if: geteuid() == 0)) func aPlantedLastRunIsNeitherFollowedNorWrittenThrough() {
    let scene = Scene()
    defer { scene.remove() }
    FileSystem.makeDirectories(scene.root)
    symlink(scene.base, scene.root + "/last-run")
    lchown(scene.root + "/last-run", Self.other, Self.other)
    let reopened = scene.run(["--last"])
    #expect(reopened.status == 2 && reopened.output.contains("refusing"), "\(reopened.output)")
    #expect(scene.run().status == 0)
    #expect(FileSystem.readLink(scene.root + "/last-run") == scene.root + "/run-001", "replaced, not followed")
    #expect(scene.victimIntact())
  }

  @Test(.enabled(if: geteuid() == 0)) func reportFilesReplaceAPlantedLinkAndKeepAnExistingMode() {
    let scene = Scene()
    defer { scene.remove() }
    let planted = scene.base + "/junit.xml"
    symlink(scene.victim, planted)
    let first = scene.run(["report", "-h", "junit", "--file", planted])
    #expect(first.status == 0, "\(first.output)")
    #expect(scene.victimIntact())
    #expect(FileSystem.kind(planted, follow: false) == .file)
    chmod(planted, 0o600)
    #expect(scene.run(["report", "-h", "junit", "--file", planted]).status == 0)
    #expect(Self.mode(planted) == 0o600)
    #expect((FileSystem.list(scene.base) ?? []).filter { $0.contains(".tmp-") } == [])
  }

  @Test func testNamesWithDotDotStayInsideTheRun() {
    let scene = Scene()
    defer { scene.remove() }
    FileSystem.write(
      scene.tree + "/main.fmf",
      "/../../escape:\n  test: \"touch $TMT_TEST_DATA/x\"\n/p:\n  discover: {how: fmf}\n  execute: {how: tmt}\n")
    let outcome = scene.run()
    #expect(outcome.status == 0, "\(outcome.output)")
    #expect(!FileSystem.exists(scene.root + "/escape-1") && !FileSystem.exists(scene.base + "/escape-1"))
    #expect(FileSystem.exists(scene.root + "/run-001/p/execute/data/guest/default-0/-/-/escape-1/data/x"))
  }
}
