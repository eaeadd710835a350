/// A place in an input file: path plus 1-based line and column (0 when unknown).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  /// The file path as the user should see it (relative to the tree root where possible).
  public var file: String
  /// 1-based line, 0 when unknown.
  public var line: Int
  /// 1-based column, 0 when unknown.
  public var column: Int

  /// Creates a location.
  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, dropping the parts that are unknown.
  public var description: String {
    guard line > 0 else { return file }
    guard column > 0 else { return "\(file):\(line)" }
    return "\(file):\(line):\(column)"
  }
}
