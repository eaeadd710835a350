/// The kinds of hardware constraint tmt knows (`tmt.hardware.constraints`).
public enum HardwareKind: String, Sendable, Hashable {
  case text = "TextConstraint"
  case integer = "IntegerConstraint"
  case number = "NumberConstraint"
  case size = "SizeConstraint"
  case flag = "FlagConstraint"

  /// Operators allowed when the key does not restrict them further.
  var defaultOperators: [HardwareOperator] {
    switch self {
    case .text: [.equal, .notEqual, .match, .notMatch]
    case .integer, .size: [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]
    case .number: [.equal, .notEqual, .match, .notMatch, .less, .lessOrEqual, .greater, .greaterOrEqual]
    case .flag: [.equal, .notEqual]
    }
  }
}

/// One known requirement: tmt's parser table (`_REQUIREMENT_PARSERS`) plus hpctest's `hpctest.*` keys.
struct HardwareKey {
  /// Dotted name (`cpu.cores`, `disk.size` for indexed keys, `hpctest.gpu.count`).
  var name: String
  var kind: HardwareKind
  /// Operators allowed; nil means the kind's defaults.
  var operators: [HardwareOperator]? = nil
  /// Unit for bare numbers (`MiB` for memory, `MHz` for cpu.frequency); sizes default to bytes.
  var defaultUnit: String? = nil
  /// `disk` and `network` entries are lists indexed `disk[0].size`.
  var indexed = false
  /// How list-valued and special keys are handled.
  var special: Special = .none

  enum Special { case none, bootMethod, compatibleDistro, cpuFlag }

  /// The table, keyed by dotted name.
  static let table: [String: HardwareKey] = {
    var keys: [HardwareKey] = [
      HardwareKey(name: "arch", kind: .text), HardwareKey(name: "hostname", kind: .text),
      HardwareKey(name: "memory", kind: .size, defaultUnit: "MiB"),
      HardwareKey(name: "beaker.panic-watchdog", kind: .flag),
      HardwareKey(name: "beaker.pool", kind: .text, operators: [.equal, .notEqual]),
      HardwareKey(name: "cpu.hyper-threading", kind: .flag, operators: [.equal, .notEqual]),
      HardwareKey(name: "cpu.frequency", kind: .number, defaultUnit: "MHz"),
      HardwareKey(name: "boot.method", kind: .text, operators: [.equal, .notEqual], special: .bootMethod),
      HardwareKey(name: "compatible.distro", kind: .text, special: .compatibleDistro),
      HardwareKey(name: "cpu.flag", kind: .text, special: .cpuFlag),
      HardwareKey(name: "iommu.is-supported", kind: .flag), HardwareKey(name: "iommu.model-name", kind: .text),
      HardwareKey(name: "location.lab-controller", kind: .text),
      HardwareKey(name: "system.model", kind: .integer), HardwareKey(name: "system.numa-nodes", kind: .integer),
      HardwareKey(name: "system.model-name", kind: .text), HardwareKey(name: "system.type", kind: .text),
      HardwareKey(name: "system.vendor", kind: .integer), HardwareKey(name: "system.vendor-name", kind: .text),
      HardwareKey(
        name: "tpm.version", kind: .text,
        operators: [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]),
      HardwareKey(name: "virtualization.is-virtualized", kind: .flag),
      HardwareKey(name: "virtualization.is-supported", kind: .flag),
      HardwareKey(name: "virtualization.confidential", kind: .flag),
      HardwareKey(name: "virtualization.hypervisor", kind: .text),
      HardwareKey(name: "zcrypt.adapter", kind: .text), HardwareKey(name: "zcrypt.mode", kind: .text),
    ]
    for child in [
      "cores", "cores-per-socket", "family", "model", "processors", "sockets", "threads",
      "threads-per-core", "vendor", "stepping",
    ] {
      keys.append(HardwareKey(name: "cpu." + child, kind: .integer))
    }
    for child in ["family-name", "model-name", "vendor-name"] {
      keys.append(HardwareKey(name: "cpu." + child, kind: .text))
    }
    keys += devices("device", indexed: false) + devices("gpu", indexed: false) + devices("network", indexed: true)
    keys.append(HardwareKey(name: "network.type", kind: .text, indexed: true))
    for child in ["size", "logical-sector-size", "physical-sector-size"] {
      keys.append(HardwareKey(name: "disk." + child, kind: .size, indexed: true))
    }
    for child in ["model-name", "driver"] {
      keys.append(HardwareKey(name: "disk." + child, kind: .text, indexed: true))
    }
    keys += extensions
    return Dictionary(keys.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
  }()

  /// `vendor`, `vendor-name`, `device`, `device-name`, `driver` under `prefix`.
  private static func devices(_ prefix: String, indexed: Bool) -> [HardwareKey] {
    [
      HardwareKey(name: prefix + ".vendor", kind: .integer, indexed: indexed),
      HardwareKey(name: prefix + ".vendor-name", kind: .text, indexed: indexed),
      HardwareKey(name: prefix + ".device", kind: .integer, indexed: indexed),
      HardwareKey(name: prefix + ".device-name", kind: .text, indexed: indexed),
      HardwareKey(name: prefix + ".driver", kind: .text, indexed: indexed),
    ]
  }

  /// hpctest's own keys (see README.md, "Hardware extensions"); tmt does not know them.
  static let extensions: [HardwareKey] = [
    HardwareKey(name: "hpctest.gpu.count", kind: .integer),
    HardwareKey(name: "hpctest.gpu.memory", kind: .size, defaultUnit: "MiB"),
    HardwareKey(name: "hpctest.gpu.link-count", kind: .integer),
    HardwareKey(name: "hpctest.sriov.vfs", kind: .integer),
    HardwareKey(name: "hpctest.sriov.total-vfs", kind: .integer),
    HardwareKey(name: "hpctest.infiniband.ports", kind: .integer),
    HardwareKey(
      name: "hpctest.infiniband.rate", kind: .number, operators: HardwareKind.integer.defaultOperators,
      defaultUnit: "Gb/s"),
    HardwareKey(name: "hpctest.infiniband.state", kind: .text),
    HardwareKey(name: "hpctest.infiniband.link-layer", kind: .text),
    HardwareKey(name: "hpctest.pcie.min-width", kind: .integer),
    HardwareKey(
      name: "hpctest.pcie.min-speed", kind: .number, operators: HardwareKind.integer.defaultOperators,
      defaultUnit: "GT/s"),
    HardwareKey(name: "hpctest.numa.nodes", kind: .integer),
  ]
}
