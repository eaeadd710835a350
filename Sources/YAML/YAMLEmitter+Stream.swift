extension YAMLEmitter {
  /// A block sequence written one item at a time, for documents too large to hold whole (results.yaml of a
  /// 10,000-test run): the items' texts joined are exactly what `emit(.sequence(items), profile:, shared:)`
  /// writes, anchors included (an anchor given in one item is an alias in the later ones). An empty sequence is
  /// written `[]` by `emit`: the caller writes that when no item came.
  public struct SequenceStream {
    private var output: EmitterOutput

    /// A stream in `profile`; `shared` as in ``YAMLEmitter/emit(_:profile:shared:)``.
    public init(profile: Profile, shared: Set<YAMLPair> = []) {
      output = EmitterOutput(profile: profile, shared: shared)
    }

    /// The text of the next item (`- ...` lines, ending with a newline).
    public mutating func item(_ value: YAMLValue) -> String {
      output.text = ""
      output.sequence([YAMLNode(value)], indent: 0, inline: false)
      return output.text
    }
  }
}
