import Executors
import HPCBasics
import TMTModel

/// Small files that say hpctest is running, with its pid and start time, so that one whose hpctest no longer runs
/// means hpctest was killed (`kill -9`, a crash, a power cut). `<run>/running` exists while a run executes tests
/// (written before, removed after): when stale, the next run of the directory continues the killed run.
/// `<execute>/data/guest/<guest>/running` names the test that is running on a guest (rewritten in place before
/// each test, removed when the guest's execution ends): when stale and that test is still `pending`, the next run
/// of the directory, or `report --last`, records it `error` with the note "hpctest was killed". Separate from
/// results.yaml, which never waits on them.
struct RunningMarker {
  /// What a marker says.
  struct Entry: Equatable {
    var pid: Int32
    var startTime: UInt64
    var guest: String
    var serial: Int?
    var name: String?
  }

  /// The marker file.
  var path: String
  /// The guest it belongs to.
  var guest: String
  /// The marker file, held open by `opened()` for an execution's many rewrites (in place, one `pwrite` each).
  private var file: FileSystem.Rewriter?

  /// The marker of `context`'s guest.
  init(context: PlanContext) {
    path = context.executeDirectory + "/data/guest/" + SafeName.relativePath(context.guest) + "/running"
    guest = context.guest
  }

  private init(path: String, guest: String) {
    self.path = path
    self.guest = guest
  }

  /// The marker of the whole run.
  init(run: RunDirectory) {
    path = run.path + "/running"
    guest = ""
  }

  /// True when the marker exists and the hpctest that wrote it no longer runs.
  var isStale: Bool {
    guard let text = FileSystem.readText(path), let entry = Self.parse(text) else { return false }
    return ProcessControl.startTime(of: entry.pid) != entry.startTime
  }

  /// The same marker with its directory made and the file held open, so each `record` is one `pwrite`.
  func opened() -> RunningMarker {
    var marker = self
    marker.file = FileSystem.Directory(Path.dirname(path), create: true)?.rewriter(Path.basename(path))
    return marker
  }

  /// Records that `test` is about to start (nil: the run marker).
  func record(_ test: DiscoveredTest?) {
    var text = "pid: \(ProcessControl.ownPID)\nstart-time: \(Self.ownStartTime)\nguest: \(guest)\n"
    if let test { text += "serial-number: \(test.serial)\nname: \(test.test.name)\n" }
    if let file {
      file.rewrite(text)
      return
    }
    FileSystem.makeDirectories(Path.dirname(path))
    FileSystem.writeAtomically(path, text, durable: false)
  }

  /// This process's start time, read once.
  private static let ownStartTime = ProcessControl.startTime(of: ProcessControl.ownPID) ?? 0

  /// The execution ended normally (finished, stopped or interrupted): no marker is left.
  func remove() { FileSystem.removeTree(path) }

  /// Every marker under `executeDirectory` whose hpctest no longer runs.
  static func stale(in executeDirectory: String) -> [Entry] {
    let guests = executeDirectory + "/data/guest"
    return (FileSystem.list(guests) ?? []).sorted().compactMap { directory in
      let marker = RunningMarker(path: guests + "/" + directory + "/running", guest: "")
      guard marker.isStale, let text = FileSystem.readText(marker.path) else { return nil }
      return parse(text)
    }
  }

  /// `results` with the test each stale guest marker names (still `pending`, on the marker's guest) made `error`
  /// with the note "hpctest was killed".
  static func recover(_ results: [TestResult], executeDirectory: String) -> [TestResult] {
    let stale = stale(in: executeDirectory)
    return results.map { result in
      guard result.result == .pending,
        stale.contains(where: {
          $0.serial == result.serialNumber && $0.name == result.name && $0.guest == result.guest.name
        })
      else { return result }
      var killed = result
      killed.result = .error
      killed.originalResult = .error
      killed.note = ["hpctest was killed"]
      return killed
    }
  }

  private static func parse(_ text: String) -> Entry? {
    var fields: [String: String] = [:]
    for line in text.split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      fields[String(line[..<colon])] = String(line[line.index(after: colon)...].dropFirst())
    }
    guard let pid = fields["pid"].flatMap({ Int32($0) }), let start = fields["start-time"].flatMap({ UInt64($0) }),
      let guest = fields["guest"]
    else { return nil }
    return Entry(
      pid: pid, startTime: start, guest: guest, serial: fields["serial-number"].flatMap { Int($0) },
      name: fields["name"])
  }
}
