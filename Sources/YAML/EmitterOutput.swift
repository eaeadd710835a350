/// The text being written by one `YAMLEmitter.emit` call: the block layout (mappings, sequences, anchors).
struct EmitterOutput {
  let profile: YAMLEmitter.Profile
  /// Entries to anchor (see `YAMLEmitter.emit(_:profile:shared:)`) and the anchors given so far.
  let shared: Set<YAMLPair>
  var anchors: [YAMLPair: String] = [:]
  var text = ""

  init(profile: YAMLEmitter.Profile, shared: Set<YAMLPair>) {
    self.profile = profile
    self.shared = shared
  }

  mutating func document(_ value: YAMLValue) {
    switch value {
    case .mapping(let pairs) where !pairs.isEmpty: mapping(pairs, indent: 0, inline: false)
    case .sequence(let items) where !items.isEmpty: sequence(items, indent: 0, inline: false)
    case .set(let items) where !items.isEmpty:
      text += "!!set\n"
      mapping(items.map { YAMLPair(key: $0, value: YAMLNode(.null)) }, indent: 0, inline: false)
    default:
      let plain = scalarOrEmpty(value, indent: 2)
      text += plain ? "\n...\n" : "\n"
    }
  }

  private mutating func pad(_ count: Int) { text.append(String(repeating: " ", count: count)) }

  /// Entries at column `indent`; with `inline` the first one continues the current line (after `- `).
  mutating func mapping(_ pairs: [YAMLPair], indent: Int, inline: Bool) {
    let ordered = profile.sortKeys ? pairs.sorted { JSONOutput.canonicalOrder($0.key.value, $1.key.value) } : pairs
    for (index, pair) in ordered.enumerated() {
      if index > 0 || !inline { pad(indent) }
      key(pair.key.value, indent: indent)
      if !shared.isEmpty && shared.contains(pair) {
        if let name = anchors[pair] {
          text += " *" + name + "\n"
          continue
        }
        let number = String(anchors.count + 1)
        let name = "id" + String(repeating: "0", count: max(0, 3 - number.count)) + number
        anchors[pair] = name
        text += " &" + name
      }
      value(pair.value.value, indent: indent, afterKey: true)
    }
  }

  /// Items at column `indent`; with `inline` the first one continues the current line.
  mutating func sequence(_ items: [YAMLNode], indent: Int, inline: Bool) {
    for (index, item) in items.enumerated() {
      if index > 0 || !inline { pad(indent) }
      text += "-"
      value(item.value, indent: indent + 2, afterKey: false)
    }
  }

  /// Writes what follows `key:` (`afterKey`) or `-`, then the line end; nested blocks at `indent`.
  private mutating func value(_ value: YAMLValue, indent: Int, afterKey: Bool) {
    let childIndent = afterKey ? indent + 2 : indent
    switch value {
    case .mapping(let pairs) where !pairs.isEmpty:
      text += afterKey ? "\n" : " "
      mapping(pairs, indent: childIndent, inline: !afterKey)
    case .sequence(let items) where !items.isEmpty:
      text += afterKey ? "\n" : " "
      sequence(items, indent: afterKey ? indent : childIndent, inline: !afterKey)
    case .set(let items) where !items.isEmpty:
      text += " !!set\n"
      mapping(items.map { YAMLPair(key: $0, value: YAMLNode(.null)) }, indent: childIndent, inline: false)
    default:
      text += " "
      scalarOrEmpty(value, indent: childIndent)
      text += "\n"
    }
  }
}
