import HPCBasics
internal import Synchronization

/// Where hpctest makes one cgroup v2 per test: a child of its own cgroup (`0::PATH` in `/proc/self/cgroup`) under
/// the cgroup2 mount (`/proc/self/mountinfo`: `/sys/fs/cgroup` on a unified host, `/sys/fs/cgroup/unified` on a
/// hybrid one). Children are named `hpctest-<pid>-<n>`; one whose hpctest is gone (killed together with its
/// supervisor) is killed and removed the next time a cgroup is created here.
struct CgroupTree: Sendable {
  /// hpctest's own cgroup directory.
  let base: String

  /// The tree of this process, nil when there is no cgroup2 mount or no own cgroup v2 path.
  static let current: CgroupTree? = locate()

  private static let counter = Atomic<Int>(0)
  private static let swept: Bool = {
    current?.sweepStale()
    return true
  }()

  /// A new, empty child cgroup; nil when it cannot be made here (no permission, read-only mount).
  func create() -> String? {
    _ = Self.swept
    let path = "\(base)/hpctest-\(ProcessControl.ownPID)-\(Self.counter.add(1, ordering: .relaxed).newValue)"
    return ProcessControl.makeDirectory(path) ? path : nil
  }

  /// Kills whatever is left in `path` (`cgroup.kill`) and removes it; retried while the kernel still lists
  /// members (bounded: 2 s). False when it could not be removed.
  @discardableResult
  static func remove(_ path: String) async -> Bool {
    for _ in 0..<200 {
      switch ProcessControl.removeDirectory(path) {
      case .removed: return true
      case .failed: return false
      case .busy: kill(path)
      }
      await Task.detached { try? await Task.sleep(for: .milliseconds(10)) }.value
    }
    return false
  }

  /// SIGKILL to every member of `path` (`cgroup.kill`; without it, each pid of `cgroup.procs`).
  static func kill(_ path: String) {
    if FileSystem.write(path + "/cgroup.kill", "1") { return }
    for pid in (FileSystem.readText(path + "/cgroup.procs") ?? "").split(separator: "\n").compactMap({ Int32($0) }) {
      ProcessControl.signal(pid, ProcessControl.killSignal)
    }
  }

  /// Children of `base` left by an hpctest that no longer runs: killed and removed.
  func sweepStale() {
    for name in FileSystem.list(base) ?? [] where name.hasPrefix("hpctest-") {
      let parts = name.split(separator: "-")
      guard parts.count == 3, let owner = Int32(parts[1]), !ProcessControl.exists(owner) else { continue }
      let path = base + "/" + name
      Self.kill(path)
      for _ in 0..<100 where ProcessControl.removeDirectory(path) == .busy { ProcessControl.pause(milliseconds: 10) }
    }
  }

  private static func locate() -> CgroupTree? {
    let proc = ProcessControl.procRoot
    guard
      let own = FileSystem.readText(proc + "/self/cgroup")?.split(separator: "\n").first(where: { $0.hasPrefix("0::") })
    else { return nil }
    let path = String(own.dropFirst(3))
    for line in (FileSystem.readText(proc + "/self/mountinfo") ?? "").split(separator: "\n") {
      guard let separator = line.firstRange(of: " - ") else { continue }
      let fields = line[..<separator.lowerBound].split(separator: " ")
      guard line[separator.upperBound...].hasPrefix("cgroup2 "), fields.count >= 5 else { continue }
      let root = unescape(fields[3])
      let mount = unescape(fields[4])
      guard path == root || path.hasPrefix(root == "/" ? "/" : root + "/") else { continue }
      let relative = root == "/" ? path : String(path.dropFirst(root.count))
      return CgroupTree(base: relative == "/" ? mount : mount + relative)
    }
    return nil
  }

  /// mountinfo's octal escapes (`\040` for a space) decoded.
  private static func unescape(_ field: Substring) -> String {
    var bytes: [UInt8] = []
    var index = field.utf8.startIndex
    let utf8 = field.utf8
    while index < utf8.endIndex {
      let byte = utf8[index]
      let digits = utf8[utf8.index(after: index)...].prefix(3)
      if byte == UInt8(ascii: "\\"), digits.count == 3,
        let value = UInt8(String(decoding: digits, as: UTF8.self), radix: 8)
      {
        bytes.append(value)
        index = utf8.index(index, offsetBy: 4)
      } else {
        bytes.append(byte)
        index = utf8.index(after: index)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
