extension JSON {
  /// How `JSON.text(_:)` lays a value out: the options of Python's `json.dumps` the callers need, plus hpctest's
  /// own pretty form (arrays of scalars on one line).
  public struct Format: Sendable, Hashable {
    /// Spaces per level, every member on a line of its own (`json.dumps(indent=N)`: `,` and `": "` separators);
    /// nil writes one line with `", "` and `": "` (`json.dumps` defaults).
    public var indent: Int?
    /// Object members sorted by key, by code point (`sort_keys=True`).
    public var sortKeys: Bool
    /// Everything outside printable ASCII as `\uXXXX` UTF-16 units (`ensure_ascii=True`).
    public var ensureASCII: Bool
    /// Non-empty arrays of scalars on one line even when indented (not a `json.dumps` option).
    public var inlineScalarArrays: Bool

    /// A format.
    public init(indent: Int?, sortKeys: Bool = false, ensureASCII: Bool = false, inlineScalarArrays: Bool = false) {
      self.indent = indent
      self.sortKeys = sortKeys
      self.ensureASCII = ensureASCII
      self.inlineScalarArrays = inlineScalarArrays
    }

    /// `hpctest probe --json`, `check --json`: two spaces, members in the order given, scalar arrays inline.
    public static let pretty = Format(indent: 2, inlineScalarArrays: true)
    /// One line, members in the order given, non-ASCII as is.
    public static let compact = Format(indent: nil)
  }
}
