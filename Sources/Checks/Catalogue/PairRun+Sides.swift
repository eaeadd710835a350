extension PairRun {
  /// The server side: listens (bounded by `wait` + `runTime`; at the limit the tool's process group is killed).
  func serve(_ port: PortFacts, argv: [String], tcpPort: Int, _ context: CheckContext) async -> PortRun {
    let limit = wait + runTime
    let outcome = await context.runner.run(argv, timeout: limit)
    if Task.isCancelled {
      return .item(CheckItem(port.label, .error, "\(port.label): interrupted; the \(tool) listener was stopped"))
    }
    switch outcome {
    case .finished(0, let output):
      return .output(output)
    case .finished(let status, let output):
      return .item(CheckItem(port.label, .fail, "\(port.label): \(tool) server exited \(status): \(Self.last(output))"))
    case .timedOut(let output) where Self.connected(output):
      return .item(
        CheckItem(
          port.label, .error,
          "\(port.label): \(tool) server timed out after \(Self.seconds(limit)) s with the client connected; stopped"))
    case .timedOut:
      return .item(
        CheckItem(
          port.label, .error,
          "\(port.label): no client connected to the \(tool) server on TCP port \(tcpPort) within "
            + "\(Self.seconds(limit)) s; the listener was stopped"))
    case .notFound(let why):
      return .stop(Self.absent(tool, why, context, check: check))
    case .failedToStart(let why):
      return .item(CheckItem(port.label, .error, "\(port.label): \(why)"))
    }
  }

  /// The client side: connects to `peer`, retrying once a second while the server is not listening yet, until
  /// `wait` has passed.
  func connect(_ port: PortFacts, argv: [String], peer: String, tcpPort: Int, _ context: CheckContext) async
    -> PortRun
  {
    let deadline = ContinuousClock.now + wait
    while true {
      switch await context.runner.run(argv, timeout: runTime) {
      case .finished(0, let output):
        return .output(output)
      case .finished(_, let output)
      where Self.refused(output) && ContinuousClock.now < deadline && !Task.isCancelled:
        try? await Task.sleep(for: .seconds(1))
      case .finished(let status, let output) where Self.refused(output):
        return .item(
          CheckItem(
            port.label, .error,
            "\(port.label): the \(tool) server at \(peer):\(tcpPort) did not accept within \(Self.seconds(wait)) s "
              + "(exit \(status): \(Self.last(output)))"))
      case .finished(let status, let output):
        return .item(
          CheckItem(port.label, .fail, "\(port.label): \(tool) to \(peer) exited \(status): \(Self.last(output))"))
      case .timedOut:
        return .item(
          CheckItem(port.label, .error, "\(port.label): \(tool) to \(peer) timed out after \(Self.seconds(runTime)) s"))
      case .notFound(let why):
        return .stop(Self.absent(tool, why, context, check: check))
      case .failedToStart(let why):
        return .item(CheckItem(port.label, .error, "\(port.label): \(why)"))
      }
    }
  }

  /// True when the client found nobody listening (perftest and `ibv_rc_pingpong`: `Couldn't connect to HOST:PORT`).
  static func refused(_ output: String) -> Bool { output.contains("Couldn't connect to") }

  /// True when the server's output shows a connected client (perftest and `ibv_rc_pingpong` print the peer's
  /// `remote address:` once the two sides have exchanged their queue pair numbers).
  static func connected(_ output: String) -> Bool { output.contains("remote address:") }

  /// The last non-empty line of a tool's output.
  static func last(_ output: String) -> String { output.lines.last { !$0.trimmed.isEmpty }?.trimmed ?? "" }

  /// Whole seconds of `duration`.
  static func seconds(_ duration: Duration) -> Int64 { duration.components.seconds }

  /// The result when the tool is not installed: skip, or fail when the site requires it.
  static func absent(_ tool: String, _ why: String, _ context: CheckContext, check: String) -> CheckResult {
    let required = context.requiredTools.contains(tool)
    let suffix = required ? " (the site marks it required)" : ""
    return CheckResult(check: check, items: [CheckItem(check, required ? .fail : .skip, why + suffix)])
  }
}
