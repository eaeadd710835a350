/// `provision -h connect` command-line options; each set one overrides the plan's key of the same name.
package struct ConnectOptions: Sendable, Hashable {
  /// `-g/--guest`: host name or address.
  package var guest: String?
  /// `-u/--user`.
  package var user: String?
  /// `-P/--port`.
  package var port: Int?
  /// `-k/--key`, in order (replaces the plan's `key` list).
  package var keys: [String] = []
  /// `--ssh-option`, in order (appended to the plan's `ssh-option` list).
  package var sshOptions: [String] = []
  /// `--become`.
  package var become = false

  /// Creates empty options.
  package init() {}
}
