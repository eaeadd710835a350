/// Writes a node tree as block-style YAML the way tmt's ruamel dump looks: 2-space mapping indent,
/// sequences under a key not indented (`key:` then `- item`), strings quoted only when needed and folded
/// past column 80 (libyaml's emitter, which tmt's safe dumper uses), multi-line strings as literal blocks
/// (tmt writes them quoted), `[]`/`{}` for empty collections, `null` for null.
/// Whatever it writes parses back (``YAMLParser``) to the same value.
public enum YAMLEmitter {
  /// The YAML text of `node`, ending with a newline.
  ///
  /// - Parameters:
  ///   - sortKeys: order mapping keys as tmt's safe dumper does (Python `sorted()`: strings by code point;
  ///     numbers before strings here, where Python would fail).
  ///   - literalBlocks: write multi-line strings as `|` blocks; false writes them quoted the way tmt's
  ///     safe dumper does (`'line1\n\n  line2'`), so `sortKeys: true, literalBlocks: false` reproduces
  ///     `tmt.utils.to_yaml` (except anchors for shared objects and `!!omap`).
  public static func emit(_ node: YAMLNode, sortKeys: Bool = false, literalBlocks: Bool = true) -> String {
    emit(node.value, sortKeys: sortKeys, literalBlocks: literalBlocks)
  }

  /// The YAML text of `value`, ending with a newline (see ``emit(_:sortKeys:literalBlocks:)-(YAMLNode,_,_)``).
  public static func emit(_ value: YAMLValue, sortKeys: Bool = false, literalBlocks: Bool = true) -> String {
    var output = EmitterOutput(sortKeys: sortKeys, literalBlocks: literalBlocks)
    output.text.reserveCapacity(1024)
    output.document(value)
    return output.text
  }
}

/// The text being written by one `YAMLEmitter.emit` call.
struct EmitterOutput {
  let sortKeys: Bool
  let literalBlocks: Bool
  var text = ""

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
    let ordered = sortKeys ? pairs.sorted { JSONOutput.canonicalOrder($0.key.value, $1.key.value) } : pairs
    for (index, pair) in ordered.enumerated() {
      if index > 0 || !inline { pad(indent) }
      key(pair.key.value, indent: indent)
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
      if afterKey {
        text += "\n"
        mapping(pairs, indent: childIndent, inline: false)
      } else {
        text += " "
        mapping(pairs, indent: childIndent, inline: true)
      }
    case .sequence(let items) where !items.isEmpty:
      if afterKey {
        text += "\n"
        sequence(items, indent: indent, inline: false)
      } else {
        text += " "
        sequence(items, indent: childIndent, inline: true)
      }
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
