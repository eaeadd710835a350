/// A malformed `-c` value, with tmt's message.
struct ContextError: Error, Sendable {
  /// The message tmt prints.
  var message: String
}
