/// A 0-based position as libyaml reports it (line, column in Unicode scalars, index in scalars).
struct YAMLMark: Sendable, Hashable {
  /// 0-based line.
  var line: Int
  /// 0-based column, counted in Unicode scalars.
  var column: Int
}

/// How a scalar was written; only plain scalars are resolved implicitly.
enum YAMLScalarStyle: Sendable, Hashable {
  case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One libyaml parser event, copied out of C memory.
struct YAMLEvent: Sendable {
  /// The event kinds the composer consumes.
  enum Kind: Sendable, Hashable {
    case streamStart, streamEnd, documentStart, documentEnd
    case alias, scalar, sequenceStart, sequenceEnd, mappingStart, mappingEnd
  }

  /// What happened.
  var kind: Kind
  /// Where the event starts.
  var start: YAMLMark
  /// Where the event ends.
  var end = YAMLMark(line: 0, column: 0)
  /// The anchor (`&a`) of a node, or the name an alias (`*a`) refers to.
  var anchor: String? = nil
  /// The resolved tag (`tag:yaml.org,2002:str`, `!foo`, `!`), nil when none was written.
  var tag: String? = nil
  /// The scalar text.
  var value: String = ""
  /// The scalar style.
  var style: YAMLScalarStyle = .plain
  /// libyaml's `plain_implicit`: an untagged plain scalar, or any scalar tagged `!` with content.
  var plainImplicit = false
  /// True for a collection written in flow style (`[...]`, `{...}`).
  var flow = false
}
