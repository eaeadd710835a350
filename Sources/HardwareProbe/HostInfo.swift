/// CPU, memory and architecture of the host.
public struct HostInfo: Sendable, Hashable {
  /// Machine architecture (`x86_64`, `aarch64`), nil when it cannot be told.
  public var arch: String?
  /// CPU facts from `/proc/cpuinfo`.
  public var cpu: CPUInfo
  /// `MemTotal` from `/proc/meminfo`, in bytes.
  public var memoryBytes: UInt64?
  /// NUMA nodes from `/sys/devices/system/node/node*`.
  public var numaNodes: [Int]
  /// NVIDIA driver version (`/sys/module/nvidia/version`, else `/proc/driver/nvidia/version`).
  public var nvidiaDriver: String?
}

/// What `/proc/cpuinfo` says.
public struct CPUInfo: Sendable, Hashable {
  /// Logical processors (`processor` entries).
  public var processors: Int
  /// Physical cores (distinct `physical id`/`core id` pairs; processors when not listed).
  public var cores: Int
  /// Sockets (distinct `physical id`; 1 when not listed).
  public var sockets: Int
  /// Threads per core (processors ÷ cores).
  public var threadsPerCore: Int
  /// `model name` (x86) or the Arm core name from `CPU part`.
  public var modelName: String?
  /// `vendor_id` (x86) or the Arm implementer's name.
  public var vendor: String?
  /// `cpu family` (x86).
  public var family: Int?
  /// `model` (x86) or `CPU part` (Arm).
  public var model: Int?
  /// `stepping` (x86).
  public var stepping: Int?
  /// `flags` (x86) or `Features` (Arm) of the first processor.
  public var flags: [String]
}
