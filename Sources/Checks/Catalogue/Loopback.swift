/// Runs a perftest tool as server and client on the same adapter port (loopback).
enum Loopback {
  /// The argv of the server and of the client (the client waits a second for the server to listen).
  static func commands(_ tool: String, device: String, port: Int, tcpPort: Int, extra: [String]) -> [[String]] {
    let server = [tool, "-d", device, "-i", String(port), "-p", String(tcpPort)] + extra
    let client = (server + ["127.0.0.1"]).joined(separator: " ")
    return [server, ["sh", "-c", "sleep 1 && exec " + client]]
  }

  /// The client's output, or the result to return when the tool is absent or failed.
  static func run(
    _ tool: String, _ port: PortFacts, tcpPort: Int, extra: [String], _ context: CheckContext, check: String
  ) async -> Result<String, Stop> {
    let argv = commands(tool, device: port.device, port: port.port, tcpPort: tcpPort, extra: extra)
    let outcomes = await context.runner.runConcurrently(argv, timeout: context.toolTimeout)
    return interpret(outcomes, tool: tool, label: port.label, context, check: check)
  }

  /// Maps the server/client outcomes: absent server → skip (or fail when required); a failure → a failed item.
  static func interpret(_ outcomes: [ToolOutcome], tool: String, label: String, _ context: CheckContext, check: String)
    -> Result<String, Stop>
  {
    if case .notFound(let why) = outcomes.first {
      let required = context.requiredTools.contains(tool)
      return .failure(Stop(CheckResult(check: check, items: [CheckItem(check, required ? .fail : .skip, why)])))
    }
    guard outcomes.count == 2, case .finished(let status, let output) = outcomes[1], status == 0 else {
      let detail = outcomes.count == 2 ? describe(outcomes[1]) : "not run"
      return .failure(
        Stop(
          CheckResult(check: check, items: [CheckItem(label, .fail, "\(label): \(tool) loopback failed: \(detail)")])))
    }
    return .success(output)
  }

  static func describe(_ outcome: ToolOutcome) -> String {
    switch outcome {
    case .finished(let status, let output): "exit \(status): \(output.lines.last { !$0.trimmed.isEmpty } ?? "")"
    case .timedOut: "timed out"
    case .notFound(let why), .failedToStart(let why): why
    }
  }
}
