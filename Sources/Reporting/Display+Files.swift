import HPCBasics

extension Display {
  /// A log's text, nil when unreadable.
  static func readText(_ path: String) -> String? { FileSystem.readText(path) }
}
