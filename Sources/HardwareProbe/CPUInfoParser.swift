/// Parses `/proc/cpuinfo` of x86 and Arm kernels.
enum CPUInfoParser {
  /// Arm implementer codes.
  static let armImplementers: [Int: String] = [
    0x41: "ARM", 0x42: "Broadcom", 0x43: "Cavium", 0x48: "HiSilicon", 0x4e: "NVIDIA", 0x50: "APM",
    0x51: "Qualcomm", 0x61: "Apple", 0xc0: "Ampere",
  ]
  /// Arm core names by `CPU part` (implementer ARM).
  static let armParts: [Int: String] = [
    0xd0c: "Neoverse-N1", 0xd40: "Neoverse-V1", 0xd49: "Neoverse-N2", 0xd4f: "Neoverse-V2", 0xd8e: "Neoverse-N3",
    0xd84: "Neoverse-V3", 0xd08: "Cortex-A72", 0xd0b: "Cortex-A76",
  ]

  /// The processor blocks as key → value tables.
  static func blocks(_ text: String) -> [[String: String]] {
    var result: [[String: String]] = []
    var current: [String: String] = [:]
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      guard let colon = line.firstIndex(of: ":") else {
        if line.allSatisfy({ $0 == " " || $0 == "\t" }) && !current.isEmpty {
          result.append(current)
          current = [:]
        }
        continue
      }
      let key = line[..<colon].trimmingCharacters(in: " \t")
      current[key] = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
    }
    if !current.isEmpty { result.append(current) }
    return result
  }

  /// The CPU facts; an empty or garbage file gives zeros and nils.
  static func parse(_ text: String) -> CPUInfo {
    let processors = blocks(text).filter { $0["processor"] != nil }
    let first = processors.first ?? [:]
    let sockets = Set(processors.compactMap { $0["physical id"] })
    let cores = Set(processors.compactMap { block in block["core id"].map { (block["physical id"] ?? "") + "/" + $0 } })
    let coreCount = cores.isEmpty ? processors.count : cores.count
    let implementer = first["CPU implementer"].flatMap { Sysfs.parseHex($0) }.map { Int($0) }
    let part = first["CPU part"].flatMap { Sysfs.parseHex($0) }.map { Int($0) }
    return CPUInfo(
      processors: processors.count, cores: coreCount, sockets: max(sockets.count, processors.isEmpty ? 0 : 1),
      threadsPerCore: coreCount > 0 ? max(processors.count / coreCount, 1) : 0,
      modelName: first["model name"] ?? (implementer == 0x41 ? part.flatMap { armParts[$0] } : nil),
      vendor: first["vendor_id"] ?? implementer.flatMap { armImplementers[$0] },
      family: first["cpu family"].flatMap { Int($0) }, model: first["model"].flatMap { Int($0) } ?? part,
      stepping: first["stepping"].flatMap { Int($0) },
      flags: (first["flags"] ?? first["Features"] ?? "").split(separator: " ").map(String.init))
  }

  /// A guess from the file's shape: `CPU architecture: 8` → aarch64, x86 `flags` with `lm` → x86_64.
  static func guessArch(_ text: String) -> String? {
    let first = blocks(text).first ?? [:]
    if first["CPU architecture"] == "8" { return "aarch64" }
    if let flags = first["flags"] { return flags.split(separator: " ").contains("lm") ? "x86_64" : "i686" }
    if first["isa"]?.hasPrefix("rv64") == true { return "riscv64" }
    return nil
  }
}
