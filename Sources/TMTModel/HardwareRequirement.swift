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
  /// For sizes and numbers with units: the magnitude and unit as written or defaulted (`8` `GB`, `8192` `MiB`).
  public var quantity: HardwareQuantity?

  /// Creates a constraint.
  public init(
    name: String, op: HardwareOperator, raw: String, value: HardwareValue, quantity: HardwareQuantity? = nil
  ) {
    self.name = name
    self.op = op
    self.raw = raw
    self.value = value
    self.quantity = quantity
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
  /// `boot.method: != x`: the value list is not exactly `[x]`.
  case notContainsExclusive = "not contains exclusive"
}

/// A magnitude with its unit, as pint keeps it (`8 GB`, `2.5 GHz`).
public struct HardwareQuantity: Sendable, Hashable {
  /// The magnitude: an integer when written as one.
  public var magnitude: Double
  /// True when the magnitude was an integer (`8`, not `8.0`).
  public var isInteger: Bool
  /// pint's abbreviated unit (`GB`, `GiB`, `MiB`, `MHz`, `B`).
  public var unit: String

  /// Creates a quantity.
  public init(magnitude: Double, isInteger: Bool, unit: String) {
    self.magnitude = magnitude
    self.isInteger = isInteger
    self.unit = unit
  }

  /// `8 GB`, `2.5 GHz`, as pint prints it.
  public var description: String {
    (isInteger ? String(Int(magnitude)) : PythonText.float(magnitude)) + " " + unit
  }
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
