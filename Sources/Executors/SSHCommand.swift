/// Where and how to reach a guest over SSH (tmt's `connect` keys).
package struct SSHTarget: Sendable, Hashable {
  /// Host name or address (`guest`).
  package var host: String
  /// Remote user (`user`); nil for ssh's default.
  package var user: String?
  /// Port (`port`); nil for ssh's default.
  package var port: Int?
  /// Private key files (`key`), tried in order.
  package var keys: [String]
  /// The ControlMaster socket shared by every command of a run; nil for none.
  package var socketPath: String?
  /// Extra `-o` options (`ssh-option`), as `Key=Value`.
  package var options: [String]
  /// `become`: run commands through `sudo -n` when the user is not root.
  package var become: Bool

  /// Creates a target.
  package init(
    host: String, user: String? = nil, port: Int? = nil, keys: [String] = [], socketPath: String? = nil,
    options: [String] = [], become: Bool = false
  ) {
    self.host = host
    self.user = user
    self.port = port
    self.keys = keys
    self.socketPath = socketPath
    self.options = options
    self.become = become
  }

  /// `user@host`, or `host`.
  package var destination: String { user.map { "\($0)@\(host)" } ?? host }

  /// True when remote commands go through `sudo -n`.
  package var usesSudo: Bool { become && user != nil && user != "root" }
}

/// Renders the local `ssh` command lines of a guest (pure; golden-tested). Options follow tmt 1.78's
/// `DEFAULT_SSH_OPTIONS` and `_ssh_options`, plus `BatchMode=yes` (nothing ever prompts) and `LogLevel=ERROR` (no
/// "Permanently added" warnings in test output).
package enum SSHCommand {
  /// tmt's default options.
  package static let defaultOptions = [
    "-oForwardX11=no", "-oStrictHostKeyChecking=no", "-oUserKnownHostsFile=/dev/null", "-oConnectionAttempts=5",
    "-oConnectTimeout=60", "-oServerAliveInterval=5", "-oServerAliveCountMax=60",
  ]

  /// The options shared by every command: tmt's defaults, identities, port, key-only auth, the master socket and
  /// the target's own `-o` options (ssh takes the first value of an option, so `first` overrides the rest).
  package static func options(_ target: SSHTarget, first: [String] = []) -> [String] {
    var options = first + defaultOptions + ["-oBatchMode=yes", "-oLogLevel=ERROR"]
    if !target.keys.isEmpty { options.append("-oIdentitiesOnly=yes") }
    if let port = target.port { options.append("-p\(port)") }
    for key in target.keys { options += ["-i", key] }
    options.append("-oPasswordAuthentication=no")
    if let socket = target.socketPath { options.append("-S\(socket)") }
    return options + target.options.map { "-o" + $0 }
  }

  /// `ssh OPTIONS DESTINATION -- COMMAND`.
  package static func argv(_ target: SSHTarget, command: String, first: [String] = [], ssh: String = "ssh")
    -> [String]
  {
    [ssh] + options(target, first: first) + [target.destination, "--", command]
  }

  /// Starts the run's master connection in the background (`-N -f`); it ends at `close()`, or after 15 idle
  /// minutes should hpctest die without closing it.
  package static func masterArgv(_ target: SSHTarget, ssh: String = "ssh") -> [String] {
    [ssh] + options(target, first: ["-oControlMaster=yes", "-oControlPersist=900"]) + ["-N", "-f", target.destination]
  }

  /// Stops the master connection (`-O exit`).
  package static func exitArgv(_ target: SSHTarget, ssh: String = "ssh") -> [String] {
    [ssh] + options(target) + ["-O", "exit", target.destination]
  }

  /// The remote shell command that runs `invocation`: in its working directory, in a new session (`setsid`, its
  /// session id written to `pidFile`), under exactly the invocation's environment, stderr merged into stdout (one
  /// ordered stream, as locally); when it exits, whatever is left of its session is killed, and the exit status is
  /// the program's.
  package static func remoteCommand(_ invocation: Invocation, pidFile: String, sudo: Bool = false) -> String {
    let environment = invocation.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    let program = ShellQuote.join(["exec", "env", "-i"] + environment + invocation.argv)
    let pid = ShellQuote.quote(pidFile)
    let session = "echo $$ >\(pid); \(program) </dev/null 2>&1"
    let script = [
      "mkdir -p \(ShellQuote.quote(parent(pidFile))) || exit 255",
      "cd \(ShellQuote.quote(invocation.workingDirectory)) || exit 2",
      "setsid /bin/sh -c \(ShellQuote.quote(session)) </dev/null; rc=$?",
      killSession(pid, signal: "KILL"), "rm -f \(pid); exit $rc",
    ].joined(separator: "\n")
    return wrap(script, sudo: sudo)
  }

  /// The remote command that tears down the session recorded in `pidFile`: SIGTERM to every process of the
  /// session, then SIGKILL once the main process is gone or `grace` has passed.
  package static func teardownCommand(pidFile: String, grace: Duration, sudo: Bool = false) -> String {
    let pid = ShellQuote.quote(pidFile)
    let tenths = max(
      1, Int(grace.components.seconds) * 10 + Int(grace.components.attoseconds / 100_000_000_000_000_000))
    let script = [
      "i=0; while [ ! -s \(pid) ] && [ $i -lt 20 ]; do sleep 0.1; i=$((i+1)); done",
      "[ -s \(pid) ] || exit 0", killSession(pid, signal: "TERM"),
      "i=0; while kill -0 \"$(cat \(pid) 2>/dev/null)\" 2>/dev/null && [ $i -lt \(tenths) ]; do sleep 0.1; i=$((i+1)); done",
      killSession(pid, signal: "KILL"), "exit 0",
    ].joined(separator: "\n")
    return wrap(script, sudo: sudo)
  }

  /// Signals every process of the session whose id is in the pid file (the group, and `pkill -s` for members
  /// that moved to another group of the same session).
  private static func killSession(_ pid: String, signal: String) -> String {
    "sid=$(cat \(pid) 2>/dev/null) && [ -n \"$sid\" ] && { kill -\(signal) -- -\"$sid\" 2>/dev/null; "
      + "pkill -\(signal) -s \"$sid\" 2>/dev/null; }"
  }

  private static func wrap(_ script: String, sudo: Bool) -> String {
    sudo ? "sudo -n /bin/sh -c \(ShellQuote.quote(script))" : "/bin/sh -c \(ShellQuote.quote(script))"
  }

  private static func parent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
    return String(path[..<slash])
  }
}
