import Glibc
import HPCBasics
import Testing

/// The write API never follows a link another user owns, wherever it sits in the path, and replaces (never
/// writes through) a link in the last component. Links of root or of this user are followed.
@Suite struct FileSystemWalkTests {
  static let other: uid_t = 54_321

  /// A scratch directory with a victim file (0600) and a directory `elsewhere` that must stay empty.
  struct Scene {
    let base = FileSystemTests.scratch()
    var victim: String { base + "/victim" }
    var elsewhere: String { base + "/elsewhere" }
    init() {
      FileSystem.write(victim, "secret\n", mode: 0o600)
      FileSystem.makeDirectories(elsewhere)
    }
    /// Plants a link at `name` to `target`, owned by `owner`.
    func plant(_ name: String, to target: String, owner: uid_t) {
      symlink(target, base + "/" + name)
      lchown(base + "/" + name, owner, owner)
    }
    func untouched() -> Bool { FileSystem.readText(victim) == "secret\n" && FileSystem.list(elsewhere) == [] }
  }

  /// Every write operation on a path under a directory link of another user.
  static let writes: [(String, @Sendable (String) -> Bool)] = [
    ("write", { FileSystem.write($0 + "/f", "x") }),
    ("writeAtomically", { FileSystem.writeAtomically($0 + "/f", "x") }),
    ("append", { FileSystem.append($0 + "/f", "x") }),
    ("makeDirectories", { FileSystem.makeDirectories($0 + "/d/e") }),
    ("replaceLink", { FileSystem.replaceLink($0 + "/l", target: "/") }),
    ("Directory.write", { FileSystem.Directory($0)?.write("f", "x") ?? false }),
    ("Directory.writeAtomically", { FileSystem.Directory($0)?.writeAtomically("f", "x") ?? false }),
    ("Directory.subdirectory", { FileSystem.Directory($0 + "/d", create: true)?.subdirectory("e") != nil }),
    (
      "Directory.subdirectory (likely new)",
      { FileSystem.Directory($0 + "/d", create: true)?.subdirectory("e", likelyNew: true) != nil }
    ),
    (
      "Directory.descendant",
      { path in
        FileSystem.Directory(Path.dirname(path))?.descendant(Path.basename(path) + "/d", create: true)?.write("f", "x")
          ?? false
      }
    ),
    (
      "Directory.openForAppend",
      { path in
        guard let fd = FileSystem.Directory(path)?.openForAppend("f"), fd >= 0 else { return false }
        return close(fd) == 0
      }
    ),
  ]

  @Test(.enabled(if: geteuid() == 0), arguments: 0..<writes.count)
  func aDirectoryLinkOfAnotherUserStopsEveryWrite(index: Int) {
    let scene = Scene()
    defer { FileSystem.removeTree(scene.base) }
    scene.plant("planted", to: scene.elsewhere, owner: Self.other)
    #expect(!Self.writes[index].1(scene.base + "/planted"), "\(Self.writes[index].0)")
    #expect(!Self.writes[index].1(scene.base + "/planted/../planted"), "\(Self.writes[index].0)")
    #expect(scene.untouched())
  }

  @Test(arguments: 0..<writes.count)
  func aDirectoryLinkOfThisUserIsFollowed(index: Int) {
    let scene = Scene()
    defer { FileSystem.removeTree(scene.base) }
    scene.plant("mine", to: scene.elsewhere, owner: geteuid())
    #expect(Self.writes[index].1(scene.base + "/mine"), "\(Self.writes[index].0)")
    #expect(FileSystem.list(scene.elsewhere)?.count == 1)
  }

  @Test(arguments: [geteuid(), other])
  func aLinkInTheLastPlaceIsReplacedOrRefusedNeverWrittenThrough(owner: uid_t) {
    let scene = Scene()
    defer { FileSystem.removeTree(scene.base) }
    scene.plant("out", to: scene.victim, owner: owner)
    #expect(FileSystem.write(scene.base + "/out", "new\n"))
    #expect(FileSystem.kind(scene.base + "/out", follow: false) == .file)
    scene.plant("log", to: scene.victim, owner: owner)
    #expect(!FileSystem.append(scene.base + "/log", "more\n"))
    scene.plant("tree", to: scene.elsewhere, owner: owner)
    FileSystem.write(scene.elsewhere + "/keep", "k")
    #expect(FileSystem.removeTree(scene.base + "/tree"))
    #expect(FileSystem.readText(scene.victim) == "secret\n" && FileSystem.list(scene.elsewhere) == ["keep"])
  }

  /// A directory held open (`FileSystem.Directory`) writes as the path API does: a link in a name's place is
  /// replaced or refused, never written through; an existing file keeps its mode; names that leave the
  /// directory are refused.
  @Test(arguments: [geteuid(), other])
  func aHeldDirectoryNeverWritesThroughALink(owner: uid_t) throws {
    let scene = Scene()
    defer { FileSystem.removeTree(scene.base) }
    let directory = try #require(FileSystem.Directory(scene.base))
    scene.plant("out", to: scene.victim, owner: owner)
    #expect(directory.write("out", "new\n"))
    #expect(FileSystem.kind(scene.base + "/out", follow: false) == .file)
    scene.plant("log", to: scene.victim, owner: owner)
    #expect(directory.openForAppend("log") < 0)
    scene.plant("tree", to: scene.elsewhere, owner: owner)
    #expect(directory.subdirectory("tree") == nil && directory.subdirectory("tree", likelyNew: true) == nil)
    for name in ["", ".", "..", "../victim", "a/b"] {
      #expect(!directory.write(name, "x") && !directory.writeAtomically(name, "x"), "\(name)")
      #expect(directory.openForAppend(name) < 0 && directory.subdirectory(name) == nil, "\(name)")
      #expect(directory.subdirectory(name, likelyNew: true) == nil, "\(name)")
    }
    // A new directory is made, an existing one opened, either way round.
    for likelyNew in [true, false, true] {
      #expect(directory.subdirectory("made", likelyNew: likelyNew)?.write("f", "x") == true)
    }
    #expect(FileSystem.kind(scene.base + "/made/f", follow: false) == .file)
    // A path below is walked from the held directory: made, opened again, never absolute nor through `..`.
    #expect(directory.descendant("made/x/y", create: true)?.write("g", "y") == true)
    #expect(directory.descendant("made/x/y")?.holds("g", "y") == true)
    #expect(directory.descendant("made/none") == nil)
    for path in ["/tmp", "made/../made", ".."] { #expect(directory.descendant(path, create: true) == nil, "\(path)") }
    #expect(scene.untouched())
    // `holds` reads a plain file with one name only: never through a link, nor a second name of another file.
    #expect(directory.holds("victim", "secret\n") && !directory.holds("victim", "secret"))
    scene.plant("link", to: scene.victim, owner: owner)
    #expect(!directory.holds("link", "secret\n"))
    #expect(link(scene.victim, scene.base + "/hard") == 0)
    #expect(!directory.holds("hard", "secret\n") && !directory.holds("victim", "secret\n"))
    #expect(directory.remove("hard") && directory.remove("hard") && !FileSystem.exists(scene.base + "/hard"))
    #expect(directory.holds("victim", "secret\n"))
    #expect(directory.write("victim", "replaced\n"))
    var info = stat()
    #expect(stat(scene.victim, &info) == 0 && info.st_mode & 0o777 == 0o600)
    #expect(FileSystem.readText(scene.victim) == "replaced\n")
  }
}
