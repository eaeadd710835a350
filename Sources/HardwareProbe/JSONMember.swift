import HPCBasics

/// One member of the probe's JSON document: a list whose elements are made on demand (so `renderedJSON` can make
/// and render them side by side), or a single value.
struct JSONMember: Sendable {
  /// The member's key.
  let key: String
  /// Elements in the list (1 for a single value).
  let count: Int
  /// True for a list, false for a single value.
  let isList: Bool
  /// The element at an index (the value itself for a single value).
  let element: @Sendable (Int) -> JSON

  /// A list of `count` elements.
  init(_ key: String, _ count: Int, element: @escaping @Sendable (Int) -> JSON) {
    (self.key, self.count, self.isList, self.element) = (key, count, true, element)
  }

  /// A single value.
  init(single key: String, _ value: JSON) {
    (self.key, self.count, self.isList, self.element) = (key, 1, false, { _ in value })
  }

  /// The member's value: the list's elements as an array, or the single value.
  var value: JSON { isList ? .array((0..<count).map(element)) : element(0) }
}
