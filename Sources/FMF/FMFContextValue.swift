/// fmf's `ContextValue`: a context or rule value split on `:`, `-` and `.` into a name and version parts
/// (`centos-stream-9` → `centos`, `stream`, `9`), compared as fmf's `version_cmp` does.
struct FMFContextValue: Sendable {
  /// The text as written (regex operators match against it).
  let raw: String
  /// `re.split(r":|-|\.", raw)`: the name, then the version parts (empty parts kept).
  let parts: [Substring]

  /// Splits `raw`.
  init(_ raw: String) {
    self.raw = raw
    self.parts = raw.split(omittingEmptySubsequences: false) { $0 == ":" || $0 == "-" || $0 == "." }
  }

  /// True when both split to the same parts (Python set membership of `ContextValue`).
  func samePartsAs(_ other: FMFContextValue) -> Bool {
    parts.count == other.parts.count && zip(parts, other.parts).allSatisfy { $0.utf8.elementsEqual($1.utf8) }
  }

  /// fmf's `version_cmp(other)`: -1/0/1, or nil for `CannotDecide`. `other` (the rule side) sets the precision.
  func versionCompare(_ other: FMFContextValue, minorMode: Bool = false, ordered: Bool, caseSensitive: Bool) -> Int? {
    let mine = parts
    let theirs = other.parts
    if !Self.equal(mine[0], theirs[0], caseSensitive) { return ordered ? nil : 1 }
    if minorMode && theirs.count > 1 {
      guard mine.count > 1 else { return nil }
      if !Self.equal(mine[1], theirs[1], caseSensitive) {
        if !ordered { return 1 }
        if theirs.count > 2 { return nil }
      }
    }
    for (first, second) in zip(mine.dropFirst(), theirs.dropFirst()) {
      let compared = Self.compare(first, second, caseSensitive)
      if compared != 0 { return compared }
    }
    if theirs.count - mine.count <= 0 { return 0 }
    if minorMode { return nil }
    if !ordered { return 1 }
    if mine.count == 1 { return nil }
    return -1
  }

  /// Compares two version parts: as integers when both parse as Python `int`, else as (casefolded) strings.
  static func compare(_ first: Substring, _ second: Substring, _ caseSensitive: Bool) -> Int {
    if let x = pythonInt(first), let y = pythonInt(second) { return x < y ? -1 : x > y ? 1 : 0 }
    let x = caseSensitive ? String(first) : casefold(first)
    let y = caseSensitive ? String(second) : casefold(second)
    if x.unicodeScalars.elementsEqual(y.unicodeScalars) { return 0 }
    return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : 1
  }

  private static func equal(_ first: Substring, _ second: Substring, _ caseSensitive: Bool) -> Bool {
    if caseSensitive { return first.unicodeScalars.elementsEqual(second.unicodeScalars) }
    return casefold(first).unicodeScalars.elementsEqual(casefold(second).unicodeScalars)
  }

  /// Python `str.casefold()` (approximated by full lowercase mapping plus `ß` → `ss`).
  static func casefold<S: StringProtocol>(_ text: S) -> String {
    let lower = text.lowercased()
    return lower.contains("ß") ? lower.replacing("ß", with: "ss") : lower
  }

  /// Python `int(text)` for decimal text: surrounding whitespace, a sign and single underscores between digits.
  static func pythonInt<S: StringProtocol>(_ text: S) -> Int? {
    var scalars = Substring(text).unicodeScalars
    while let first = scalars.first, PythonText.isSpace(first) { scalars.removeFirst() }
    while let last = scalars.last, PythonText.isSpace(last) { scalars.removeLast() }
    var negative = false
    if let sign = scalars.first, sign == "+" || sign == "-" {
      negative = sign == "-"
      scalars.removeFirst()
    }
    var value = 0
    var previousUnderscore = true
    for scalar in scalars {
      if scalar == "_" {
        if previousUnderscore { return nil }
        previousUnderscore = true
        continue
      }
      guard let digit = Character(scalar).wholeNumberValue, scalar.properties.generalCategory == .decimalNumber
      else { return nil }
      let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times.addingReportingOverflow(digit)
      if overflow1 || overflow2 { return nil }
      value = sum
      previousUnderscore = false
    }
    if previousUnderscore { return nil }
    return negative ? -value : value
  }
}

/// Python's `str` character classes used by fmf's regexes.
enum PythonText {
  /// Python `\s` / `str.isspace()`.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0d)
        || scalar.value >= 0x1c && scalar.value <= 0x1f
    }
    if scalar.value >= 0x1c && scalar.value <= 0x1f { return true }
    return scalar.properties.isWhitespace
  }

  /// Python `\w` for `str` patterns: letters, numbers and `_`.
  static func isWord(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return value == 0x5f || (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7a)
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
      .letterNumber, .otherNumber:
      return true
    default:
      return false
    }
  }

  /// Python `str.strip()`.
  static func strip<S: StringProtocol>(_ text: S) -> String {
    var scalars = Substring(text).unicodeScalars
    while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
    while let last = scalars.last, isSpace(last) { scalars.removeLast() }
    return String(scalars)
  }
}
