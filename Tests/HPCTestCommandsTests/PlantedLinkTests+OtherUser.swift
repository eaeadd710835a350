import Glibc
import HPCBasics
import Testing

/// The same attacks made for real by a second, unprivileged user (created with `useradd` when missing; acting
/// through `setpriv`): the user plants links and directories in a sticky, world-writable workdir root like
/// `/var/tmp`, then root runs hpctest there. Root must refuse or replace what was planted, write nothing outside
/// its own run directory, and leave a root-owned 0600 canary unchanged.
extension PlantedLinkTests {
  static let intruder = "hpctest-intruder"

  /// The intruder's uid and gid, after creating the user when it does not exist; nil when that fails.
  static func intruderIDs() -> (uid: uid_t, gid: gid_t)? {
    if getpwnam(intruder) == nil {
      _ = system("useradd --system --no-create-home --shell /usr/sbin/nologin \(intruder) >/dev/null 2>&1")
    }
    guard let entry = getpwnam(intruder) else { return nil }
    return (entry.pointee.pw_uid, entry.pointee.pw_gid)
  }

  /// Runs `script` with /bin/sh as the intruder; its exit status.
  static func asIntruder(_ script: String) -> Int32 {
    guard let ids = intruderIDs() else { return -1 }
    let quoted = "'" + script.replacing("'", with: "'\\''") + "'"
    let raw = system("setpriv --reuid=\(ids.uid) --regid=\(ids.gid) --clear-groups /bin/sh -c \(quoted)")
    return (raw >> 8) & 0xff
  }

  /// A sticky shared root, a trap directory the intruder owns, and what they planted in the shared root.
  struct Planted {
    let scene = Scene()
    var shared: String { scene.base + "/shared" }
    var trap: String { shared + "/trap" }

    init() {
      chmod(scene.base, 0o755)
      FileSystem.makeDirectories(shared)
      chmod(shared, 0o1777)
      let plant = """
        set -e; cd '\(shared)'; mkdir '\(trap)'
        ln -s '\(scene.victim)' last-run; ln -s '\(trap)' run-001
        mkdir run-002; ln -s '\(trap)' run-002/scripts; ln -s '\(trap)' run-002/plans
        ln -s '\(scene.victim)' junit.xml; ln -s '\(trap)' reports; mkdir mine
        for suffix in AAAAAA aaaaaa 000000 XXXXXX; do ln -s '\(scene.victim)' junit.xml.tmp-$suffix; done
        """
      let status = PlantedLinkTests.asIntruder(plant)
      precondition(status == 0, "planting failed: \(status)")
    }

    func run(_ extra: [String]) -> EndToEndTests.Outcome {
      EndToEndTests.hpctest(["--root", scene.tree, "run", "--workdir-root", shared] + extra, in: scene.tree)
    }

    /// The canary is unchanged and the intruder's trap holds nothing root wrote.
    func intact() -> Bool { scene.victimIntact() && FileSystem.list(trap) == [] }
  }

  @Test(.enabled(if: geteuid() == 0 && FileSystem.exists("/usr/bin/setpriv")))
  func linksPlantedByAnotherUserAreNeverFollowed() throws {
    let planted = Planted()
    defer { planted.scene.remove() }
    let first = planted.run(["-a"])
    #expect(first.status == 0, "\(first.output)")
    #expect(planted.intact())
    let last = try #require(FileSystem.readLink(planted.shared + "/last-run"))
    #expect(last.hasPrefix(planted.shared + "/run-") && FileSystem.kind(last, follow: false) == .directory)
    #expect(last != planted.shared + "/run-001" && last != planted.shared + "/run-002")
    let reopened = planted.run(["--last", "report", "-h", "junit", "--file", planted.scene.base + "/last.xml"])
    #expect(reopened.status == 0, "last-run is now root's own link: \(reopened.output)")
    let reused = planted.run(["--id", "run-002", "-a"])
    #expect(reused.status == 2 && reused.output.contains("refusing"), "\(reused.output)")
    #expect(planted.intact())
  }

  @Test(.enabled(if: geteuid() == 0 && FileSystem.exists("/usr/bin/setpriv")))
  func reportFilesNeitherFollowNorReusePlantedNames() {
    let planted = Planted()
    defer { planted.scene.remove() }
    let junit = planted.shared + "/junit.xml"
    #expect(planted.run(["-a", "report", "-h", "junit", "--file", junit]).status == 0)
    #expect(FileSystem.kind(junit, follow: false) == .file && Self.mode(junit) == 0o644)
    #expect(FileSystem.readText(junit)?.contains("<testsuites") == true)
    let decoys = (FileSystem.list(planted.shared) ?? []).filter { $0.hasPrefix("junit.xml.tmp-") }
    #expect(decoys.count == 4, "the planted temporaries are left alone: \(decoys)")
    let through = planted.run(["-a", "report", "-h", "junit", "--file", planted.shared + "/reports/junit.xml"])
    #expect(
      through.status == 2 && through.output.contains("Failed to write the output"),
      "another user's link is not followed")
    #expect(planted.intact())
  }

  @Test(.enabled(if: geteuid() == 0 && FileSystem.exists("/usr/bin/setpriv")))
  func aWorkdirRootMadeByAnotherUserIsRefused() {
    let planted = Planted()
    defer { planted.scene.remove() }
    let outcome = EndToEndTests.hpctest(
      ["--root", planted.scene.tree, "run", "--workdir-root", planted.shared + "/mine", "-a"], in: planted.scene.tree)
    #expect(outcome.status == 2 && outcome.output.contains("refusing workdir root"), "\(outcome.output)")
    #expect(FileSystem.list(planted.shared + "/mine") == [])
    #expect(planted.intact())
  }

  @Test(.enabled(if: geteuid() == 0 && FileSystem.exists("/usr/bin/setpriv")))
  func anUnreadableDirectoryOrFileIsALocatedError() {
    let scene = Scene()
    defer { scene.remove() }
    chmod(scene.base, 0o755)
    FileSystem.makeDirectories(scene.tree + "/closed")
    FileSystem.write(scene.tree + "/closed/main.fmf", "test: ./t.sh\n")
    chmod(scene.tree + "/closed", 0o700)
    FileSystem.write(scene.base + "/out", "")
    if let ids = Self.intruderIDs() { chown(scene.base + "/out", ids.uid, ids.gid) }
    let command = "'\(EndToEndTests.binary)' --root '\(scene.tree)' tests ls >'\(scene.base)/out' 2>&1"
    #expect(Self.asIntruder(command) == 2)
    let directory = FileSystem.readText(scene.base + "/out") ?? ""
    #expect(directory.contains("closed: error: Failed to read directory"), "\(directory)")
    chmod(scene.tree + "/closed", 0o755)
    chmod(scene.tree + "/closed/main.fmf", 0o600)
    #expect(Self.asIntruder(command) == 2)
    let file = FileSystem.readText(scene.base + "/out") ?? ""
    #expect(file.contains("closed/main.fmf: error: Failed to read"), "\(file)")
  }
}
