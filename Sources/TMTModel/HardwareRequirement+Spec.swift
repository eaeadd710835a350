public import HPCBasics
public import YAML

extension HardwareConstraint {
  /// The value as tmt prints it (`8 GB`, `4318`, `False`, `H100`).
  public var valueText: String {
    if let quantity { return quantity.description }
    switch value {
    case .text(let text): return text
    case .integer(let number): return String(number)
    case .number(let number): return PythonText.float(number)
    case .size(let bytes): return PythonText.float(bytes) + " B"
    case .flag(let flag): return flag ? "True" : "False"
    }
  }

  /// tmt's `str(constraint)`: `memory: >= 8 GB`.
  public var description: String { "\(name): \(op.rawValue) \(valueText)" }

  /// tmt's constraint class name.
  public var kind: HardwareKind {
    switch value {
    case .text: .text
    case .integer: .integer
    case .number: .number
    case .size: .size
    case .flag: .flag
    }
  }

  /// The conformance leaf: name, operator, type, raw, value (magnitude/unit for quantities), bytes for sizes.
  public var leaf: YAMLNode {
    var pairs: [(String, YAMLNode)] = [
      ("name", .text(name)), ("operator", .text(op.rawValue)), ("type", .text(kind.rawValue)), ("raw", .text(raw)),
    ]
    if let quantity {
      let magnitude: YAMLNode =
        quantity.isInteger ? YAMLNode(.int(Int(quantity.magnitude))) : YAMLNode(.float(quantity.magnitude))
      pairs.append(("value", .map([("magnitude", magnitude), ("unit", .text(quantity.unit))])))
      if case .size(let bytes) = value { pairs.append(("bytes", YAMLNode(.int(Int(bytes))))) }
    } else {
      switch value {
      case .text(let text): pairs.append(("value", .text(text)))
      case .integer(let number): pairs.append(("value", YAMLNode(.int(number))))
      case .flag(let flag): pairs.append(("value", YAMLNode(.bool(flag))))
      case .number(let number): pairs.append(("value", YAMLNode(.float(number))))
      case .size(let bytes): pairs.append(("value", YAMLNode(.float(bytes))))
      }
    }
    return .map(pairs)
  }
}

extension HardwareRequirement {
  /// tmt's `to_spec()`: `{"and": [...]}`, `{"or": [...]}`, `{"name": "op value"}`.
  public var spec: YAMLNode {
    switch self {
    case .and(let children): .map([("and", .list(children.map(\.spec)))])
    case .or(let children): .map([("or", .list(children.map(\.spec)))])
    case .constraint(let constraint):
      .map([(constraint.name, .text("\(constraint.op.rawValue) \(constraint.valueText)"))])
    }
  }

  /// tmt's `variants()`: each alternative as a flat list (in `and`, compound children's variants first, then
  /// the direct constraints).
  public var variants: [[HardwareConstraint]] {
    switch self {
    case .constraint(let constraint): return [[constraint]]
    case .or(let children): return children.flatMap(\.variants)
    case .and(let children):
      let simple = children.compactMap { child -> HardwareConstraint? in
        if case .constraint(let constraint) = child { return constraint }
        return nil
      }
      var products: [[HardwareConstraint]] = [[]]
      for child in children {
        if case .constraint = child { continue }
        let options = child.variants
        products = products.flatMap { prefix in options.map { prefix + $0 } }
      }
      return products.map { $0 + simple }
    }
  }

  /// Every leaf constraint, depth first.
  public var leaves: [HardwareConstraint] {
    switch self {
    case .constraint(let constraint): [constraint]
    case .and(let children), .or(let children): children.flatMap(\.leaves)
    }
  }

  /// The conformance document's `tmt.hardware[]` entry for one provision phase (error text kept as `error`).
  public static func conformanceEntry(plan: String, phase: YAMLNode) -> YAMLNode? {
    guard let hardware = phase[key: "hardware"], hardware.value != .null else { return nil }
    var pairs: [(String, YAMLNode)] = [
      ("plan", .text(plan)), ("phase", phase[key: "name"] ?? .none), ("spec", hardware.withoutLocations),
    ]
    do throws(HPCBasics.Diagnostic) {
      let parsed = try parse(hardware)
      pairs.append(("parsed", parsed.spec))
      pairs.append(("variants", .list(parsed.variants.map { .strings($0.map(\.description)) })))
      pairs.append(("leaves", .list(parsed.leaves.map(\.leaf))))
    } catch {
      pairs.append(("error", .map([("message", .text(error.message))])))
    }
    return .map(pairs)
  }
}
