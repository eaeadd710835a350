import HPCBasics

/// The few files checks read that the probe does not gather (`/proc/uptime`, `/sys/module/nvidia_peermem`, the
/// text of `/proc/driver/nvidia/version`), read under the root like the probe does.
extension SystemRoot {
  /// The trimmed text of the file at the absolute path `path` under the root, nil when unreadable.
  package func text(_ path: String) -> String? {
    FileSystem.readText(resolve(path)).map(\.trimmed)
  }

  /// True when `path` exists under the root.
  package func exists(_ path: String) -> Bool {
    FileSystem.kind(resolve(path), follow: false) != nil
  }
}
