public import YAML

/// `tests export` / `plans export` in YAML, laid out like tmt's (ruamel safe dumper: keys sorted, block style,
/// `- ` items at the parent's indentation, plain or single-quoted scalars folded past column 80).
public enum TMTYAMLExport {
  /// The YAML document for `items` (a top-level sequence of mappings).
  public static func render(_ items: [YAMLNode]) -> String {
    if items.isEmpty { return "[]\n" }
    var writer = TMTYAMLWriter()
    writer.emit(.list(items), indent: 0, inline: false)
    return writer.out
  }
}

/// The emitter state: output and current column.
struct TMTYAMLWriter {
  var out = ""
  var column = 0

  mutating func write(_ text: String) {
    out += text
    if let newline = text.lastIndex(of: "\n") {
      column = text.distance(from: text.index(after: newline), to: text.endIndex)
    } else {
      column += text.count
    }
  }

  mutating func emit(_ node: YAMLNode, indent: Int, inline: Bool) {
    let pad = String(repeating: " ", count: indent)
    switch node.value {
    case .sequence(let items) where !items.isEmpty:
      for (index, item) in items.enumerated() {
        write((inline && index == 0 ? "" : pad) + "- ")
        value(item, indent: indent + 2)
      }
    case .mapping(let pairs) where !pairs.isEmpty:
      let sorted = pairs.sorted { PythonText.str($0.key) < PythonText.str($1.key) }
      for (index, pair) in sorted.enumerated() {
        write((inline && index == 0 ? "" : pad))
        scalar(pair.key, indent: indent + 2, key: true)
        write(":")
        if isCollection(pair.value) {
          write("\n")
          emit(pair.value, indent: pair.value.items != nil ? indent : indent + 2, inline: false)
        } else {
          write(" ")
          scalar(pair.value, indent: indent + 2)
          write("\n")
        }
      }
    default:
      scalar(node, indent: indent)
      write("\n")
    }
  }

  private mutating func value(_ item: YAMLNode, indent: Int) {
    if isCollection(item) {
      emit(item, indent: indent, inline: true)
    } else {
      scalar(item, indent: indent)
      write("\n")
    }
  }

  private func isCollection(_ node: YAMLNode) -> Bool {
    switch node.value {
    case .sequence(let items): !items.isEmpty
    case .mapping(let pairs): !pairs.isEmpty
    default: false
    }
  }

  /// One scalar in libyaml's chosen style (tmt dumps through ruamel's C emitter).
  mutating func scalar(_ node: YAMLNode, indent: Int, key: Bool = false) {
    switch node.value {
    case .null: write("null")
    case .bool(let flag): write(flag ? "true" : "false")
    case .int(let number): write(String(number))
    case .float(let number):
      write(number.isNaN ? ".nan" : number.isInfinite ? (number < 0 ? "-.inf" : ".inf") : PythonText.float(number))
    case .sequence: write("[]")
    case .mapping: write("{}")
    case .timestamp(let text): write(text)
    case .string(let text): string(text, indent: indent, key: key)
    default: string(PythonText.str(node), indent: indent, key: key)
    }
  }

  private mutating func string(_ text: String, indent: Int, key: Bool) {
    let analysis = YAMLScalarAnalysis(text)
    let chars = Array(text.unicodeScalars)
    if analysis.blockPlain && !YAMLScalarAnalysis.resolvesToNonString(text) && !(key && analysis.multiline) {
      plain(chars, indent: indent)
    } else if analysis.singleQuoted && !(key && analysis.multiline) {
      singleQuoted(chars, indent: indent)
    } else {
      doubleQuoted(chars, indent: indent)
    }
  }

  /// libyaml's `yaml_emitter_write_plain`.
  private mutating func plain(_ chars: [Unicode.Scalar], indent: Int) {
    var spaces = false
    for (index, ch) in chars.enumerated() {
      if ch == " " {
        let nextIsSpace = index + 1 < chars.count && chars[index + 1] == " "
        if !spaces && column > 80 && !nextIsSpace { indentLine(indent) } else { write(" ") }
        spaces = true
      } else {
        write(String(ch))
        spaces = false
      }
    }
  }

  /// libyaml's `yaml_emitter_write_single_quoted`.
  private mutating func singleQuoted(_ chars: [Unicode.Scalar], indent: Int) {
    write("'")
    var spaces = false
    var breaks = false
    for (index, ch) in chars.enumerated() {
      if ch == " " {
        let nextIsSpace = index + 1 < chars.count && chars[index + 1] == " "
        if !spaces && column > 80 && index != 0 && index != chars.count - 1 && !nextIsSpace {
          indentLine(indent)
        } else {
          write(" ")
        }
        spaces = true
      } else if ch == "\n" {
        if !breaks { write("\n") }
        write("\n")
        breaks = true
      } else {
        if breaks { indentLine(indent) }
        write(ch == "'" ? "''" : String(ch))
        spaces = false
        breaks = false
      }
    }
    if breaks { indentLine(indent) }
    write("'")
  }

  /// libyaml's `yaml_emitter_write_double_quoted`.
  private mutating func doubleQuoted(_ chars: [Unicode.Scalar], indent: Int) {
    write("\"")
    var spaces = false
    for (index, ch) in chars.enumerated() {
      if let escaped = YAMLScalarAnalysis.escape(ch) {
        write(escaped)
        spaces = false
      } else if ch == " " {
        if !spaces && column > 80 && index != 0 && index != chars.count - 1 {
          indentLine(indent)
          if index + 1 < chars.count && chars[index + 1] == " " { write("\\") }
        } else {
          write(" ")
        }
        spaces = true
      } else {
        write(String(ch))
        spaces = false
      }
    }
    write("\"")
  }

  /// libyaml's `yaml_emitter_write_indent`: a line break unless at the start of an indented line, then spaces.
  private mutating func indentLine(_ indent: Int) {
    if column != 0 || !out.hasSuffix("\n") { write("\n") }
    write(String(repeating: " ", count: indent))
  }
}

/// libyaml's `yaml_emitter_analyze_scalar`, for the styles tmt's dumper may pick.
struct YAMLScalarAnalysis {
  var blockPlain = true
  var singleQuoted = true
  var multiline = false

  init(_ text: String) {
    let chars = Array(text.unicodeScalars)
    guard !chars.isEmpty else {
      singleQuoted = true
      return
    }
    var flags = Flags()
    if text.hasPrefix("---") || text.hasPrefix("...") { flags.block = true }
    var precededByWhitespace = true
    for (index, ch) in chars.enumerated() {
      let followedByWhitespace = index + 1 >= chars.count || Self.isBlank(chars[index + 1])
      flags.indicators(ch, first: index == 0, followed: followedByWhitespace, preceded: precededByWhitespace)
      flags.whitespace(ch, index: index, count: chars.count)
      precededByWhitespace = Self.isBlank(ch)
    }
    multiline = flags.lineBreaks
    if flags.leadingSpace || flags.leadingBreak || flags.trailingSpace || flags.trailingBreak { blockPlain = false }
    if flags.breakSpace { (blockPlain, singleQuoted) = (false, false) }
    if flags.spaceBreak || flags.special { (blockPlain, singleQuoted) = (false, false) }
    if flags.lineBreaks || flags.block { blockPlain = false }
  }

  private struct Flags {
    var block = false, lineBreaks = false, special = false
    var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
    var breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false

    mutating func indicators(_ ch: Unicode.Scalar, first: Bool, followed: Bool, preceded: Bool) {
      if first {
        if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(ch) { block = true }
        if (ch == "?" || ch == ":") && followed { block = true }
        if ch == "-" && followed { block = true }
      } else {
        if ch == ":" && followed { block = true }
        if ch == "#" && preceded { block = true }
      }
      if ch == "\n" { lineBreaks = true }
      if !YAMLScalarAnalysis.isPrintable(ch) { special = true }
    }

    mutating func whitespace(_ ch: Unicode.Scalar, index: Int, count: Int) {
      if ch == " " {
        if index == 0 { leadingSpace = true }
        if index == count - 1 { trailingSpace = true }
        if previousBreak { breakSpace = true }
        (previousSpace, previousBreak) = (true, false)
      } else if ch == "\n" {
        if index == 0 { leadingBreak = true }
        if index == count - 1 { trailingBreak = true }
        if previousSpace { spaceBreak = true }
        (previousSpace, previousBreak) = (false, true)
      } else {
        (previousSpace, previousBreak) = (false, false)
      }
    }
  }

  static func isBlank(_ ch: Unicode.Scalar) -> Bool { ch == " " || ch == "\t" || ch == "\n" || ch == "\r" }

  /// libyaml's `IS_PRINTABLE` with unicode output allowed.
  static func isPrintable(_ ch: Unicode.Scalar) -> Bool {
    let v = ch.value
    return v == 0x0A || (0x20...0x7E).contains(v) || v == 0x85 || (0xA0...0xD7FF).contains(v)
      || ((0xE000...0xFFFD).contains(v) && v != 0xFEFF) || (0x10000...0x10FFFF).contains(v)
  }

  /// The double-quoted escape of `ch`, nil when written as is.
  static func escape(_ ch: Unicode.Scalar) -> String? {
    let named: [UInt32: String] = [
      0: "\\0", 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r", 27: "\\e",
      0x22: "\\\"", 0x5C: "\\\\", 0x85: "\\N", 0xA0: "\\_", 0x2028: "\\L", 0x2029: "\\P",
    ]
    if let text = named[ch.value] { return text }
    if isPrintable(ch) && ch.value != 0xFEFF { return nil }
    let hex = String(ch.value, radix: 16, uppercase: true)
    if ch.value <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
    if ch.value <= 0xFFFF { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
    return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
  }

  /// True when a plain scalar would load as something other than this string (ruamel's YAML 1.2 resolver, which
  /// the dumper consults the same way: `0000-0000-0000-0000` stays plain, `2024-01-02` is quoted).
  static func resolvesToNonString(_ text: String) -> Bool {
    ScalarResolver.resolve(text) != .string
  }
}
