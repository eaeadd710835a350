import HPCBasics

#if canImport(Glibc)
  import Glibc
#endif

/// Reads `/proc/cpuinfo`, `/proc/meminfo`, NUMA nodes and the architecture under a root.
enum HostReader {
  /// The host facts under `root`.
  static func read(root: SystemRoot) -> HostInfo {
    let cpuinfo = Sysfs.text(root.resolve("/proc/cpuinfo")) ?? ""
    let cpu = CPUInfoParser.parse(cpuinfo)
    let nodes = Sysfs.list(root.resolve("/sys/devices/system/node")).compactMap { name in
      name.hasPrefix("node") ? Int(name.dropFirst(4)) : nil
    }.sorted()
    return HostInfo(
      arch: arch(root: root, cpuinfo: cpuinfo), cpu: cpu,
      memoryBytes: Sysfs.text(root.resolve("/proc/meminfo")).flatMap(memTotal), numaNodes: nodes,
      nvidiaDriver: nvidiaDriver(root: root))
  }

  /// The architecture: `proc/sys/kernel/arch` under the root, then (live system) uname(2), then a recorded
  /// `commands/uname.txt` (`uname -a` or `uname -m` output), then a guess from `/proc/cpuinfo`.
  static func arch(root: SystemRoot, cpuinfo: String) -> String? {
    if let text = Sysfs.text(root.resolve("/proc/sys/kernel/arch")), !text.isEmpty { return text }
    if root.isLive { return liveMachine() }
    if let text = Sysfs.text(root.resolve("/commands/uname.txt")), let arch = archFromUname(text) { return arch }
    return CPUInfoParser.guessArch(cpuinfo)
  }

  /// The machine field of `uname -a` / `uname -m` output.
  static func archFromUname(_ text: String) -> String? {
    let known = ["x86_64", "aarch64", "arm64", "ppc64le", "ppc64", "s390x", "riscv64", "i686", "armv7l"]
    return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init).first { known.contains($0) }
  }

  private static func liveMachine() -> String? {
    var name = utsname()
    guard uname(&name) == 0 else { return nil }
    return withUnsafePointer(to: name.machine) {
      $0.withMemoryRebound(to: CChar.self, capacity: 65) { String(cString: $0) }
    }
  }

  /// `MemTotal:  131981020 kB` → bytes.
  static func memTotal(_ text: String) -> UInt64? {
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") }) else { return nil }
    let fields = line.split(separator: " ")
    guard fields.count >= 2, let value = UInt64(fields[1]) else { return nil }
    return fields.count >= 3 && fields[2] == "kB" ? value * 1024 : value
  }

  private static func nvidiaDriver(root: SystemRoot) -> String? {
    if let version = Sysfs.text(root.resolve("/sys/module/nvidia/version")), !version.isEmpty { return version }
    return Sysfs.text(root.resolve("/proc/driver/nvidia/version")).flatMap(NVIDIAInformation.driverVersion)
  }
}
