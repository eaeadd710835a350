import Executors
import HPCBasics
import TMTModel

/// `<execute>/data/guest/<guest>/running`: which test hpctest is running on a guest. Rewritten atomically before
/// each test starts and after its result is saved (then naming no test), removed when the guest's execution ends.
/// It records hpctest's pid and start time, so a marker whose hpctest no longer runs means hpctest was killed
/// (`kill -9`, a crash, a power cut) while that test ran: the next run of the same directory, or `report --last`,
/// records that test `error` with the note "hpctest was killed". A separate small file, so the per-test results
/// never wait on it.
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

  /// The marker of `context`'s guest.
  init(context: PlanContext) {
    path = context.executeDirectory + "/data/guest/" + SafeName.relativePath(context.guest) + "/running"
    guest = context.guest
  }

  /// Records that `test` is about to start (nil: no test runs on this guest now).
  func record(_ test: DiscoveredTest?) {
    let pid = ProcessControl.ownPID
    var text = "pid: \(pid)\nstart-time: \(ProcessControl.startTime(of: pid) ?? 0)\nguest: \(guest)\n"
    if let test { text += "serial-number: \(test.serial)\nname: \(test.test.name)\n" }
    FileSystem.makeDirectories(Path.dirname(path))
    FileSystem.writeAtomically(path, text, durable: false)
  }

  /// The guest's execution ended normally (finished, stopped or interrupted): no marker is left.
  func remove() { FileSystem.removeTree(path) }

  /// Every marker under `executeDirectory` whose hpctest no longer runs.
  static func stale(in executeDirectory: String) -> [Entry] {
    let guests = executeDirectory + "/data/guest"
    return (FileSystem.list(guests) ?? []).sorted().compactMap { directory in
      guard let text = FileSystem.readText(guests + "/" + directory + "/running"), let entry = parse(text) else {
        return nil
      }
      return ProcessControl.startTime(of: entry.pid) == entry.startTime ? nil : entry
    }
  }

  /// `results` with the test each stale marker names (still `pending`, on the marker's guest) made `error` with
  /// the note "hpctest was killed"; nil when no marker is stale.
  static func recover(_ results: [TestResult], executeDirectory: String) -> [TestResult]? {
    let stale = stale(in: executeDirectory)
    guard !stale.isEmpty else { return nil }
    return results.map { result in
      guard result.result == .pending,
        stale.contains(where: { $0.serial == result.serialNumber && $0.name == result.name && $0.guest == result.guest.name })
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
    return Entry(pid: pid, startTime: start, guest: guest, serial: fields["serial-number"].flatMap { Int($0) },
      name: fields["name"])
  }
}
