/// The root every hardware fact is read under: `/` on a live node, a fixture tree in tests.
///
/// One value flows down from the CLI (`--sysroot DIR`); nothing below hard-codes `/sys` or `/proc`.
public struct SystemRoot: Sendable, Hashable, CustomStringConvertible {
  /// The root directory, without a trailing slash (`""` for the live system).
  public let path: String

  /// The live system.
  public static let live = SystemRoot("/")

  /// A root at `path` (`/` or `""` mean the live system).
  public init(_ path: String) {
    var trimmed = path
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    self.path = trimmed == "/" ? "" : trimmed
  }

  /// True for the live system.
  public var isLive: Bool { path.isEmpty }

  /// `sub` (an absolute path such as `/sys/bus/pci`) under this root.
  public func resolve(_ sub: String) -> String {
    precondition(sub.hasPrefix("/"), "SystemRoot.resolve takes an absolute path")
    return path + sub
  }

  /// `/sys` under this root.
  public var sys: String { resolve("/sys") }
  /// `/proc` under this root.
  public var proc: String { resolve("/proc") }

  /// The root as the user gave it.
  public var description: String { isLive ? "/" : path }
}
