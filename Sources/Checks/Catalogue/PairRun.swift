import HPCBasics

/// Runs a perftest-style tool between two guests of a multihost plan: the server side on the guest with role
/// `server` (it listens), the client side on the guest with role `client`, which connects to the server's address
/// from the topology file. Ports pair up by index (the n-th active port of each side), each on its own TCP port.
/// The server listens at most `pair-timeout` seconds (plus the run's own time) and is torn down, its whole process
/// group, at that limit, so no listener is left behind; the client retries a refused connection until the same
/// limit.
struct PairRun {
  /// Which side this guest plays.
  enum Side: Sendable, Equatable {
    /// Listens for the client.
    case server
    /// Connects to the server at this address.
    case client(peer: String)
  }

  /// What one port's run gave.
  enum PortRun: Sendable {
    /// The tool ran and exited 0: its output.
    case output(String)
    /// The port's sub-result (the tool failed, timed out, or no peer came).
    case item(CheckItem)
    /// The whole check stops with this result (the tool is not installed).
    case stop(CheckResult)
  }

  /// The check's name.
  var check: String
  /// The tool (`ib_write_bw`).
  var tool: String
  /// The first TCP port; port n of the pair uses `basePort + n`.
  var basePort: Int
  /// Options both sides pass.
  var extra: [String]
  /// How long one run may take once both sides are connected.
  var runTime: Duration
  /// How long the server listens and the client keeps trying (`pair-timeout`).
  var wait: Duration

  /// The side of this guest from `$TMT_TOPOLOGY_YAML`, or the result to return: `skip` outside a multihost plan or
  /// on a guest with another role, `error` when the file is unreadable or names no server with an address.
  static func side(_ context: CheckContext, check: String) -> Result<Side, Stop> {
    guard let path = context.topologyFile, !path.isEmpty else {
      return .failure(
        Stop(
          .skip(
            check,
            "not in a multihost plan ($TMT_TOPOLOGY_YAML is not set): \(check) runs between a guest with role "
              + "'server' and one with role 'client'")))
    }
    let topology: PairTopology
    do throws(Diagnostic) { topology = try PairTopology.read(path) } catch {
      return .failure(Stop(.error(check, error.description)))
    }
    let current = topology.current
    switch current.role {
    case "server": return .success(.server)
    case "client":
      guard let server = topology.peer(role: "server") else {
        return .failure(Stop(.error(check, "no other guest has the role 'server' in \(path)")))
      }
      guard let address = server.hostname else {
        return .failure(Stop(.error(check, "the server guest '\(server.name)' has no address in \(path)")))
      }
      return .success(.client(peer: address))
    default:
      let role = current.role.map { "role '\($0)'" } ?? "no role"
      return .failure(
        Stop(.skip(check, "guest '\(current.name)' has \(role); \(check) runs on roles 'server' and 'client'")))
    }
  }

  /// The tool's argv for `port` on `side` (the client adds the server's address, as perftest expects).
  func argv(_ port: PortFacts, index: Int, side: Side) -> [String] {
    let server = [tool, "-d", port.device, "-i", String(port.port), "-p", String(basePort + index)] + extra
    guard case .client(let peer) = side else { return server }
    return server + [peer]
  }

  /// Runs this side for port number `index`.
  func run(_ port: PortFacts, index: Int, side: Side, _ context: CheckContext) async -> PortRun {
    let argv = argv(port, index: index, side: side)
    switch side {
    case .server: return await serve(port, argv: argv, tcpPort: basePort + index, context)
    case .client(let peer): return await connect(port, argv: argv, peer: peer, tcpPort: basePort + index, context)
    }
  }
}

extension PairRun {
  /// Runs the check on this guest: every active port in turn; the server side passes a port once its client has
  /// run against it, the client side judges the port's output with `judge`.
  func check(_ context: CheckContext, judge: (PortFacts, String) -> (CheckItem, [CheckFigure])) async -> CheckResult {
    let side: Side
    switch Self.side(context, check: check) {
    case .failure(let stop): return stop.result
    case .success(let found): side = found
    }
    let ports: [PortFacts]
    switch RDMAToolChecks.activePorts(context, check) {
    case .failure(let stop): return stop.result
    case .success(let found): ports = found
    }
    var result = CheckResult(check: check, items: [], notes: [Self.describe(side, tool: tool)])
    for (index, port) in ports.enumerated() {
      switch await run(port, index: index, side: side, context) {
      case .stop(let stopped): return stopped
      case .item(let item): result.items.append(item)
      case .output where side == .server:
        let text = "\(port.label): \(tool) server on TCP port \(basePort + index) ran with its client"
        result.items.append(CheckItem(port.label, .pass, text))
      case .output(let output):
        let (item, figures) = judge(port, output)
        result.items.append(item)
        result.figures += figures
      }
    }
    return result
  }

  /// The note naming this guest's side.
  static func describe(_ side: Side, tool: String) -> String {
    switch side {
    case .server: "role server: \(tool) listens for the client guest"
    case .client(let peer): "role client: \(tool) connects to the server guest at \(peer)"
    }
  }
}
