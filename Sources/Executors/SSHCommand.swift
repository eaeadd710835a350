/// Where and how to reach a node over SSH.
package struct SSHTarget: Sendable, Hashable {
  /// Host name or address.
  package var host: String
  /// Remote user; nil for ssh's default.
  package var user: String?
  /// Port; nil for 22.
  package var port: Int?
  /// Private key file.
  package var identityFile: String?
  /// Control socket shared by the commands of one run; nil for none.
  package var controlPath: String?
  /// Extra `-o` options, as `Key=Value`.
  package var options: [String]

  /// Creates a target.
  package init(
    host: String, user: String? = nil, port: Int? = nil, identityFile: String? = nil, controlPath: String? = nil,
    options: [String] = []
  ) {
    self.host = host
    self.user = user
    self.port = port
    self.identityFile = identityFile
    self.controlPath = controlPath
    self.options = options
  }
}

/// Renders the local `ssh` command line that runs an invocation remotely (pure; golden-tested).
package enum SSHCommand {
  /// The argv: `ssh` options, the destination, then one remote shell command that changes to the working
  /// directory and replaces itself with the program under exactly the invocation's environment. The remote side
  /// starts the program in a new session (`setsid`) so it can be torn down as a group.
  package static func argv(target: SSHTarget, invocation: Invocation, ssh: String = "ssh") -> [String] {
    var argv = [ssh, "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=accept-new"]
    if let port = target.port { argv += ["-p", String(port)] }
    if let key = target.identityFile { argv += ["-i", key] }
    if let control = target.controlPath {
      argv += ["-o", "ControlMaster=auto", "-o", "ControlPersist=60", "-o", "ControlPath=\(control)"]
    }
    for option in target.options { argv += ["-o", option] }
    argv.append(target.user.map { "\($0)@\(target.host)" } ?? target.host)
    argv += ["--", remoteCommand(invocation)]
    return argv
  }

  /// The shell command the remote side runs.
  package static func remoteCommand(_ invocation: Invocation) -> String {
    let environment = invocation.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    let command = ["exec", "setsid", "env", "-i"] + environment + invocation.argv
    return "cd \(ShellQuote.quote(invocation.workingDirectory)) && \(ShellQuote.join(command)) </dev/null"
  }
}
