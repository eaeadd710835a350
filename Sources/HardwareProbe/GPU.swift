/// Who made a GPU.
public enum GPUVendor: String, Sendable, Hashable {
  case nvidia, intel
}

/// One GPU: its PCI function plus vendor extras.
public struct GPU: Sendable, Hashable {
  /// Position in address order (0-based), as `nvidia-smi` and `xpu-smi` number devices on most hosts.
  public var index: Int
  /// PCI address of the GPU function.
  public var address: PCIAddress
  /// Vendor.
  public var vendor: GPUVendor
  /// PCI device id.
  public var deviceID: UInt16
  /// Marketing name (driver's report, else hpctest's table, else pci.ids).
  public var name: String
  /// Bound driver (`nvidia`, `i915`, `xe`).
  public var driver: String?
  /// NUMA node, nil when unknown.
  public var numaNode: Int?
  /// The GPU function's own current link.
  public var link: PCILink?
  /// The GPU function's own maximum link.
  public var linkCapability: PCILink?
  /// The port whose link is the card's real link: the on-card switch's upstream port for Intel cards, nil when the
  /// GPU function itself is on the host link.
  public var upstreamPort: PCIAddress?
  /// The effective current link (the upstream port's when there is one).
  public var effectiveLink: PCILink?
  /// The effective maximum link.
  public var effectiveLinkCapability: PCILink?
  /// NVIDIA extras from `/proc/driver/nvidia/gpus/<addr>/information`.
  public var nvidia: NVIDIAGPUInfo?
  /// Intel extras from `/sys/class/drm/card*`.
  public var intel: IntelGPUInfo?
}

/// What the NVIDIA driver reports per GPU.
public struct NVIDIAGPUInfo: Sendable, Hashable {
  /// `Model` (`NVIDIA H200`).
  public var model: String?
  /// `GPU UUID`.
  public var uuid: String?
  /// `Video BIOS`.
  public var videoBIOS: String?
  /// `Device Minor` (the N of /dev/nvidiaN).
  public var minor: Int?
  /// `GPU Firmware` (GSP firmware version).
  public var firmware: String?
  /// `GPU Excluded` is `Yes`.
  public var excluded: Bool
  /// `Bus Location` as the driver prints it.
  public var busLocation: String?
}

/// What the i915/xe driver exposes per Intel card.
public struct IntelGPUInfo: Sendable, Hashable {
  /// DRM card name (`card1`).
  public var card: String
  /// Tiles (xe `tile*`, i915 `gt/gt*`), at least 1.
  public var tiles: Int
  /// Frequencies per GT.
  public var gts: [IntelGT]
}

/// Frequencies of one Intel GT (graphics tile engine), MHz.
public struct IntelGT: Sendable, Hashable {
  /// `tile0/gt0` (xe) or `gt0` (i915).
  public var name: String
  /// Minimum frequency.
  public var minMHz: Int?
  /// Maximum frequency.
  public var maxMHz: Int?
  /// Current requested frequency.
  public var currentMHz: Int?
  /// Actual frequency.
  public var actualMHz: Int?
  /// RP0 (hardware maximum).
  public var rp0MHz: Int?
  /// RPn (hardware minimum).
  public var rpnMHz: Int?
}
