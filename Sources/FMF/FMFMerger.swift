import HPCBasics
import YAML

/// fmf's `_merge_special`: merges a child mapping into data with the suffix operators
/// `+` (append), `+<` (prepend), `-` (subtract), `-~` (remove by regex) and `~` (substitute), in key order.
struct FMFMerger {
  /// The node name used in error messages (`/tests/one`).
  let nodeName: String
  /// Compiled-regex cache shared by the whole load.
  let regex: PythonRegex

  /// The operator a key suffix selects, with the key name it applies to (fmf's `rstrip` quirks included).
  enum Operation: Equatable {
    case set, append, prepend, subtract, removeRegex, substitute
  }

  /// Splits `key` into the operation and the target key exactly as fmf does: suffix test, then `rstrip`.
  static func operation(of key: String) -> (Operation, String) {
    let last = key.unicodeScalars.last
    if last == "+" { return (.append, key.rstripping("+")) }
    if key.hasScalarSuffix("+<") { return (.prepend, key.rstripping("+<")) }
    if key.hasScalarSuffix("-~") { return (.removeRegex, key.rstripping("-~")) }
    if last == "-" { return (.subtract, key.rstripping("-")) }
    if last == "~" { return (.substitute, key.rstripping("~")) }
    return (.set, key)
  }

  /// What an operation did to the target key, in Python object terms (fmf shares objects between the data and
  /// the merged-in source, so later in-place merges show through in the source, e.g. in an `adjust` rule).
  enum Effect {
    /// `data[key]` now is the source's own value object.
    case aliased
    /// `data[key]` was mutated in place (dict merge, dict key removal); the payload is the new value.
    case inPlace(YAMLNode)
    /// `data[key]` is a new object.
    case fresh
  }

  /// Called per top-level source entry (its index, the target key, what happened) when the key was present or set.
  typealias Observer = (Int, String, Effect) -> Void

  /// Merges `source` into `data` in `source`'s key order.
  func mergeSpecial(_ data: inout [YAMLPair], _ source: [YAMLPair], observer: Observer? = nil) throws(Diagnostic) {
    for (position, pair) in source.enumerated() {
      guard case .string(let key) = pair.key.value else {
        throw Diagnostic.error(
          "Key \(PythonValue.repr(pair.key.value)) in \(nodeName) is not a string, fmf cannot merge it.",
          at: pair.key.location, keyPath: nodeName)
      }
      let (operation, name) = Self.operation(of: key)
      let keyNode = YAMLNode(.string(name), at: pair.key.location)
      let effect: Effect?
      switch operation {
      case .set:
        Self.set(&data, keyNode, pair.value)
        effect = .aliased
      case .append: effect = try plus(&data, keyNode, pair.value, prepend: false)
      case .prepend: effect = try plus(&data, keyNode, pair.value, prepend: true)
      case .subtract: effect = try minus(&data, keyNode, pair.value)
      case .removeRegex: effect = try minusRegex(&data, keyNode, pair.value)
      case .substitute: effect = try substitute(&data, keyNode, pair.value)
      }
      if let observer, let effect { observer(position, name, effect) }
    }
  }

  /// The index of string key `name` in `data`.
  static func index(of name: String, in data: [YAMLPair]) -> Int? {
    data.firstIndex { pair in
      if case .string(let key) = pair.key.value { return key.utf8.elementsEqual(name.utf8) }
      return false
    }
  }

  /// `data[key] = value`: replaces in place (keeping the position) or appends.
  static func set(_ data: inout [YAMLPair], _ key: YAMLNode, _ value: YAMLNode) {
    guard case .string(let name) = key.value, let index = index(of: name, in: data) else {
      data.append(YAMLPair(key: key, value: value))
      return
    }
    data[index].value = value
  }

  private func plus(_ data: inout [YAMLPair], _ key: YAMLNode, _ value: YAMLNode, prepend: Bool) throws(Diagnostic)
    -> Effect
  {
    guard case .string(let name) = key.value, let index = Self.index(of: name, in: data) else {
      data.append(YAMLPair(key: key, value: value))
      return .aliased
    }
    let parent = data[index].value
    data[index].value.value = .null  // release the reference so the merge below mutates in place
    switch (parent.value, value.value) {
    case (.sequence(var items), .mapping(let child)):
      for item in items.indices {
        guard case .mapping(var map) = items[item].value else { throw itemError(items[item], key) }
        try mergeSpecial(&map, child)
        items[item].value = .mapping(map)
      }
      data[index].value = YAMLNode(.sequence(items), at: parent.location)
      return .inPlace(data[index].value)
    case (.mapping(let map), .sequence(let children)):
      var result: [YAMLNode] = []
      for item in children {
        guard case .mapping(let child) = item.value else { throw itemError(item, key) }
        var copy = map
        try mergeSpecial(&copy, child)
        result.append(YAMLNode(.mapping(copy), at: item.location))
      }
      data[index].value = YAMLNode(.sequence(result), at: value.location)
      return .fresh
    case (.mapping(var map), .mapping(let child)):
      try mergeSpecial(&map, child)
      data[index].value = YAMLNode(.mapping(map), at: parent.location)
      return .inPlace(data[index].value)
    default:
      let sum = prepend ? PythonValue.add(value.value, parent.value) : PythonValue.add(parent.value, value.value)
      switch sum {
      case .success(let result): data[index].value = YAMLNode(result, at: value.location)
      case .failure(let error): throw mergeError(key, error.message)
      }
      return .fresh
    }
  }

  private func minus(_ data: inout [YAMLPair], _ key: YAMLNode, _ value: YAMLNode) throws(Diagnostic) -> Effect? {
    guard case .string(let name) = key.value, let index = Self.index(of: name, in: data) else { return nil }
    let parent = data[index].value
    if let difference = PythonValue.subtract(parent.value, value.value) {
      switch difference {
      case .success(let result): data[index].value = YAMLNode(result, at: value.location)
      case .failure(let error): throw mergeError(key, error.message)
      }
      return .fresh
    }
    switch (parent.value, value.value) {
    case (.string(let text), .string(let pattern)):
      let result = try python(key) { () throws(PythonError) in try regex.sub(pattern, "", in: text) }
      data[index].value = YAMLNode(.string(result), at: parent.location)
    case (.sequence(let items), .sequence(let removed)):
      let kept = items.filter { item in !removed.contains { PythonValue.equal($0.value, item.value) } }
      data[index].value = YAMLNode(.sequence(kept), at: parent.location)
    case (.mapping(var map), .sequence(let removed)):
      for item in removed {
        guard PythonValue.isHashable(item.value) else {
          throw mergeError(key, "unhashable type: '\(PythonValue.typeName(item.value))'")
        }
        map.removeAll { PythonValue.equal($0.key.value, item.value) }
      }
      data[index].value = YAMLNode(.mapping(map), at: parent.location)
      return .inPlace(data[index].value)
    default:
      throw mergeError(key, "wrong type")
    }
    return .fresh
  }

  /// `Key 'k' in /node (text).` located at the child's key.
  func mergeError(_ key: YAMLNode, _ text: String) -> Diagnostic {
    let name = PythonValue.str(key.value)
    return Diagnostic.error("Key '\(name)' in \(nodeName) (\(text)).", at: key.location, keyPath: "\(nodeName):\(name)")
  }

  private func itemError(_ item: YAMLNode, _ key: YAMLNode) -> Diagnostic {
    Diagnostic.error(
      "Item '\(PythonValue.str(item.value))' in \(nodeName) must be a dictionary.", at: item.location ?? key.location,
      keyPath: "\(nodeName):\(PythonValue.str(key.value))")
  }

  /// Runs a Python-level operation, turning its exception into a located merge error.
  func python<T>(_ key: YAMLNode, _ body: () throws(PythonError) -> T) throws(Diagnostic) -> T {
    do {
      return try body()
    } catch {
      throw mergeError(key, error.message)
    }
  }
}

extension String {
  /// Python `str.rstrip(characters)`: drops trailing scalars that are in `characters`.
  func rstripping(_ characters: String) -> String {
    let set = Set(characters.unicodeScalars)
    var scalars = Substring(self).unicodeScalars
    while let last = scalars.last, set.contains(last) { scalars.removeLast() }
    return String(scalars)
  }

  /// Python `str.endswith(suffix)` on code points.
  func hasScalarSuffix(_ suffix: String) -> Bool {
    unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed())
  }
}
