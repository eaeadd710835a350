/// A node as `scontrol show node NAME` describes it: its state flags, drain reason and features.
package struct SlurmNodeStatus: Sendable, Equatable {
  /// `IDLE+DRAIN` as `["IDLE", "DRAIN"]`.
  package var state: [String]
  /// The reason without Slurm's ` [user@time]` suffix; nil when none is set.
  package var reason: String?
  /// `AvailableFeatures`.
  package var features: [String]

  /// Creates a status.
  package init(state: [String], reason: String? = nil, features: [String] = []) {
    self.state = state
    self.reason = reason
    self.features = features
  }

  /// True when the node is drained or draining (`DRAIN` flag), or down or failing.
  package var isOffline: Bool { state.contains { ["DRAIN", "DOWN", "FAIL", "FAILING"].contains($0) } }

  /// Parses `scontrol show node` output (the multi-line or the `-o` one-line form); nil without a `State=`.
  package static func parse(_ text: String) -> SlurmNodeStatus? {
    var state: [String]?
    var reason: String?
    var features: [String] = []
    for line in text.split(separator: "\n") {
      let trimmed = line.drop { $0 == " " }
      if let range = trimmed.firstRange(of: "Reason=") {
        reason = stripStamp(String(trimmed[range.upperBound...]))
      }
      let fields = trimmed.split(separator: " ")
      for field in fields {
        if field.hasPrefix("State=") { state = field.dropFirst(6).split(separator: "+").map(String.init) }
        if field.hasPrefix("AvailableFeatures=") {
          features = field.dropFirst(18).split(separator: ",").map(String.init).filter { $0 != "(null)" }
        }
        if field.hasPrefix("Reason=") { break }
      }
    }
    return state.map { SlurmNodeStatus(state: $0, reason: reason, features: features) }
  }

  /// `hpctest: x [root@2026-12-04T10:00:00]` without the bracketed stamp; nil for an empty reason.
  static func stripStamp(_ text: String) -> String? {
    var reason = text
    if reason.hasSuffix("]"), let open = reason.lastIndex(of: "["), reason[open...].contains("@") {
      reason = String(reason[..<open])
    }
    while reason.last == " " { reason.removeLast() }
    return reason.isEmpty || reason == "(null)" || reason == "none" ? nil : reason
  }
}

/// NHC's rules for Slurm, with `hpctest:` as the reason prefix: an unhealthy node is drained with the first failure
/// as the reason unless it is already offline for another reason (an admin's drain is never overwritten); a
/// healthy node is resumed only when its current reason is hpctest's own.
package enum HealthSlurmPolicy {
  /// The prefix of every reason hpctest sets.
  package static let prefix = "hpctest: "
  /// The longest reason hpctest sets (Slurm stores longer ones, but `sinfo -R` and `%E` are read by people).
  package static let reasonLimit = 255

  /// What to do about the node.
  package enum Action: Sendable, Equatable {
    /// Drain with this reason.
    case drain(reason: String)
    /// Clear hpctest's drain.
    case resume
    /// Nothing; the text says why (for `-v`).
    case none(String)
  }

  /// The action for a node in `status` whose first failure is `failure` (nil when healthy).
  package static func action(status: SlurmNodeStatus, failure: String?) -> Action {
    let ours = status.reason.map(isOwn) ?? false
    if let failure {
      let reason = Self.reason(failure)
      if status.isOffline && !ours && status.reason != nil {
        return .none("left alone: offline for another reason (\(status.reason!))")
      }
      if status.state.contains("DRAIN") && status.reason == reason { return .none("already drained: \(reason)") }
      return .drain(reason: reason)
    }
    if ours && status.isOffline { return .resume }
    return .none(status.isOffline ? "left alone: offline for another reason" : "healthy")
  }

  /// True when `reason` is one hpctest set.
  package static func isOwn(_ reason: String) -> Bool { reason.hasPrefix(prefix) || reason == "hpctest:" }

  /// `hpctest: <failure>` on one line, shortened to `reasonLimit` characters with `...`.
  package static func reason(_ failure: String) -> String {
    let oneLine = failure.split(whereSeparator: \.isNewline).joined(separator: " ")
    let text = prefix + oneLine
    guard text.count > reasonLimit else { return text }
    return String(text.prefix(reasonLimit - 3)) + "..."
  }

  /// The `scontrol` command line for `action` on `node` (nil for `.none`).
  package static func argv(_ action: Action, node: String) -> [String]? {
    switch action {
    case .drain(let reason): return ["scontrol", "update", "NodeName=\(node)", "State=DRAIN", "Reason=\(reason)"]
    case .resume: return ["scontrol", "update", "NodeName=\(node)", "State=RESUME"]
    case .none: return nil
    }
  }
}
