/// Renders the command lines that copy directories to and from a guest (pure; golden-tested): one `rsync -aR` for
/// all of them (same absolute paths on both sides), or, where the guest has no rsync, one `tar | ssh` through a
/// temporary archive (so copying a directory onto itself, as with a guest on this machine, cannot corrupt it).
package enum SSHTransfer {
  /// How files travel.
  package enum Method: String, Sendable {
    case rsync, tar
  }

  /// The local command that copies `directories` to the guest.
  package static func push(_ directories: [String], target: SSHTarget, method: Method, archive: String) -> [String] {
    switch method {
    case .rsync:
      return rsync(target) + directories + [target.destination + ":/"]
    case .tar:
      let remote = SSHCommand.argv(target, command: sudo(target) + "tar -C / -xf -")
      let script =
        "tar -C / -cf \(ShellQuote.quote(archive)) \(ShellQuote.join(directories.map(relative))) && "
        + "\(ShellQuote.join(remote)) <\(ShellQuote.quote(archive)); rc=$?; rm -f \(ShellQuote.quote(archive)); exit $rc"
      return ["/bin/sh", "-c", script]
    }
  }

  /// The local command that copies `directories` back from the guest.
  package static func pull(_ directories: [String], target: SSHTarget, method: Method, archive: String) -> [String] {
    switch method {
    case .rsync:
      return rsync(target) + directories.map { target.destination + ":" + $0 } + ["/"]
    case .tar:
      let command = sudo(target) + "tar -C / -cf - " + ShellQuote.join(directories.map(relative))
      let remote = SSHCommand.argv(target, command: command)
      let script =
        "\(ShellQuote.join(remote)) >\(ShellQuote.quote(archive)) && tar -C / -xf \(ShellQuote.quote(archive)); "
        + "rc=$?; rm -f \(ShellQuote.quote(archive)); exit $rc"
      return ["/bin/sh", "-c", script]
    }
  }

  /// The remote command that says which method the guest supports.
  package static let probeCommand = "command -v rsync >/dev/null 2>&1 && echo rsync || echo tar"

  private static func rsync(_ target: SSHTarget) -> [String] {
    var argv = ["rsync", "-a", "-R", "-e", ShellQuote.join(["ssh"] + SSHCommand.options(target))]
    if target.usesSudo { argv += ["--rsync-path", "sudo -n rsync"] }
    return argv
  }

  private static func sudo(_ target: SSHTarget) -> String { target.usesSudo ? "sudo -n " : "" }

  private static func relative(_ path: String) -> String {
    let trimmed = String(path.drop { $0 == "/" })
    return trimmed.isEmpty ? "." : trimmed
  }
}
