/// Why a probe could not run at all (everything else is a partial result plus warnings).
public enum ProbeError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The system root does not exist or is not a directory.
  case missingRoot(String)
  /// libpci reported an error (its message).
  case libpci(String)

  /// A one-line message.
  public var description: String {
    switch self {
    case .missingRoot(let path): "system root '\(path)' does not exist or is not a directory"
    case .libpci(let message): "libpci: \(message)"
    }
  }
}

/// A problem found while probing: what could not be read or what looks wrong, about one subject.
public struct ProbeWarning: Sendable, Hashable, CustomStringConvertible {
  /// What it is about: a PCI address, an RDMA device and port (`mlx5_1 port 1`), or a file.
  public var subject: String
  /// The message, stating actual and expected values where there are any.
  public var message: String

  /// Creates a warning.
  public init(_ subject: String, _ message: String) {
    self.subject = subject
    self.message = message
  }

  /// `subject: message`.
  public var description: String { "\(subject): \(message)" }
}
