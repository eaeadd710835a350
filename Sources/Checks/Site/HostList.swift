#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Host patterns of the site file: Slurm hostlist expressions (`gpu[001-128,200]`, `n[1-3],login1`,
/// `r[1-2]n[01-16]`), shell globs (`gpu-a30-*`, NHC's host masks) and Slurm node features (`feature:a30`).
///
/// A bracket whose content is only digits, `-` and `,` is a Slurm range list: a number matches with the width of
/// a zero-padded bound (`[001-128]` matches `gpu007`, not `gpu7`), an unpadded bound matches numbers without
/// leading zeros. Any other pattern is an `fnmatch` glob. Top-level commas separate alternatives, as in Slurm.
package enum HostList {
  /// The Slurm features of the node being matched (`--feature`, or `AvailableFeatures` from `scontrol`).
  @TaskLocal package static var features: Set<String> = []

  /// True when `pattern` matches the full or the short host name, or names one of `features`.
  package static func matches(_ pattern: String, _ hostname: String) -> Bool {
    let short = hostname.split(separator: ".").first.map(String.init) ?? hostname
    return alternatives(pattern).contains { alternative in
      if alternative.hasPrefix("feature:") { return features.contains(String(alternative.dropFirst(8))) }
      guard let segments = segments(alternative) else {
        return fnmatch(alternative, hostname, 0) == 0 || fnmatch(alternative, short, 0) == 0
      }
      return match(segments[...], Substring(hostname)) || match(segments[...], Substring(short))
    }
  }

  /// One piece of a hostlist expression.
  enum Segment: Equatable {
    case literal(String)
    case ranges([NumberRange])
  }

  /// `lo-hi` (or a single number) with the zero-padded width of its bounds (0 when unpadded).
  struct NumberRange: Equatable {
    var low: Int
    var high: Int
    var width: Int

    func accepts(_ digits: Substring) -> Bool {
      guard let value = Int(digits), value >= low, value <= high else { return false }
      let plain = String(value)
      if width == 0 { return digits == Substring(plain) }
      return digits.count == max(width, plain.count)
    }
  }

  /// The pattern split at commas outside brackets.
  static func alternatives(_ pattern: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    for character in pattern {
      if character == "[" { depth += 1 }
      if character == "]" { depth = max(0, depth - 1) }
      if character == "," && depth == 0 {
        parts.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    parts.append(current)
    return parts.filter { !$0.isEmpty }
  }

  /// The segments of a hostlist expression, or nil when `text` has no numeric bracket or has glob characters
  /// outside brackets (then it is a glob).
  static func segments(_ text: String) -> [Segment]? {
    var result: [Segment] = []
    var rest = Substring(text)
    var sawRange = false
    while !rest.isEmpty {
      guard let open = rest.firstIndex(of: "[") else {
        result.append(.literal(String(rest)))
        break
      }
      guard let close = rest[open...].firstIndex(of: "]"), let ranges = ranges(rest[rest.index(after: open)..<close])
      else { return nil }
      if open > rest.startIndex { result.append(.literal(String(rest[..<open]))) }
      result.append(.ranges(ranges))
      sawRange = true
      rest = rest[rest.index(after: close)...]
    }
    let globbing = result.contains { segment in
      if case .literal(let text) = segment { return text.contains { "*?[]".contains($0) } }
      return false
    }
    return sawRange && !globbing ? result : nil
  }

  /// `001-128,200` as ranges, or nil when the text is not a Slurm range list.
  static func ranges(_ text: Substring) -> [NumberRange]? {
    guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == ",") }) else {
      return nil
    }
    var result: [NumberRange] = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
      guard bounds.count <= 2, let low = Int(bounds[0]), let high = Int(bounds.last!), low <= high else { return nil }
      let padded = bounds[0].count > 1 && bounds[0].hasPrefix("0")
      result.append(NumberRange(low: low, high: high, width: padded ? bounds[0].count : 0))
    }
    return result
  }

  /// Matches the whole of `name` against `segments`, trying every digit run for a range.
  static func match(_ segments: ArraySlice<Segment>, _ name: Substring) -> Bool {
    guard let first = segments.first else { return name.isEmpty }
    switch first {
    case .literal(let text):
      return name.hasPrefix(text) && match(segments.dropFirst(), name.dropFirst(text.count))
    case .ranges(let ranges):
      let digits = name.prefix { $0.isASCII && $0.isNumber }
      guard !digits.isEmpty else { return false }
      for length in 1...digits.count {
        let run = digits.prefix(length)
        if ranges.contains(where: { $0.accepts(run) }), match(segments.dropFirst(), name.dropFirst(length)) {
          return true
        }
      }
      return false
    }
  }
}
