public import HPCBasics
import TMTModel
import YAML

/// One guest of a plan, from a `provision` phase (tmt: one phase per guest, named `default-0`, ... unless
/// named) and the `provision -h connect` command-line options.
package struct GuestSpec: Sendable, Hashable {
  /// The guest name (the phase name).
  package var name: String
  /// The multihost role, nil when none.
  package var role: String?
  /// `local` or `connect`.
  package var how: String
  /// `guest`, `user`, `port`, `key`, `ssh-option`, `become` of a `connect` guest.
  package var host: String?
  package var user: String?
  package var port: Int?
  package var keys: [String] = []
  package var sshOptions: [String] = []
  package var become = false

  /// The guests of `plan`: a plan without `provision` (tmt's default `virtual`) runs on this machine.
  package static func guests(of plan: TMTPlan, options: RunOptions) throws(Diagnostic) -> [GuestSpec] {
    let phases = plan.phases(.provision)
    guard !phases.isEmpty else { return [GuestSpec(name: "default-0", how: options.provisionHow ?? "local")] }
    var guests: [GuestSpec] = []
    for phase in phases { guests.append(try guest(phase, plan: plan.name, options: options)) }
    return guests
  }

  private static func guest(_ phase: TMTPhase, plan: String, options: RunOptions) throws(Diagnostic) -> GuestSpec {
    let key = "\(plan):provision[\(phase.name)]"
    // A phase without an explicit `how` gets tmt's default `virtual`; hpctest runs it on this machine.
    let defaulted = phase.how == "virtual" && phase["how"]?.location == nil
    var spec = GuestSpec(
      name: phase.name, role: phase["role"]?.scalarText,
      how: options.provisionHow ?? (defaulted ? "local" : phase.how))
    guard ["local", "connect"].contains(spec.how) else {
      throw .error(
        "provision method '\(spec.how)' is not supported (use 'local' or 'connect'); run with '-a provision -h local'",
        at: phase["how"]?.location, keyPath: key + ".how")
    }
    guard spec.how == "connect" else { return spec }
    try spec.readConnect(phase, key: key, options: options.connect)
    return spec
  }

  private mutating func readConnect(_ phase: TMTPhase, key: String, options: ConnectOptions) throws(Diagnostic) {
    if let password = phase["password"], password.value != .null {
      throw .error(
        "'password' is not supported: hpctest connects with keys only ('key')", at: password.location,
        keyPath: key + ".password")
    }
    host = options.guest ?? phase["guest"]?.scalarText
    guard host != nil else {
      throw .error("provision 'connect' needs 'guest' (or '-g HOST')", at: phase["how"]?.location, keyPath: key)
    }
    user = options.user ?? phase["user"]?.scalarText ?? "root"
    if let port = options.port { self.port = port } else { port = try Self.port(phase["port"], key: key + ".port") }
    keys = options.keys.isEmpty ? phase["key"]?.scalarList ?? [] : options.keys
    sshOptions = (phase["ssh-option"]?.scalarList ?? []) + options.sshOptions
    become = options.become || phase["become"]?.value == .bool(true)
  }

  private static func port(_ node: YAMLNode?, key: String) throws(Diagnostic) -> Int? {
    guard let node, node.value != .null else { return nil }
    if case .int(let port) = node.value, (1...65535).contains(port) { return port }
    if let text = node.scalarText, let port = Int(text), (1...65535).contains(port) { return port }
    throw .error(
      "'port' must be a port number (1-65535), got '\(node.scalarText ?? "?")'", at: node.location, keyPath: key)
  }
}
