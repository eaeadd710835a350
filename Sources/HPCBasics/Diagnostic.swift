/// A message about the user's input, printed like a compiler:
/// `plans/gpu.fmf:12:5: error: 'duration' must look like '5m' or '1h 30m', got '5min'`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
  /// How bad it is.
  public enum Severity: String, Sendable, Hashable, Comparable {
    case note, warning, error

    private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  }

  /// Severity of the message.
  public var severity: Severity
  /// Where the problem is, when a file position is known.
  public var location: SourceLocation?
  /// tmt's key address (`/plans/gpu:discover[0].how`) when inheritance erased the file.
  public var keyPath: String?
  /// The message itself, stating actual and expected values.
  public var message: String

  /// Creates a diagnostic.
  public init(
    _ severity: Severity = .error, _ message: String, at location: SourceLocation? = nil,
    keyPath: String? = nil
  ) {
    self.severity = severity
    self.message = message
    self.location = location
    self.keyPath = keyPath
  }

  /// An error diagnostic.
  public static func error(_ message: String, at location: SourceLocation? = nil, keyPath: String? = nil)
    -> Diagnostic
  {
    Diagnostic(.error, message, at: location, keyPath: keyPath)
  }

  /// A warning diagnostic.
  public static func warning(_ message: String, at location: SourceLocation? = nil, keyPath: String? = nil)
    -> Diagnostic
  {
    Diagnostic(.warning, message, at: location, keyPath: keyPath)
  }

  /// `where: severity: message`, where is the file position or the key address.
  public var description: String {
    var prefix = ""
    if let location { prefix = "\(location): " } else if let keyPath { prefix = "\(keyPath): " }
    return "\(prefix)\(severity.rawValue): \(message)"
  }
}

/// Several diagnostics collected by a lint-like pass, thrown once.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
  /// The collected diagnostics in the order found.
  public var diagnostics: [Diagnostic]

  /// Creates the list.
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// True when any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// One diagnostic per line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
