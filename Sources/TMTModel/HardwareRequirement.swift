/// A parsed TMT `hardware:` requirement tree (spec: tmt `spec/hardware/*.fmf`).
public indirect enum HardwareRequirement: Sendable, Hashable {
  /// Every child must hold.
  case and([HardwareRequirement])
  /// At least one child must hold.
  case or([HardwareRequirement])
  /// One leaf constraint.
  case constraint(HardwareConstraint)
}

/// One leaf such as `gpu.device-name: ~ H200` or `memory: >= 8 GB`.
public struct HardwareConstraint: Sendable, Hashable {
  /// tmt's dotted name: `gpu.vendor`, `cpu.cores`, `network[0].type`, `memory`; hpctest extensions start
  /// with `hpctest.` (see README).
  public var name: String
  /// The comparison.
  public var op: HardwareOperator
  /// The value text after the operator, as written (`8 GB`, `H200`).
  public var raw: String
  /// The typed value.
  public var value: HardwareValue

  /// Creates a constraint.
  public init(name: String, op: HardwareOperator, raw: String, value: HardwareValue) {
    self.name = name
    self.op = op
    self.raw = raw
    self.value = value
  }
}

/// Operators allowed in hardware requirements.
public enum HardwareOperator: String, Sendable, Hashable, CaseIterable {
  case equal = "=="
  case notEqual = "!="
  case greater = ">"
  case greaterOrEqual = ">="
  case less = "<"
  case lessOrEqual = "<="
  case match = "~"
  case notMatch = "!~"
  case contains = "contains"
  case notContains = "not contains"
}

/// Typed requirement values.
public enum HardwareValue: Sendable, Hashable {
  case text(String)
  case integer(Int)
  case number(Double)
  /// A size in bytes (`8 GB` = 8e9, `8 GiB` = 2^33; bare numbers in the key's default unit).
  case size(bytes: Double)
  case flag(Bool)
}
